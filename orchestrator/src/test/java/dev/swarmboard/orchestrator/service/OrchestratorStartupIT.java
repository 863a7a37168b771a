package dev.swarmboard.orchestrator.service;

import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.Fixtures;
import dev.swarmboard.orchestrator.mission.MissionCommands;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.MissingTopicsException;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.topic.TopicProvisioner;
import dev.swarmboard.topic.TopicSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an orchestrator refuses at start: a transactional id a live instance holds, and missing topics. */
class OrchestratorStartupIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers(),
            // The guard waits one session timeout for a killed instance's member; keep it short here.
            "session.timeout.ms", "6000");

    @Test
    void shouldRefuseASecondInstanceWithTheSameTransactionalIdWithoutFencingTheFirst() throws Exception {
        // Given a running orchestrator, instance "first"
        String prefix = KafkaFixture.uniqueName("orch-twin") + ".";
        TopicCatalogue topics = TopicCatalogue.withPrefix(prefix);
        new TopicProvisioner(KafkaFixture.admin()).provision(topics);
        OrchestratorService first = new OrchestratorService(config(prefix, "first"), client);
        first.start();
        try (MissionCommands commands = MissionCommands.create(client, topics, Codecs.create(), "it");
             KafkaProbe probe = new KafkaProbe(client, topics)) {
            await().atMost(PATIENCE).until(first::isReady);

            // When a second instance with the same (default) transactional id starts
            OrchestratorService second = new OrchestratorService(config(prefix, "second"), client);

            // Then it is refused, naming the transactional id and the other instance
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another orchestrator is running with transactional id " + prefix
                            + "orchestrator")
                    .hasMessageContaining(prefix + "orchestrator-first");
            second.stop();

            // And the first was not fenced: it still plans a mission submitted afterwards
            commands.submit(new SubmitMission(mission("after-twin").build(), "it.yaml"));
            await().atMost(PATIENCE).until(() -> probe.types("after-twin").contains("PlanIssued"));
            assertThat(first.isHealthy()).isTrue();
        } finally {
            first.stop();
        }
    }

    @Test
    void shouldRefuseToStartOnAMistypedPrefixNamingTheMissingTopicsAndCreateNothing() throws Exception {
        // Given a prefix for which `swarm topics` never ran
        String typo = KafkaFixture.uniqueName("sawrm") + ".";
        OrchestratorService service = new OrchestratorService(config(typo, "typo"), client);

        // When it starts, Then it is refused naming every topic of the catalogue
        assertThatThrownBy(service::start).isInstanceOfSatisfying(MissingTopicsException.class,
                e -> assertThat(e.missing()).containsExactlyElementsOf(
                        TopicCatalogue.withPrefix(typo).topics().stream().map(TopicSpec::name).toList()));
        service.stop();

        // And no topic of that prefix exists
        assertThat(KafkaFixture.admin().listTopics().names().get()).noneMatch(name -> name.startsWith(typo));
    }

    private static OrchestratorConfig config(String prefix, String instance) {
        CommonConfig common = new CommonConfig(KafkaFixture.bootstrapServers(), null, prefix, -1, instance);
        return OrchestratorConfig.of(common, Fixtures.EXAMPLES.resolve("capabilities/offline.yaml"),
                Fixtures.EXAMPLES.resolve("workflows"), null, null);
    }
}
