package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration of workspace missions on a real broker with every real service: two lanes whose first
 * changes touch the same line conflict, are re-run told why, and integrate; two lanes whose changes
 * pass alone and fail together fail the mission after the re-runs, and nothing is delivered; a chain of
 * lanes (second after first, third after second) where each starts from the previous lane's tree.
 */
class IntegrationMissionIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = KafkaFixture.uniqueName("integration") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Path RESOURCES = Path.of("src/test/resources/integration").toAbsolutePath();
    private static Map<String, Object> client;
    private static Codecs codecs;
    private static SwarmStack stack;
    private static String overlapId;
    private static MissionStatus overlap;
    private static String brokenId;
    private static MissionStatus broken;
    private static String chainId;
    private static MissionStatus chain;

    @BeforeAll
    static void runBothMissions() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        codecs = BlackboardSetup.prepare(client, CATALOGUE);
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path capabilities = RESOURCES.resolve("capabilities.yaml");
        Path workflows = repo.resolve("examples/workflows");
        stack = TestStacks.start(KafkaFixture.bootstrapServers(), dir, capabilities, workflows, PREFIX, 2);

        overlapId = "overlap-" + PREFIX.replace(".", "");
        brokenId = "broken-" + PREFIX.replace(".", "");
        chainId = "chain-" + PREFIX.replace(".", "");
        SubmitMission first = submission(repo, "overlap.yaml", overlapId, capabilities, workflows);
        SubmitMission second = submission(repo, "broken.yaml", brokenId, capabilities, workflows);
        SubmitMission third = submission(repo, "chain.yaml", chainId, capabilities, workflows);
        MissionStatus firstStatus = MissionCommand.submit(client, CATALOGUE, codecs, first);
        MissionStatus secondStatus = MissionCommand.submit(client, CATALOGUE, codecs, second);
        MissionStatus thirdStatus = MissionCommand.submit(client, CATALOGUE, codecs, third);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        overlap = MissionCommand.follow(client, CATALOGUE, codecs, overlapId, firstStatus, Duration.ofSeconds(180), quiet);
        broken = MissionCommand.follow(client, CATALOGUE, codecs, brokenId, secondStatus, Duration.ofSeconds(180), quiet);
        chain = MissionCommand.follow(client, CATALOGUE, codecs, chainId, thirdStatus, Duration.ofSeconds(180),
                quiet);
    }

    private static SubmitMission submission(Path repo, String file, String id, Path capabilities, Path workflows) {
        Path mission = DemoWorkspace.prepare(repo.resolve("examples/workspaces/textkit"), RESOURCES.resolve(file), dir,
                id);
        SubmitMission submission = MissionCommand.validate(mission, capabilities, workflows);
        submission.getMission().setMissionId(id);
        return submission;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldReRunConflictingLanesToldTheOtherChangeAndIntegrateTheirReRuns() {
        // Then the overlap mission completed
        assertThat(overlap.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        List<RecordedEvent> events = events(overlapId);

        // And round 1 passed the quorum with the disruptor naming the overlap, then the integration conflicted
        QuorumReached first = payloads(events, QuorumReached.class).get(0);
        assertThat(first.getVerdict()).isEqualTo("PASS");
        assertThat(first.getVotes()).filteredOn(vote -> vote.getValidator().equals("disruptor")).singleElement()
                .satisfies(vote -> assertThat(vote.getReasons())
                        .containsExactly("lanes left and right both change textkit/words.py (left: line 5, right: line 5)"));
        IntegrationFailed conflict = payloads(events, IntegrationFailed.class).get(0);
        assertThat(conflict.getReasons()).extracting(Reason::getCode).containsExactly("CONFLICT");
        assertThat(conflict.getLanes()).containsExactly("left", "right");

        // And both lanes were re-run at attempt 2, each told the other's change
        RetryScheduled retry = payloads(events, RetryScheduled.class).get(0);
        assertThat(retry.getLanes()).containsExactly("left", "right");
        assertThat(conflict.getLaneReasons()).filteredOn(reason -> reason.getKey().equals("right")).singleElement()
                .satisfies(reason -> assertThat(reason.getValue()).contains("lane left changed:", "(left)"));

        // And the re-runs integrated and passed their tests, the digest published, replay finds nothing
        IntegrationCompleted completed = payloads(events, IntegrationCompleted.class).get(0);
        assertThat(completed.getRound()).isEqualTo(2);
        assertThat(completed.getDiff()).contains("(left)", "(right)").doesNotContain("words the text has (right)");
        assertThat(payloads(events, DigestPublished.class)).hasSize(1);
        assertThat(MissionAudit.audit(log(overlapId), codecs.events().codec(), null).divergences()).isEmpty();
    }

    @Test
    void shouldFailTheMissionWhenTheIntegratedTestsFailAfterTheReRuns() {
        // Then the broken mission failed
        assertThat(broken.stage()).isEqualTo(MissionStatus.Stage.FAILED);
        List<RecordedEvent> events = events(brokenId);

        // And each integration ran the tests on its tree and they failed, once per round
        List<IntegrationFailed> failures = payloads(events, IntegrationFailed.class);
        assertThat(failures).extracting(IntegrationFailed::getRound).containsExactly(1, 2);
        assertThat(failures).allSatisfy(failed -> {
            assertThat(failed.getReasons()).extracting(Reason::getCode).containsExactly("TESTS_FAILED");
            assertThat(failed.getTreeId()).isNotEmpty();
            assertThat(failed.getLanes()).containsExactly("rename", "extra");
        });

        // And the mission failed with the integration's reason; nothing was integrated or delivered
        MissionFailed failed = payloads(events, MissionFailed.class).get(0);
        assertThat(failed.getReasons()).extracting(Reason::getCode).containsExactly("RERUNS_EXHAUSTED", "TESTS_FAILED");
        assertThat(payloads(events, IntegrationCompleted.class)).isEmpty();
        assertThat(payloads(events, DigestPublished.class)).isEmpty();
        assertThat(dir.resolve("reports").resolve(brokenId + ".patch")).doesNotExist();
    }

    @Test
    void shouldStartEachSequencedLaneFromItsPredecessorsTreeAndIntegrateTheChain() {
        // Then the chain mission completed in one round, the disruptor seeing no overlap in the sequence
        assertThat(chain.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        List<RecordedEvent> events = events(chainId);
        assertThat(payloads(events, QuorumReached.class)).singleElement().satisfies(verdict -> {
            assertThat(verdict.getVerdict()).isEqualTo("PASS");
            assertThat(verdict.getVotes()).allSatisfy(vote -> assertThat(vote.getPass()).isTrue());
        });

        // And second started from first's final tree, third from second's (which holds first's change)
        LaneYielded first = laneYield(events, "first");
        LaneYielded second = laneYield(events, "second");
        LaneYielded third = laneYield(events, "third");
        assertThat(startOf(events, "first")).isEqualTo(first.getBaseTreeId()).isEqualTo(laneYield(events, "slugs")
                .getBaseTreeId());
        assertThat(startOf(events, "second")).isEqualTo(first.getTreeId()).isEqualTo(second.getBaseTreeId());
        assertThat(startOf(events, "third")).isEqualTo(second.getTreeId()).isEqualTo(third.getBaseTreeId());

        // And each net change is relative to its start: second's replaces first's text, not the base's
        assertThat(second.getChangeDiff()).contains("-    \"\"\"How many whitespace-separated words the text has"
                + " (first).\"\"\"", "+    \"\"\"How many whitespace-separated words the text has (first, second).");

        // And the integration combined the chain and the independent lane; replay re-derives every tree
        IntegrationCompleted completed = payloads(events, IntegrationCompleted.class).get(0);
        assertThat(completed.getLanes()).containsExactly("first", "second", "third", "slugs");
        assertThat(completed.getDiff()).contains("+    \"\"\"How many whitespace-separated words the text has"
                + " (first, second, third).\"\"\"", "joined by hyphens (slugs).");
        assertThat(payloads(events, DigestPublished.class)).singleElement().satisfies(digest -> assertThat(
                digest.getMarkdown()).contains("After lanes second.", "from its predecessors' tree " + second.getTreeId()));
        assertThat(MissionAudit.audit(log(chainId), codecs.events().codec(), null).divergences()).isEmpty();
    }

    private static LaneYielded laneYield(List<RecordedEvent> events, String laneId) {
        return events.stream().filter(e -> laneId.equals(e.event().getHeader().getLaneId()))
                .map(e -> e.event().getPayload()).filter(LaneYielded.class::isInstance).map(LaneYielded.class::cast)
                .findFirst().orElseThrow();
    }

    private static String startOf(List<RecordedEvent> events, String laneId) {
        return events.stream().filter(e -> laneId.equals(e.event().getHeader().getLaneId()))
                .map(e -> e.event().getPayload()).filter(LaneStarted.class::isInstance).map(LaneStarted.class::cast)
                .findFirst().orElseThrow().getStartTreeId();
    }

    private static dev.swarmboard.blackboard.MissionLog log(String id) {
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, codecs)) {
            return reader.readMission(id);
        }
    }

    private static List<RecordedEvent> events(String id) {
        return log(id).events();
    }

    private static <T> List<T> payloads(List<RecordedEvent> events, Class<T> type) {
        return events.stream().map(e -> e.event().getPayload()).filter(type::isInstance).map(type::cast).toList();
    }
}
