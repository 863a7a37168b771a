package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.BlackboardWriter;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.stack.StackKeys;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.signing.Ed25519Keys;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.signing.SignerRole;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.verifier.quorum.Quorum;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Forged verdicts on a real broker with every service signing its facts: a QuorumReached PASS signed
 * by the lane workers' key (under the id of the real round-1 verdict, so it would count if believed)
 * and an unsigned one are ignored by the orchestrator, the verifier and the digest, each dead-letters
 * them with their coordinates, the real mission still fails round 1, re-runs and completes, and
 * {@code swarm replay} names both forgeries and who signed every event.
 */
class SignedFactsIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = "signed.";
    private static final String INSTANCE = "signed-it";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CAPABILITIES = REPO.resolve("examples/capabilities/offline.yaml");

    private static LocalKafka kafka;
    private static Map<String, Object> client;
    private static StackKeys keys;
    private static SwarmStack stack;

    @BeforeAll
    static void startSigningServices() {
        kafka = new LocalKafka(LocalKafkaConfig.defaults()).start();
        client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        keys = StackKeys.ensure(dir.resolve("keys"));
        Map<String, String> base = new HashMap<>(System.getenv());
        base.put("SWARM_TOPIC_PREFIX", PREFIX);
        base.put("SWARM_INSTANCE_ID", INSTANCE);
        stack = SwarmStack.start(new StackSettings(kafka.bootstrapServers(), dir, CAPABILITIES, null,
                dir.resolve("reports"), 1).environment(base), 1, keys);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void shouldIgnoreForgedVerdictsWhileTheRealMissionCompletes() throws Exception {
        // Given the demo mission submitted, and its plan on the blackboard
        SubmitMission submission = MissionCommand.validate(REPO.resolve("examples/missions/demo.yaml"), CAPABILITIES, null);
        String missionId = "signed-" + System.nanoTime();
        submission.getMission().setMissionId(missionId);
        MissionStatus status = MissionCommand.submit(client, CATALOGUE, Codecs.create(), submission);
        FactVerifier trust = FactVerifier.trusting(TrustFile.load(keys.trustFile()), "it");
        PlanIssued plan = await().atMost(Duration.ofSeconds(90)).until(() -> read(missionId, trust).events().stream()
                .map(RecordedEvent::event).map(BlackboardEvent::getPayload).filter(PlanIssued.class::isInstance)
                .map(PlanIssued.class::cast).findFirst().orElse(null), found -> found != null);

        // When a lane worker's key signs a round-1 PASS under the real verdict's id, and an unsigned PASS follows
        String realRoundOneId = Quorum.verdictId(missionId, plan.getPlan().getPlanId(), 1);
        FactSigner laneWorker = FactSigner.of("lane-worker",
                Ed25519Keys.privateKey(Files.readAllBytes(keys.dir().resolve("lane-worker.key"))));
        long signedForgery = forge(laneWorker, missionId, plan, realRoundOneId, trust);
        long unsignedForgery = forge(FactSigner.UNSIGNED, missionId, plan, "forged-" + missionId, trust);

        // Then the mission fails round 1 as it really did, re-runs and completes on the real round-2 PASS
        MissionStatus end = MissionCommand.follow(client, CATALOGUE, Codecs.create(), missionId, status,
                Duration.ofSeconds(240), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(end.stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        MissionLog log = read(missionId, trust);
        List<BlackboardEvent> events = log.events().stream().map(RecordedEvent::event).toList();
        QuorumReached roundOne = (QuorumReached) events.stream().filter(e -> e.getHeader().getEventId()
                .equals(realRoundOneId)).findFirst().orElseThrow().getPayload();
        assertThat(roundOne.getVerdict()).isEqualTo(Quorum.FAIL);
        assertThat(events).noneMatch(e -> e.getPayload() instanceof DigestRejected);
        assertThat(events).filteredOn(e -> e.getPayload() instanceof DigestPublished).singleElement()
                .satisfies(e -> assertThat(((DigestPublished) e.getPayload()).getVerdictEventId())
                        .isEqualTo(Quorum.verdictId(missionId, plan.getPlan().getPlanId(), 2)));
        // every fact the services wrote is signed by its own service's key
        assertThat(events).allSatisfy(e -> assertThat(SignerRole.ofService(e.getHeader().getSignerKeyId())
                .orElseThrow().types()).contains(e.getHeader().getType()));
        assertThat(stack.healthy()).isTrue();

        // and each service that reads the blackboard dead-lettered both forgeries with their coordinates
        int partition = log.events().get(0).partition();
        String signed = CATALOGUE.blackboard() + "-" + partition + "@" + signedForgery;
        String unsigned = CATALOGUE.blackboard() + "-" + partition + "@" + unsignedForgery;
        List<String> readers = List.of("orchestrator/" + INSTANCE, "verifier/" + INSTANCE, "digest/" + INSTANCE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> letters = deadLetterServicesBySource();
            assertThat(letters.get(signed)).containsAll(readers);
            assertThat(letters.get(unsigned)).containsAll(readers);
        });

        // and replay against the trust file names both forgeries (exit 3) and who signed each event
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplayCommand replay = new ReplayCommand();
        new CommandLine(replay).parseArgs(missionId, "--bootstrap", kafka.bootstrapServers(), "--topic-prefix", PREFIX,
                "--trust-file", keys.trustFile().toString());
        int exit = replay.replay(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ReplayCommand.DIVERGED);
        assertThat(text).contains("REPLAY DIVERGED at " + signed)
                .contains(signed + ": untrusted fact: QuorumReached " + realRoundOneId
                        + " (signer lane-worker) refused: key lane-worker may not sign a QuorumReached")
                .contains(unsigned + ": untrusted fact: QuorumReached forged-" + missionId
                        + " (signer unsigned) refused: the fact is not signed")
                .contains("signed by verifier").contains("signed by orchestrator").contains("signed by lane-worker")
                .contains("signed by digest").contains("signatures verified against trust file");
        assertThat(text.lines().filter(line -> line.contains("also at")).count()).isEqualTo(1);
    }

    /** Writes a round-1 PASS verdict for the mission as it stands, signed by {@code signer}; returns its offset. */
    private static long forge(FactSigner signer, String missionId, PlanIssued plan, String eventId,
                              FactVerifier trust) throws Exception {
        MissionLog log = read(missionId, trust);
        QuorumReached pass = QuorumReached.newBuilder().setRound(1).setVerdict(Quorum.PASS).setVotes(List.of())
                .setThreshold(2).setHeadHash(log.head().hex()).setEventCount(log.events().size())
                .setPlanId(plan.getPlan().getPlanId()).build();
        BlackboardEvent forged = Events.create(eventId, new EventOrigin(missionId, null, 1, Quorum.PRODUCER, null, null),
                pass, Instant.now());
        try (BlackboardWriter writer = BlackboardWriter.create(client, CATALOGUE, Codecs.create(), "forger", signer)) {
            return writer.append(forged).get().offset();
        }
    }

    private static MissionLog read(String missionId, FactVerifier trust) {
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, Codecs.create(), trust)) {
            return reader.readMission(missionId);
        }
    }

    /** Source coordinates of every dead letter, with the service/instance that wrote each. */
    private static Map<String, List<String>> deadLetterServicesBySource() {
        return DeadLetterSources.servicesBySource(client, CATALOGUE.deadLetters());
    }

}
