package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.orchestrator.mission.MissionHash;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.orchestrator.mission.MissionWatch;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionFailed;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.RetryScheduled;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.missionindex.ReadStart;
import dev.swarmboard.topic.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The orchestrator against a real broker: one service for the class, one mission per test. */
class OrchestratorServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Map<String, Object> client;
    private static TopicCatalogue topics;
    private static OrchestratorService service;
    private static MissionCommands commands;
    private static KafkaProbe probe;

    @BeforeAll
    static void startOrchestrator() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        String prefix = KafkaFixture.uniqueName("orch") + ".";
        topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
        service = new OrchestratorService(config(prefix), client);
        service.start();
        commands = MissionCommands.create(client, topics, Codecs.create(), "it");
        probe = new KafkaProbe(client, topics);
        await().atMost(PATIENCE).until(service::isReady);
    }

    static OrchestratorConfig config(String prefix) {
        CommonConfig common = new CommonConfig(KafkaFixture.bootstrapServers(), null, prefix, -1, "it");
        return OrchestratorConfig.of(common, Fixtures.EXAMPLES.resolve("capabilities/offline.yaml"),
                Fixtures.EXAMPLES.resolve("workflows"), null, null);
    }

    @AfterAll
    static void stopOrchestrator() {
        commands.close();
        probe.close();
        service.stop();
    }

    @Test
    void shouldPlanAValidMissionAndSendItsLanesInOneTransaction() {
        // Given a valid three-lane mission
        // When it is submitted
        commands.submit(submit(mission("accept").build()));
        // Then it is accepted and planned, and each lane is sent at attempt 1
        await().atMost(PATIENCE).until(() -> probe.types("accept").contains("PlanIssued"));
        assertThat(probe.types("accept")).containsExactly("MissionAccepted", "PlanIssued");
        assertThat(probe.tasks("accept")).extracting(RunLane::getTaskId)
                .containsExactlyInAnyOrder("accept/overview/1", "accept/howto/1", "accept/gaps/1");
        assertThat(service.isHealthy()).isTrue();
    }

    @Test
    void shouldIndexTheMissionsStartAndCarryItInThePlanAndEveryTask() {
        // Given a valid mission, when it is submitted and planned
        commands.submit(submit(mission("indexed").build()));
        await().atMost(PATIENCE).until(() -> probe.types("indexed").contains("PlanIssued"));

        // Then the plan and every task carry the mission's start, at or before its first event
        MissionStart start = probe.payloads("indexed", PlanIssued.class).get(0).getPlan().getMissionStart();
        MissionLog log;
        try (BlackboardReader reader = new BlackboardReader(client, topics, Codecs.create())) {
            log = reader.readMission("indexed");
            assertThat(start.getPartition()).isEqualTo(reader.partition("indexed"));
            // And the mission index holds the same start, so a cold reader begins there
            assertThat(reader.start("indexed")).isEqualTo(new ReadStart.At(start.getOffset(), "mission index"));
            assertThat(reader.lastRead().fromOffset()).isEqualTo(start.getOffset());
        }
        assertThat(log.events().get(0).offset()).isGreaterThanOrEqualTo(start.getOffset());
        assertThat(probe.tasks("indexed")).hasSize(3).allSatisfy(task -> assertThat(task.getMissionStart()).isEqualTo(start));
        assertThat(probe.records(topics.missionIndex(), true)).filteredOn(record ->
                "indexed".equals(new String(record.key(), StandardCharsets.UTF_8))).hasSize(1);
    }

    @Test
    void shouldRejectAnInvalidMissionWithEveryReason() {
        // Given an invalid mission
        MissionSpec spec = mission("reject").setGoal("").setQuorumThreshold(5).build();
        // When it is submitted and its outcome awaited
        String commandId = commands.submit(submit(spec)).commandId();
        MissionStatus status = watch("reject", MissionStatus.follow(commandId, MissionHash.of(spec)));
        // Then it is rejected with every reason, nothing runs, and the submitter's exit code is 2
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(probe.payloads("reject", MissionRejected.class).get(0).getReasons()).extracting(Reason::getCode)
                .containsExactlyInAnyOrder("EMPTY_GOAL", "INVALID_QUORUM");
        assertThat(probe.tasks("reject")).isEmpty();
    }

    @Test
    void shouldRunAPausedMissionOnceApproved() {
        // Given a mission that asks for confirmation, paused with its proposal
        commands.submit(submit(confirming("approve")));
        await().atMost(PATIENCE).until(() -> probe.types("approve").contains("MissionPaused"));
        assertThat(probe.tasks("approve")).isEmpty();
        // When it is approved
        commands.approve("approve", "", "go");
        // Then it resumes and its lanes are sent
        await().atMost(PATIENCE).until(() -> probe.tasks("approve").size() == 3);
        assertThat(probe.types("approve")).containsExactly("MissionAccepted", "PlanProposed", "MissionPaused",
                "MissionResumed", "PlanIssued");
    }

    @Test
    void shouldEndAPausedMissionWhenCancelled() {
        commands.submit(submit(confirming("cancel")));
        await().atMost(PATIENCE).until(() -> probe.types("cancel").contains("MissionPaused"));

        commands.cancel("cancel", "not this week");

        await().atMost(PATIENCE).until(() -> probe.types("cancel").contains("MissionCancelled"));
        assertThat(probe.tasks("cancel")).isEmpty();
    }

    @Test
    void shouldReRunOnlyTheFailingLaneThenFailTheMissionAfterTheLastReRun() throws Exception {
        // Given a planned mission that allows one re-run
        MissionSpec spec = mission("retry").setMaxReruns(1).build();
        String commandId = commands.submit(submit(spec)).commandId();
        await().atMost(PATIENCE).until(() -> probe.tasks("retry").size() == 3);
        // When the verifier's round 1 fails lane gaps
        probe.append(verdict("retry", 1, "gaps"));
        // Then only gaps runs again, at attempt 2
        await().atMost(PATIENCE).until(() -> probe.tasks("retry").size() == 4);
        assertThat(probe.tasks("retry").stream().filter(task -> task.getAttempt() == 2)).extracting(RunLane::getTaskId)
                .containsExactly("retry/gaps/2");
        assertThat(probe.payloads("retry", RetryScheduled.class)).singleElement()
                .satisfies(retry -> assertThat(retry.getLanes()).containsExactly("gaps"));
        // When round 2 fails as well, and the verdict is delivered twice
        probe.append(verdict("retry", 2, "gaps"));
        probe.append(verdict("retry", 2, "gaps"));
        // Then the mission fails once, with the critical contact told, and nothing more runs
        await().atMost(PATIENCE).until(() -> probe.types("retry").contains("Escalation"));
        assertThat(probe.payloads("retry", MissionFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.getFailingLanes()).containsExactly("gaps"));
        assertThat(probe.tasks("retry")).hasSize(4);
        assertThat(watch("retry", MissionStatus.follow(commandId, MissionHash.of(spec))).exitCode()).isEqualTo(1);
    }

    @Test
    void shouldSendADependentLaneOnlyOnceItsPredecessorPassedAndBlockItWhenItFailed() throws Exception {
        // Given a mission where howto and gaps wait for overview
        commands.submit(submit(sequenced("dag")));
        await().atMost(PATIENCE).until(() -> probe.types("dag").contains("PlanIssued"));
        // Then only overview is sent, and the plan lists it first
        assertThat(probe.tasks("dag")).extracting(RunLane::getTaskId).containsExactly("dag/overview/1");
        assertThat(probe.payloads("dag", PlanIssued.class).get(0).getPlan().getLanes())
                .extracting(lane -> lane.getLaneId()).containsExactly("overview", "howto", "gaps");
        // When overview's attempt 1 passes its yield
        probe.append(yielded("dag", "overview", 1, true));
        // Then its dependents are released together
        await().atMost(PATIENCE).until(() -> probe.tasks("dag").size() == 3);
        // (lane tasks are keyed by lane, so they spread over partitions: no order across lanes)
        assertThat(probe.tasks("dag")).extracting(RunLane::getTaskId)
                .containsExactlyInAnyOrder("dag/overview/1", "dag/howto/1", "dag/gaps/1");
        assertThat(probe.payloads("dag", PlanIssued.class).get(1).getIssuedLanes()).containsExactly("howto", "gaps");

        // Given a second such mission whose first lane fails
        commands.submit(submit(sequenced("dag-fail")));
        await().atMost(PATIENCE).until(() -> probe.tasks("dag-fail").size() == 1);
        probe.append(yielded("dag-fail", "overview", 1, false));
        // Then its dependents end as blocked, so the round can be judged, and are not sent
        await().atMost(PATIENCE).until(() -> probe.payloads("dag-fail", LaneFailed.class).size() == 2);
        assertThat(probe.payloads("dag-fail", LaneFailed.class)).allSatisfy(failed ->
                assertThat(failed.getReasons().get(0).getCode()).isEqualTo("PREDECESSOR_FAILED"));
        assertThat(probe.tasks("dag-fail")).hasSize(1);
    }

    private static MissionSpec sequenced(String missionId) {
        MissionSpec base = mission(missionId).build();
        List<LaneSpec> lanes = base.getLanes().stream().map(lane -> lane.getId().equals("overview") ? lane
                : LaneSpec.newBuilder(lane).setAfter(List.of("overview")).build()).toList();
        return MissionSpec.newBuilder(base).setLanes(lanes).build();
    }

    private static BlackboardEvent yielded(String missionId, String lane, int attempt, boolean passed) {
        EventOrigin origin = EventOrigin.mission(missionId, "lane-worker/it").forLane(lane, attempt);
        return Events.create(origin, LaneYielded.newBuilder().setPassed(passed).setChecks(List.of()).build(),
                Instant.now(), missionId, lane, Integer.toString(attempt), "LaneYielded");
    }

    @Test
    void shouldIgnoreTheSameSubmissionAndRefuseTheSameIdWithOtherContent() {
        // Given a mission submitted twice with the same content, then once with other content
        MissionSpec spec = mission("twice").build();
        commands.submit(submit(spec));
        commands.submit(submit(spec));
        String other = commands.submit(submit(mission("twice").setGoal("Another goal").build())).commandId();
        // Then it is planned once, and the other content is refused, citing its command
        await().atMost(PATIENCE).until(() -> probe.types("twice").contains("MissionRejected"));
        assertThat(probe.types("twice")).containsExactly("MissionAccepted", "PlanIssued", "MissionRejected");
        BlackboardEvent rejection = probe.events("twice").get(2);
        assertThat(rejection.getHeader().getCausationId()).isEqualTo(other);
        assertThat(((MissionRejected) rejection.getPayload()).getReasons().get(0).getCode())
                .isEqualTo("DUPLICATE_MISSION_ID");
        assertThat(probe.tasks("twice")).hasSize(3);
    }

    @Test
    void shouldDeadLetterGarbageAndKeepPlanning() throws Exception {
        // Given garbage on the missions topic and on the blackboard
        probe.sendRaw(topics.missions(), bytes("junk"), bytes("not avro"));
        probe.sendRaw(topics.blackboard(), bytes("junk-fact"), new byte[] {(byte) 0xC3, 0x01, 7});
        // When a good mission follows
        commands.submit(submit(mission("after-junk").build()));
        // Then the good mission is planned and each bad record is dead-lettered once with where it came from
        await().atMost(PATIENCE).until(() -> probe.types("after-junk").contains("PlanIssued"));
        await().atMost(PATIENCE).until(() -> deadLetters("junk").size() == 1 && deadLetters("junk-fact").size() == 1);
        ConsumerRecord<byte[], byte[]> letter = deadLetters("junk").get(0);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(topics.missions());
        assertThat(header(letter, DeadLetters.OFFSET)).matches("\\d+");
        assertThat(header(letter, DeadLetters.PARTITION)).matches("\\d+");
        assertThat(header(letter, DeadLetters.MESSAGE)).contains("BAD_MARKER");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(header(deadLetters("junk-fact").get(0), DeadLetters.TOPIC)).isEqualTo(topics.blackboard());
        assertThat(service.isHealthy()).isTrue();
    }

    private static MissionStatus watch(String missionId, MissionStatus status) {
        return MissionWatch.await(client, topics, Codecs.create(), missionId, status, PATIENCE, event -> { });
    }

    private static SubmitMission submit(MissionSpec spec) {
        return new SubmitMission(spec, "it.yaml");
    }

    private static MissionSpec confirming(String missionId) {
        return mission(missionId).setConstraints(Constraints.newBuilder(mission(missionId).getConstraints())
                .setRequiresConfirmation(true).build()).build();
    }

    private static BlackboardEvent verdict(String missionId, int round, String failing) {
        String planId = probe.payloads(missionId, PlanIssued.class).get(0).getPlan().getPlanId();
        QuorumReached payload = new QuorumReached(round, "FAIL", List.of(new Vote("verifier_aux", false,
                List.of("placeholder_scan failed"), List.of(failing))), 2, List.of(failing), List.of(), "head", 0L,
                planId);
        EventOrigin origin = EventOrigin.mission(missionId, "verifier/it").forLane(null, round);
        return Events.create(origin, payload, Instant.now(), missionId, "QuorumReached", Integer.toString(round));
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String key) {
        return probe.records(topics.deadLetters(), true).stream()
                .filter(record -> key.equals(new String(record.key(), StandardCharsets.UTF_8))).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
