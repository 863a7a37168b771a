package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.topic.TopicCatalogue;
import dev.swarmboard.localkafka.RawTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every service on a real broker — orchestrator, lane worker, verifier, digest — with a canary key (from
 * an {@code api_key_file}) and a provider that sends it back in every way: echoed Authorization in the
 * content and model field, the key as the model, the key at character 290 of a 500's error. After the
 * mission ends, no 8-character piece of the key is in any record of any of the run's topics (the
 * verifier's changelogs included), in any file the run wrote (verifier state, workspaces, reports), or
 * in the log.
 */
class SecretsSealedStackIT {

    private static final String CANARY = "sk-canary-" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheKeyOutOfEveryTopicStoreFileAndLogLine() throws Exception {
        // Given
        String prefix = KafkaFixture.uniqueName("sealed") + ".";
        TopicCatalogue catalogue = TopicCatalogue.withPrefix(prefix);
        Map<String, Object> client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, catalogue);
        Codecs codecs = BlackboardSetup.prepare(client, catalogue);
        Path keyFile = Files.writeString(dir.resolve("model.key"), CANARY + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path data = Files.createDirectory(dir.resolve("data"));
        ListAppender<ILoggingEvent> log = captureLog();
        MissionStatus outcome;
        try (HostileProvider provider = HostileProvider.start("failing-lane")) {
            Path capabilities = Files.writeString(dir.resolve("capabilities.yaml"), """
                    models:
                      hostile:
                        provider: openai
                        base_url: %s
                        model: fake-model
                        api_key_file: %s
                        max_retries: 0
                    default_for_unknown_roles: true
                    roles:
                      default: hostile
                    """.formatted(provider.baseUrl(), keyFile));
            Path mission = Files.writeString(dir.resolve("mission.yaml"), """
                    id: sealed
                    goal: "Answer honestly."
                    workflow: prey
                    lanes:
                      - { id: alpha, objective: "Say what you were sent.", role: writer, scope: [docs/a.md] }
                      - { id: failing-lane, objective: "Fail loudly.", role: writer, scope: [docs/b.md] }
                    constraints: { deadline: PT10M, token_budget: 100000, cost_budget_usd: 1.0 }
                    max_reruns: 1
                    """);
            try (SwarmStack stack = TestStacks.start(KafkaFixture.bootstrapServers(), data, capabilities, null,
                    prefix, 1)) {
                // When
                SubmitMission submission = MissionCommand.validate(mission, capabilities, null);
                String missionId = "sealed-" + prefix.replace(".", "");
                submission.getMission().setMissionId(missionId);
                MissionStatus submitted = MissionCommand.submit(client, catalogue, codecs, submission);
                outcome = MissionCommand.follow(client, catalogue, codecs, missionId, submitted,
                        Duration.ofSeconds(180), new PrintStream(new ByteArrayOutputStream(), true,
                                StandardCharsets.UTF_8));
            }
            // Then: the provider was sent the key and answered with it ...
            assertThat(provider.authorizations()).isNotEmpty().allMatch(("Bearer " + CANARY)::equals);
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        }
        assertThat(outcome.stage()).isEqualTo(MissionStatus.Stage.FAILED);

        // ... and none of it is on a topic, in a file of the run, or in the log
        List<byte[]> records = RawTopics.everyRecord(client, prefix);
        assertThat(records).hasSizeGreaterThan(20);
        records.forEach(bytes -> assertNoFragment("a record", new String(bytes, StandardCharsets.ISO_8859_1)));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(file -> file.toString().contains("verifier-state"));
        for (Path file : files) {
            assertNoFragment(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        assertThat(log.list).isNotEmpty();
        log.list.forEach(event -> assertNoFragment("the log", event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))));
    }

    private static void assertNoFragment(String where, String text) {
        List<String> found = new ArrayList<>();
        IntStream.rangeClosed(0, CANARY.length() - Redactor.MIN_FRAGMENT)
                .mapToObj(start -> CANARY.substring(start, start + Redactor.MIN_FRAGMENT))
                .filter(text::contains).forEach(found::add);
        assertThat(found).as("pieces of the canary key in " + where).isEmpty();
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }
}
