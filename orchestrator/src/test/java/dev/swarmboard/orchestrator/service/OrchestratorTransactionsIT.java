package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * An orchestrator that dies after producing a plan but before committing it: after a restart a
 * read_committed reader sees the plan exactly once, although the dead instance did write it.
 */
class OrchestratorTransactionsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void shouldLeaveNoDuplicatePlanWhenKilledBetweenProducingAndCommitting() throws Exception {
        // Given topics of their own and an orchestrator that dies on its first commit
        Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        String prefix = KafkaFixture.uniqueName("orch-tx") + ".";
        TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
        OrchestratorConfig config = OrchestratorServiceIT.config(prefix);
        AtomicBoolean died = new AtomicBoolean();
        OrchestratorService doomed = new OrchestratorService(config, client, Clock.systemUTC(), () -> {
            died.set(true);
            throw new SimulatedCrash();
        });
        doomed.start();
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
             KafkaProbe probe = new KafkaProbe(client, topics)) {
            // When a mission is submitted, the first instance plans it and dies before committing
            commands.submit(new SubmitMission(mission("crash").build(), "it.yaml"));
            await().atMost(PATIENCE).until(() -> died.get() && !doomed.isHealthy());
            await().atMost(PATIENCE).as("the dead instance wrote the plan")
                    .until(() -> plansInLog(probe, topics) == 1);
            doomed.stop();
            assertThat(probe.types("crash")).as("but nothing of it is committed").isEmpty();
            // And a new instance with the same transactional id takes over
            OrchestratorService successor = new OrchestratorService(config, client);
            successor.start();
            try {
                await().atMost(PATIENCE).until(() -> probe.tasks("crash").size() == 3);
                // Then a read_committed reader sees the mission planned exactly once
                assertThat(probe.types("crash")).containsExactly("MissionAccepted", "PlanIssued");
                assertThat(probe.tasks("crash")).extracting(RunLane::getTaskId)
                        .containsExactlyInAnyOrder("crash/overview/1", "crash/howto/1", "crash/gaps/1");
                assertThat(plansInLog(probe, topics)).as("the aborted copy is still in the log").isEqualTo(2);
            } finally {
                successor.stop();
            }
        }
    }

    /** PlanIssued records in the blackboard log, aborted ones included (read_uncommitted). */
    private static long plansInLog(KafkaProbe probe, TopicCatalogue topics) {
        return probe.records(topics.blackboard(), false).stream()
                .filter(record -> "PlanIssued".equals(type(record))).count();
    }

    private static String type(ConsumerRecord<byte[], byte[]> record) {
        var header = record.headers().lastHeader("swarm.type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Stands for the process being killed: an Error the loop does not treat as a failed batch. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between producing and committing");
        }
    }
}
