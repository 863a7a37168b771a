package dev.swarmboard.lane.service;

import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static dev.swarmboard.lane.model.FakeOpenAiServer.content;
import static dev.swarmboard.lane.model.FakeOpenAiServer.contentWithoutUsage;
import static dev.swarmboard.lane.model.FakeOpenAiServer.delayed;
import static dev.swarmboard.lane.model.FakeOpenAiServer.rateLimited;
import static dev.swarmboard.lane.model.FakeOpenAiServer.rejectResponseFormat;
import static dev.swarmboard.lane.model.FakeOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.model.FakeOpenAiServer;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fault of an OpenAI-compatible endpoint, through a real lane worker on a real broker: each model
 * key has its own fake server primed with the fault; each lane's one stage calls one key.
 */
class OpenAiFaultsIT {

    private static final String REPORT = "engage_report:\n  done: [\"answered\"]\n";
    private static final String UNSET_KEY = "SWARM_IT_KEY_THAT_IS_NOT_SET";

    @TempDir
    static Path dir;

    private static final Map<String, FakeOpenAiServer> SERVERS = new LinkedHashMap<>();
    private static LaneTestBed bed;
    private static LaneWorkerService worker;
    private static CapabilityRegistry registry;

    @BeforeAll
    static void startWorker() throws IOException {
        prime("rate-limited", rateLimited(0), content(REPORT));
        prime("server-error", status(503, "overloaded"), status(503, "overloaded"));
        prime("empty-once", content(""), content(REPORT));
        prime("always-empty", content(""), content(""));
        prime("slow", delayed(Duration.ofSeconds(3), content(REPORT)));
        prime("no-key", content(REPORT));
        prime("no-usage", contentWithoutUsage(REPORT));
        prime("format-rejected", rejectResponseFormat(), content(REPORT));
        prime("bad-request", status(400, "context length exceeded"));
        Path file = Files.writeString(dir.resolve("capabilities.yaml"), registryYaml());
        registry = CapabilityRegistry.load(file);
        bed = new LaneTestBed("openai-faults", 1);
        worker = bed.service("faults", file, SERVERS.size(), dir.resolve("workspace"));
        worker.start();
        SERVERS.keySet().forEach(key -> bed.submit(task("m-" + key, lane("lane-a")
                .setRequiredArtifacts(List.of("engage_report")).setStages(List.of(StagePlan.newBuilder()
                        .setName("engage").setRole("engage").setType(StageType.SINGLE)
                        .setModels(List.of(registry.model(key).map(spec -> CapabilityRegistry.toRoute(key, spec))
                                .orElseThrow()))
                        .setOutputArtifact("engage_report").build())).build()).build()));
    }

    @AfterAll
    static void stopWorker() {
        worker.stop();
        bed.close();
        SERVERS.values().forEach(FakeOpenAiServer::close);
    }

    @ParameterizedTest(name = "{0} yields with flags {1}")
    @CsvSource(delimiter = '|', value = {
        "rate-limited    | retry_429:1",
        "empty-once      | retry_empty_content",
        "no-usage        | usage_missing",
        "format-rejected | response_format_dropped"})
    void shouldYieldWithTheFaultFlaggedOnTheReceipt(String model, String flags) {
        // When
        List<BlackboardEvent> events = outcome(model);

        // Then
        StageCompleted receipt = (StageCompleted) events.stream().filter(event -> event.getPayload()
                instanceof StageCompleted).findFirst().orElseThrow().getPayload();
        assertThat(receipt.getFlags()).containsExactly(flags);
        assertThat(receipt.getModel()).isEqualTo("fake-model");
        assertThat(receipt.getOutput()).isEqualTo(REPORT);
        assertThat(((LaneYielded) events.get(events.size() - 1).getPayload()).getPassed()).isTrue();
    }

    @ParameterizedTest(name = "{0} fails the lane: {1}")
    @CsvSource(delimiter = '|', value = {
        "server-error | HTTP 503: overloaded (gave up after 2 attempts)               | retry_5xx:2",
        "always-empty | empty content, also after one retry                           | retry_empty_content",
        "slow         | no answer within the read timeout of 1s                       | timeout:1",
        "no-key       | env var " + UNSET_KEY + " is not set                          | ''",
        "bad-request  | HTTP 400: context length exceeded                             | ''"})
    void shouldFailTheLaneWithTheReasonAndFlags(String model, String message, String flags) {
        // When
        List<BlackboardEvent> events = outcome(model);

        // Then
        assertThat(events).extracting(event -> event.getHeader().getType())
                .containsExactly("LaneStarted", "StageStarted", "LaneFailed");
        Reason reason = ((LaneFailed) events.get(2).getPayload()).getReasons().get(0);
        assertThat(reason.getCode()).isEqualTo("MODEL_CALL_FAILED");
        assertThat(reason.getMessage()).startsWith(model + ": " + message);
        assertThat(reason.getWitnesses()).isEqualTo(flags.isEmpty() ? List.of() : List.of(flags));
    }

    private static List<BlackboardEvent> outcome(String model) {
        await().atMost(Duration.ofSeconds(60)).until(() -> bed.types("m-" + model).stream()
                .anyMatch(type -> type.equals("LaneYielded") || type.equals("LaneFailed")));
        return bed.events("m-" + model);
    }

    private static void prime(String model, FakeOpenAiServer.Reply... replies) {
        SERVERS.put(model, FakeOpenAiServer.start().reply(replies));
    }

    private static String registryYaml() {
        StringBuilder yaml = new StringBuilder("models:\n");
        SERVERS.forEach((key, server) -> {
            yaml.append("  ").append(key).append(":\n")
                    .append("    provider: openai\n")
                    .append("    base_url: ").append(server.baseUrl()).append('\n')
                    .append("    model: fake-model\n")
                    .append("    max_retries: ").append(key.equals("slow") ? 0 : 1).append('\n')
                    .append("    read_timeout_seconds: 1\n");
            if (key.equals("no-key")) {
                yaml.append("    api_key_env: ").append(UNSET_KEY).append('\n');
            }
            if (key.equals("format-rejected")) {
                yaml.append("    response_format: json_object\n");
            }
        });
        return yaml.append("roles:\n  default: rate-limited\n").toString();
    }
}
