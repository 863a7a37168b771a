package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.cli.stack.StackSettings;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.LocalKafka;
import dev.swarmboard.localkafka.LocalKafkaConfig;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real service keeps running across a broker restart: a mission submitted after the broker
 * came back completes, with no one restarting a service.
 */
class BrokerRestartIT {

    private static final Duration MISSION_BOUND = Duration.ofSeconds(180);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CAPABILITIES = REPO.resolve("examples/capabilities/offline.yaml");
    private static final Path WORKFLOWS = REPO.resolve("examples/workflows");

    @TempDir
    Path dir;

    @Test
    void shouldCompleteAMissionSubmittedAfterTheBrokerRestarted() throws Exception {
        // Given the whole stack on a broker with a persistent data directory and a fixed port
        LocalKafkaConfig config = LocalKafkaConfig.defaults().withPort(freePort()).withDataDir(dir.resolve("kafka"));
        LocalKafka kafka = new LocalKafka(config).start();
        TopicCatalogue catalogue = TopicCatalogue.defaults();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        BlackboardSetup.provision(client, catalogue);
        StackSettings settings = new StackSettings(kafka.bootstrapServers(), dir, CAPABILITIES, WORKFLOWS,
                dir.resolve("reports"), 1);
        try (SwarmStack stack = SwarmStack.start(settings.environment(new HashMap<>(System.getenv())), 1)) {
            assertThat(stack.awaitReady(Duration.ofSeconds(120))).isTrue();
            assertThat(run(client, catalogue, "before-restart").stage()).isEqualTo(MissionStatus.Stage.COMPLETED);

            // When the broker stops and starts again under the running services
            kafka.stop();
            kafka = new LocalKafka(config).start();

            // Then a mission submitted afterwards completes, and every service is still healthy
            assertThat(run(client, catalogue, "after-restart").stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
            assertThat(stack.healthy()).isTrue();
        } finally {
            kafka.close();
        }
    }

    private static MissionStatus run(Map<String, Object> client, TopicCatalogue catalogue, String missionId) {
        Codecs codecs = BlackboardSetup.prepare(client, catalogue);
        SubmitMission submission = MissionCommand.validate(REPO.resolve("examples/missions/demo.yaml"), CAPABILITIES,
                WORKFLOWS);
        submission.getMission().setMissionId(missionId);
        MissionStatus status = MissionCommand.submit(client, catalogue, codecs, submission);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return MissionCommand.follow(client, catalogue, codecs, missionId, status, MISSION_BOUND, quiet);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
