package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.audit.AuditReport;
import dev.swarmboard.cli.audit.CodeReplay;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo missions end to end on a real broker with every real service — orchestrator, two lane
 * workers, verifier, digest — then audited by replay; and a tampered copy of its log caught. The
 * second mission changes a fresh git copy of the example project (TDD lane, a rejected change).
 */
class DemoMissionIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = KafkaFixture.uniqueName("demo") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static Map<String, Object> client;
    private static Codecs codecs;
    private static SwarmStack stack;
    private static String missionId;
    private static MissionStatus outcome;
    private static String repoMissionId;
    private static MissionStatus repoOutcome;

    @BeforeAll
    static void runTheDemoMission() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        codecs = BlackboardSetup.prepare(client, CATALOGUE);
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path capabilities = repo.resolve("examples/capabilities/offline.yaml");
        Path workflows = repo.resolve("examples/workflows");
        stack = TestStacks.start(KafkaFixture.bootstrapServers(), dir, capabilities, workflows, PREFIX, 2);

        SubmitMission submission = MissionCommand.validate(repo.resolve("examples/missions/demo.yaml"), capabilities,
                workflows);
        missionId = "demo-it-" + PREFIX.replace(".", "");
        submission.getMission().setMissionId(missionId);
        Path repoMission = DemoWorkspace.prepare(repo.resolve("examples/workspaces/textkit"),
                repo.resolve("examples/missions/workspace.yaml"), dir, "it");
        SubmitMission repoSubmission = MissionCommand.validate(repoMission, capabilities, workflows);
        repoMissionId = "workspace-it-" + PREFIX.replace(".", "");
        repoSubmission.getMission().setMissionId(repoMissionId);
        MissionStatus status = MissionCommand.submit(client, CATALOGUE, codecs, submission);
        MissionStatus repoStatus = MissionCommand.submit(client, CATALOGUE, codecs, repoSubmission);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        outcome = MissionCommand.follow(client, CATALOGUE, codecs, missionId, status, Duration.ofSeconds(180), quiet);
        repoOutcome = MissionCommand.follow(client, CATALOGUE, codecs, repoMissionId, repoStatus,
                Duration.ofSeconds(180), quiet);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldFailOneTripwireRetryThatLaneAloneAndPublishTheDigest() throws Exception {
        // Then the mission completed with a digest on disk
        assertThat(outcome.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        assertThat(dir.resolve("reports").resolve(missionId + ".md")).exists();
        String report = Files.readString(dir.resolve("reports").resolve(missionId + ".md"));
        assertThat(report).contains("flowchart TD").contains(outcome.summary().substring(0, 40));

        // And the log shows a failed round 1 naming the lane with the tripwire, a targeted retry, and a PASS
        List<RecordedEvent> events = readMission().events();
        List<QuorumReached> verdicts = payloads(events, QuorumReached.class);
        assertThat(verdicts).extracting(QuorumReached::getVerdict).containsExactly("FAIL", "PASS");
        assertThat(verdicts.get(0).getFailingLanes()).contains("gaps");
        assertThat(payloads(events, RetryScheduled.class)).singleElement()
                .satisfies(retry -> assertThat(retry.getLanes()).contains("gaps").doesNotContain("overview"));
    }

    @Test
    void shouldChangeTheDemoRepositoryRedThenGreenAndPassARejectedLaneOnItsRetry() {
        // Then the workspace mission completed
        assertThat(repoOutcome.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        List<RecordedEvent> events = readMission(repoMissionId).events();

        // And the TDD lane's tests failed on red's tree and passed on green's, from tool receipts
        List<ChangeApplied> changes = payloads(events, ChangeApplied.class);
        ChangeApplied red = changes.stream().filter(change -> change.getStage().equals("red")).findFirst().orElseThrow();
        ChangeApplied green = changes.stream().filter(change -> change.getStage().equals("green")).findFirst()
                .orElseThrow();
        List<ToolReceipt> runs = payloads(events, ToolReceipt.class);
        assertThat(runs).filteredOn(run -> run.getTreeId().equals(red.getTreeId()))
                .singleElement().satisfies(run -> assertThat(run.getExitCode()).isNotZero());
        assertThat(runs).filteredOn(run -> run.getTreeId().equals(green.getTreeId()))
                .isNotEmpty().allSatisfy(run -> assertThat(run.getExitCode()).isZero());

        // And word-docs was rejected on attempt 1 (nothing applied) and re-run alone to a pass
        assertThat(events.stream().filter(e -> e.event().getPayload() instanceof LaneFailed)
                .map(e -> e.event().getHeader().getLaneId() + "#" + e.event().getHeader().getAttempt() + " "
                        + ((LaneFailed) e.event().getPayload()).getReasons().get(0).getCode()))
                .containsExactly("word-docs#1 CHANGE_REJECTED");
        assertThat(payloads(events, RetryScheduled.class)).singleElement()
                .satisfies(retry -> assertThat(retry.getLanes()).containsExactly("word-docs"));
        assertThat(payloads(events, QuorumReached.class)).extracting(QuorumReached::getVerdict)
                .containsExactly("FAIL", "PASS");

        // And replay re-derives its verdicts with the change receipts in the log
        assertThat(MissionAudit.audit(readMission(repoMissionId), codecs.events().codec(), null).divergences()).isEmpty();

        // And the user's copy of the example project is untouched
        assertThat(Path.of("..", "examples", "workspaces", "textkit", "tests", "test_slug.py"))
                .content().doesNotContain("PunctuationTest");
    }

    @Test
    void shouldIntegrateTheLanesAndDeliverTheReportThePatchAndTheBranch() throws Exception {
        // Then after the PASS one integration combined both lanes and the tests passed on its tree
        List<RecordedEvent> events = readMission(repoMissionId).events();
        IntegrationCompleted integrated = payloads(events, IntegrationCompleted.class).get(0);
        assertThat(payloads(events, IntegrationCompleted.class)).hasSize(1);
        assertThat(integrated.getLanes()).containsExactly("slug-punctuation", "word-docs");
        assertThat(payloads(events, ToolReceipt.class)).filteredOn(run -> run.getTreeId().equals(integrated.getTreeId())
                && run.getStage().equals("integrate")).singleElement()
                .satisfies(run -> assertThat(run.getExitCode()).isZero());

        // And the report shows the work and the integrated diff, with the patch beside it
        Path reports = dir.resolve("reports");
        String report = Files.readString(reports.resolve(repoMissionId + ".md"));
        assertThat(report).contains("## Work", "### Lane word-docs", "## Integrated change", "+++ b/textkit/slug.py",
                integrated.getTreeId(), "git am " + repoMissionId + ".patch");
        assertThat(reports.resolve(repoMissionId + ".patch")).content().contains(integrated.getDiff());

        // And the demo repository has branch swarm/<id> at the integrated tree, its own branch untouched
        Path demoRepo = dir.resolve("workspace-it/workspaces/textkit");
        String branchTree = GitCli.run(demoRepo, "rev-parse", "swarm/" + repoMissionId + "^{tree}").firstLine();
        assertThat(branchTree).isEqualTo(integrated.getTreeId());
        assertThat(GitCli.run(demoRepo, "rev-parse", "swarm/" + repoMissionId + "^").firstLine())
                .isEqualTo(integrated.getBaseCommit());
        assertThat(GitCli.run(demoRepo, "rev-parse", "HEAD").firstLine()).isEqualTo(integrated.getBaseCommit());
        assertThat(GitCli.run(demoRepo, "status", "--porcelain").stdout()).isEmpty();
    }

    @Test
    void shouldReplayTheCodeOkAndDivergeOnOneChangedByteOfAReceiptedDiff() {
        // Given the workspace mission's log, whose code replays without divergence
        List<RecordedEvent> events = readMission(repoMissionId).events();
        assertThat(CodeReplay.replay(events)).isEmpty();

        // And a forged copy: one byte of green's diff changed, its diff hash and content hash made to match
        int victim = -1;
        for (int i = 0; i < events.size() && victim < 0; i++) {
            if (events.get(i).event().getPayload() instanceof ChangeApplied change && change.getStage().equals("green")) {
                victim = i;
            }
        }
        RecordedEvent original = events.get(victim);
        ChangeApplied change = (ChangeApplied) original.event().getPayload();
        String diff = change.getDiff().replaceFirst("\n\\+([^+])", "\n+X");
        ChangeApplied forgedChange = ChangeApplied.newBuilder(change).setDiff(diff)
                .setDiffHash(dev.swarmboard.codec.ContentHash.sha256Hex(diff.getBytes(StandardCharsets.UTF_8))).build();
        var header = dev.swarmboard.schema.EventHeader.newBuilder(original.event().getHeader())
                .setContentHash(dev.swarmboard.codec.ContentHash.of(forgedChange)).build();
        List<RecordedEvent> forged = new java.util.ArrayList<>(events);
        forged.set(victim, new RecordedEvent(new dev.swarmboard.schema.BlackboardEvent(header, forgedChange),
                original.topic(), original.partition(), original.offset(), original.timestamp(), original.value()));

        // When the code is replayed, Then the first divergence is the forged change: its tree does not come out
        List<AuditReport.Divergence> divergences = CodeReplay.replay(forged);
        assertThat(divergences).isNotEmpty();
        assertThat(divergences.get(0).eventId()).isEqualTo(original.eventId());
        assertThat(divergences.get(0).reason()).contains("gives tree").contains(change.getTreeId());
    }

    @Test
    void shouldReplayOkWithVerdictsRederivedByteForByte() {
        // Given the mission's log as stored
        MissionLog log = readMission();

        // When it is audited the way `swarm replay` does
        AuditReport audit = MissionAudit.audit(log, codecs.events().codec(), null);

        // Then nothing diverges, and every recorded verdict is the verifier's signature on exactly the re-derived one
        assertThat(audit.divergences()).isEmpty();
        List<BlackboardEvent> verdicts = log.events().stream().map(RecordedEvent::event)
                .filter(e -> e.getPayload() instanceof QuorumReached).toList();
        assertThat(verdicts).allSatisfy(verdict -> assertThat(verdict.getHeader().getSignerKeyId()).isEqualTo("verifier"));
        List<byte[]> recorded = verdicts.stream().map(FactSigner::unsigned).map(codecs.events().codec()::encode).toList();
        List<byte[]> derived = QuorumReplay.verdicts(log.events()).stream().map(codecs.events().codec()::encode).toList();
        assertThat(derived).hasSameSizeAs(recorded);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(derived.get(i)).isEqualTo(recorded.get(i));
        }
    }

    @Test
    void shouldNameTheEventWhoseStoredBytesWereTampered() throws Exception {
        // Given a copy of the mission's log on a test topic, with one byte of one stage receipt flipped
        MissionLog log = readMission();
        String copy = PREFIX + "tampered";
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(copy, Optional.of(CATALOGUE.blackboardPartitions()),
                    Optional.empty()))).all().get();
        }
        int victim = indexOfType(log, "StageCompleted");
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < log.events().size(); i++) {
                byte[] value = log.events().get(i).value().clone();
                if (i == victim) {
                    value[value.length - 12] ^= 0x01;
                }
                producer.send(new ProducerRecord<>(copy, missionId, value)).get();
            }
        }

        // When the copy is audited
        MissionLog tampered;
        try (BlackboardReader reader = new BlackboardReader(client, copy, codecs)) {
            tampered = reader.readMission(missionId);
        }
        AuditReport audit = MissionAudit.audit(tampered, codecs.events().codec(), null);

        // Then replay diverges, and the first divergence is the tampered event
        assertThat(audit.ok()).isFalse();
        assertThat(audit.divergences().get(0).eventId()).isEqualTo(log.events().get(victim).eventId());
    }

    private static MissionLog readMission() {
        return readMission(missionId);
    }

    private static MissionLog readMission(String id) {
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, codecs)) {
            return reader.readMission(id);
        }
    }

    private static int indexOfType(MissionLog log, String type) {
        for (int i = 0; i < log.events().size(); i++) {
            if (log.events().get(i).type().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the log");
    }

    private static <T> List<T> payloads(List<RecordedEvent> events, Class<T> type) {
        return events.stream().map(e -> e.event().getPayload()).filter(type::isInstance).map(type::cast).toList();
    }
}
