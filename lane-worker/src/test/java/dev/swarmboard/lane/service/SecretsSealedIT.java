package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.model.FakeOpenAiServer.completion;
import static dev.swarmboard.lane.model.FakeOpenAiServer.echoAuthorization;
import static dev.swarmboard.lane.model.FakeOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.lane.model.FakeOpenAiServer;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.localkafka.RawTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A canary key, read from an {@code api_key_file}, against providers that send it back every way they
 * can: echoed in a 200's content, model field and headers; as the model field; at character 290 of a
 * 500's error (where a cut at 300 before redaction would leave a prefix); and a tool that prints the key
 * file. After the lanes end, no 8-character piece of the key is in any record of any topic (keys,
 * values, headers, raw bytes), nor in any log line the worker wrote.
 */
class SecretsSealedIT {

    private static final String CANARY = "sk-canary-" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheKeyOffEveryTopicAndOutOfTheLog() throws Exception {
        // Given
        Path keyFile = Files.writeString(dir.resolve("model.key"), CANARY + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Map<String, FakeOpenAiServer> servers = new LinkedHashMap<>();
        servers.put("echo", FakeOpenAiServer.start().reply(echoAuthorization("engage_report: ")));
        servers.put("model-field", FakeOpenAiServer.start().reply(completion("engage_report: {done: [x]}", CANARY)));
        String error = "e".repeat(290) + CANARY + " rest of the error";
        servers.put("error-body", FakeOpenAiServer.start().reply(status(500, error), status(500, error)));
        Path registryFile = Files.writeString(dir.resolve("capabilities.yaml"), registryYaml(servers, keyFile));
        CapabilityRegistry registry = CapabilityRegistry.load(registryFile);
        ListAppender<ILoggingEvent> log = captureLog();
        LaneTestBed bed = new LaneTestBed("secrets-sealed", 1);
        LaneWorkerService worker = bed.service("sealed", registryFile, servers.size(), dir.resolve("workspace"));
        worker.start();
        try {
            // When
            servers.keySet().forEach(key -> bed.submit(task("m-" + key, lane("lane-a")
                    .setTools(List.of("snoop")).setRequiredArtifacts(List.of("engage_report"))
                    .setStages(List.of(StagePlan.newBuilder().setName("engage").setRole("engage")
                            .setType(StageType.SINGLE).setOutputArtifact("engage_report")
                            .setModels(List.of(CapabilityRegistry.toRoute(key, registry.model(key).orElseThrow())))
                            .build())).build()).build()));
            servers.keySet().forEach(key -> await().atMost(Duration.ofSeconds(60)).until(() -> bed.types("m-" + key)
                    .stream().anyMatch(type -> type.equals("LaneYielded") || type.equals("LaneFailed"))));

            // Then: the providers did receive the key, the tool did print it ...
            assertThat(servers.get("echo").requests()).singleElement()
                    .satisfies(request -> assertThat(request.header("Authorization")).contains("Bearer " + CANARY));
            assertThat(bed.types("m-echo")).contains("ToolReceipt");
            assertThat(bed.types("m-error-body")).contains("LaneFailed");
            // ... and none of it is anywhere
            List<byte[]> records = RawTopics.everyRecord(bed.client, bed.catalogue.prefix());
            assertThat(records).hasSizeGreaterThan(10);
            records.forEach(bytes -> assertNoFragment(new String(bytes, StandardCharsets.ISO_8859_1)));
            assertThat(log.list).isNotEmpty();
            log.list.forEach(event -> assertNoFragment(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))));
        } finally {
            worker.stop();
            bed.close();
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
            servers.values().forEach(FakeOpenAiServer::close);
        }
    }

    private static void assertNoFragment(String text) {
        List<String> found = new ArrayList<>();
        IntStream.rangeClosed(0, CANARY.length() - Redactor.MIN_FRAGMENT)
                .mapToObj(start -> CANARY.substring(start, start + Redactor.MIN_FRAGMENT))
                .filter(text::contains).forEach(found::add);
        assertThat(found).as("pieces of the canary key").isEmpty();
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static String registryYaml(Map<String, FakeOpenAiServer> servers, Path keyFile) {
        StringBuilder yaml = new StringBuilder("models:\n");
        servers.forEach((key, server) -> yaml.append("  ").append(key).append(":\n")
                .append("    provider: openai\n")
                .append("    base_url: ").append(server.baseUrl()).append('\n')
                .append("    model: fake-model\n")
                .append("    api_key_file: ").append(keyFile).append('\n')
                .append("    max_retries: 1\n"));
        return yaml.append("roles:\n  default: echo\n")
                .append("tools:\n  snoop:\n    command: [\"cat\", \"").append(keyFile).append("\"]\n")
                .append("    env: [PATH]\n").toString();
    }
}
