package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.lane;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.MissionRejected;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to wedge the orchestrator, against a real broker: a 10,000-lane plan, a deadline
 * that overflows, and a blackboard topic whose max.message.bytes is smaller than a record it must
 * write. Each is answered with a MissionRejected, and the next mission's command is still decided.
 */
class OrchestratorBoundsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void shouldRejectTenThousandLanesAndDeadlinesThatOverflowThenAcceptTheNextMission() {
        try (Stack stack = Stack.start(Map.of())) {
            // Given a 10,000-lane mission published raw (its plan would be megabytes) and two overflowing deadlines
            List<LaneSpec> lanes = IntStream.range(0, 10_000).mapToObj(i -> lane("l" + i, "writer", List.of("docs/")))
                    .toList();
            stack.commands.submit(submit(mission("wide").setLanes(lanes).build()));
            stack.commands.submit(submit(withDeadline("far", "P300000000000D")));
            stack.commands.submit(submit(withDeadline("max", "+999999999-12-31T23:59:59Z")));
            // When a normal mission follows
            stack.commands.submit(submit(mission("after").build()));
            // Then each is rejected naming its limit, not dead-lettered, and the normal one is planned
            await().atMost(PATIENCE).until(() -> stack.probe.types("after").contains("PlanIssued"));
            assertThat(codes(stack, "wide")).containsExactly("LIMIT_EXCEEDED");
            assertThat(stack.probe.payloads("wide", MissionRejected.class).get(0).getReasons().get(0).getField())
                    .isEqualTo("lanes");
            assertThat(codes(stack, "far")).containsExactly("INVALID_DEADLINE");
            assertThat(codes(stack, "max")).containsExactly("INVALID_DEADLINE");
            assertThat(stack.probe.records(stack.topics.deadLetters(), true)).isEmpty();
            assertThat(stack.service.isHealthy()).isTrue();
        }
    }

    @Test
    void shouldRejectAMissionWhoseRecordsTheBrokerRefusesInsteadOfLooping() throws Exception {
        // Given a blackboard topic that takes no record over 1,500 bytes, and a mission whose acceptance is larger
        try (Stack stack = Stack.start(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1500"))) {
            String objective = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString())
                    .collect(Collectors.joining(" "));
            MissionSpec large = mission("large").setLanes(List.of(LaneSpec.newBuilder(lane("a", "writer",
                    List.of("docs/"))).setObjective(objective.substring(0, 1_900)).build())).build();
            // When it is submitted, followed by a command for another mission
            stack.commands.submit(submit(large));
            stack.commands.cancel("never-submitted", "cleanup");
            // Then the large mission is rejected with the broker's reason, and the other command is still answered
            await().atMost(PATIENCE).until(() -> !stack.probe.types("never-submitted").isEmpty());
            List<Reason> reasons = stack.probe.payloads("large", MissionRejected.class).get(0).getReasons();
            assertThat(reasons).extracting(Reason::getCode).containsExactly("RECORD_REFUSED");
            assertThat(reasons.get(0).getMessage()).contains("the broker refused a record", "RecordTooLargeException");
            assertThat(stack.probe.types("large")).containsExactly("MissionRejected");
            assertThat(codes(stack, "never-submitted")).containsExactly("UNKNOWN_MISSION");
            assertThat(stack.service.isHealthy()).isTrue();
        }
    }

    private static List<String> codes(Stack stack, String missionId) {
        return stack.probe.payloads(missionId, MissionRejected.class).stream()
                .flatMap(rejected -> rejected.getReasons().stream()).map(Reason::getCode).toList();
    }

    private static MissionSpec withDeadline(String missionId, String deadline) {
        return mission(missionId).setConstraints(Constraints.newBuilder(mission(missionId).getConstraints())
                .setDeadline(deadline).build()).build();
    }

    private static SubmitMission submit(MissionSpec spec) {
        return new SubmitMission(spec, "it.yaml");
    }

    /** An orchestrator on topics of its own, the blackboard topic with the given extra configs. */
    private record Stack(TopicCatalogue topics, OrchestratorService service, MissionCommands commands, KafkaProbe probe)
            implements AutoCloseable {

        static Stack start(Map<String, String> blackboardConfigs) {
            Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
            String prefix = KafkaFixture.uniqueName("orch-bounds") + ".";
            TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
            new TopicProvisioner(KafkaFixture.admin()).provision(topics);
            alter(topics.blackboard(), blackboardConfigs);
            OrchestratorService service = new OrchestratorService(OrchestratorServiceIT.config(prefix), client);
            service.start();
            await().atMost(PATIENCE).until(service::isReady);
            return new Stack(topics, service, MissionCommands.create(client, topics, Codecs.create(), "it"),
                    new KafkaProbe(client, topics));
        }

        private static void alter(String topic, Map<String, String> configs) {
            if (configs.isEmpty()) {
                return;
            }
            List<AlterConfigOp> ops = configs.entrySet().stream().map(entry -> new AlterConfigOp(
                    new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET)).toList();
            try {
                KafkaFixture.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC,
                        topic), ops)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot configure " + topic, e);
            }
        }

        @Override
        public void close() {
            commands.close();
            probe.close();
            service.stop();
        }
    }
}
