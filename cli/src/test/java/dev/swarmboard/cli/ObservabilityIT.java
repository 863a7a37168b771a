package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.cli.telemetry.MemorySpanExporterProvider;
import dev.swarmboard.cli.telemetry.OtlpReceiver;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.service.HealthServer;
import dev.swarmboard.telemetry.Traceparents;
import dev.swarmboard.topic.TopicCatalogue;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One demo mission through a real broker and every real service with tracing configured only by {@code OTEL_*}
 * variables: its trace (in the in-memory exporter and at a local OTLP/HTTP receiver) holds every hop with its
 * parent across Kafka, every record of the mission carries its traceparent, and {@code /metrics} shows the work.
 */
class ObservabilityIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = KafkaFixture.uniqueName("observe") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static OtlpReceiver receiver;
    private static SwarmStack stack;
    private static HealthServer health;
    private static Codecs codecs;
    private static Map<String, Object> client;
    private static String missionId;
    private static MissionStatus outcome;
    private static String traceId;

    @BeforeAll
    static void runOneTracedMission() {
        receiver = new OtlpReceiver();
        Map<String, String> otel = Map.of(
                "OTEL_TRACES_EXPORTER", MemorySpanExporterProvider.NAME + ",otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_BSP_SCHEDULE_DELAY", "100");
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        codecs = BlackboardSetup.prepare(client, CATALOGUE);
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path capabilities = repo.resolve("examples/capabilities/offline.yaml");
        Path workflows = repo.resolve("examples/workflows");
        stack = TestStacks.start(KafkaFixture.bootstrapServers(), dir, capabilities, workflows, PREFIX, 2, otel);
        health = stack.serveHealth(0);

        SubmitMission submission = MissionCommand.validate(repo.resolve("examples/missions/demo.yaml"), capabilities,
                workflows);
        missionId = "observe-it-" + PREFIX.replace(".", "");
        submission.getMission().setMissionId(missionId);
        MissionStatus status = MissionCommand.submit(client, CATALOGUE, codecs, submission, otel);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        outcome = MissionCommand.follow(client, CATALOGUE, codecs, missionId, status, Duration.ofSeconds(180), quiet);
        traceId = spans(span -> span.getName().equals("swarm submit")
                && missionId.equals(span.getAttributes().get(AttributeKey.stringKey("swarm.mission.id"))))
                .get(0).getTraceId();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void shouldTraceEveryHopOfTheMissionWithItsParentAcrossKafka() {
        assertThat(outcome.stage()).as(outcome.summary()).isEqualTo(MissionStatus.Stage.COMPLETED);
        // The digest is the last hop; once its span is exported the whole tree is
        await().atMost(Duration.ofSeconds(60)).until(() -> !inTrace("digest").isEmpty());
        SpanData submit = single("swarm submit");
        assertThat(submit.getParentSpanContext().isValid()).isFalse();
        assertThat(submit.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(service(submit)).isEqualTo("swarm-cli");

        SpanData planning = single("orchestrator SubmitMission");
        assertThat(planning.getParentSpanId()).isEqualTo(submit.getSpanId());
        assertThat(service(planning)).isEqualTo("swarm-orchestrator");

        List<SpanData> orchestrator = inTrace("orchestrator ");
        List<SpanData> lanes = inTrace("lane ");
        assertThat(lanes).hasSizeGreaterThanOrEqualTo(3).allSatisfy(lane -> {
            assertThat(service(lane)).isEqualTo("swarm-lane-worker");
            assertThat(orchestrator).anyMatch(parent -> parent.getSpanId().equals(lane.getParentSpanId()));
        });
        List<SpanData> stages = inTrace("stage ");
        assertThat(stages).isNotEmpty().allSatisfy(stage ->
                assertThat(lanes).anyMatch(lane -> lane.getSpanId().equals(stage.getParentSpanId())));
        List<SpanData> calls = inTrace("chat ");
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(stages).anyMatch(stage -> stage.getSpanId().equals(call.getParentSpanId()));
            assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
            assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isNotBlank();
            assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isPositive();
            assertThat(call.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isPositive();
            assertThat(call.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
                    .isNotEmpty();
            assertThat(call.getAttributes().asMap().keySet()).noneMatch(key -> key.getKey().contains("prompt")
                    || key.getKey().contains("content") || key.getKey().contains("key."));
        });
        List<SpanData> verdicts = inTrace("verifier QuorumReached");
        assertThat(verdicts).hasSize(2).allSatisfy(verdict -> {
            assertThat(service(verdict)).isEqualTo("swarm-verifier");
            assertThat(lanes).anyMatch(lane -> lane.getSpanId().equals(verdict.getParentSpanId()));
        });
        // The failed round's verdict leads to the retry: the re-run lane is its grandchild through the orchestrator
        assertThat(orchestrator).anyMatch(span -> verdicts.stream()
                .anyMatch(verdict -> verdict.getSpanId().equals(span.getParentSpanId())));
        SpanData digest = single("digest");
        assertThat(service(digest)).isEqualTo("swarm-digest");
        assertThat(verdicts).anyMatch(verdict -> verdict.getSpanId().equals(digest.getParentSpanId()));
        assertThat(inTrace("tool ")).isNotEmpty();
    }

    @Test
    void shouldCarryTheMissionsTraceparentOnEveryEventHeader() {
        assertThat(outcome.stage()).as(outcome.summary()).isEqualTo(MissionStatus.Stage.COMPLETED);
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, codecs)) {
            List<RecordedEvent> events = reader.readMission(missionId).events();
            assertThat(events).hasSizeGreaterThan(10).allSatisfy(recorded ->
                    assertThat(Traceparents.traceId(recorded.event().getHeader().getTraceparent()))
                            .as(recorded.event().getHeader().getType()).isEqualTo(traceId));
        }
    }

    @Test
    void shouldMirrorTheTraceparentAsAKafkaHeaderOnEveryRecordOfTheMission() {
        assertThat(outcome.stage()).as(outcome.summary()).isEqualTo(MissionStatus.Stage.COMPLETED);
        Map<String, Object> properties = new HashMap<>(client);
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(CATALOGUE.blackboard()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        List<ConsumerRecord<String, byte[]>> mission = records.stream().filter(r -> missionId.equals(r.key())).toList();
        assertThat(mission).hasSizeGreaterThan(10).allSatisfy(record -> assertThat(Traceparents.header(record.headers()))
                .isEqualTo(codecs.events().codec().decode(record.value()).getHeader().getTraceparent()));
    }

    @Test
    void shouldExportTheTraceOverOtlpHttpWithEveryServicesName() {
        assertThat(outcome.stage()).as(outcome.summary()).isEqualTo(MissionStatus.Stage.COMPLETED);
        byte[] trace = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(otlpServicesOfTrace(trace))
                .contains("swarm-cli", "swarm-orchestrator", "swarm-lane-worker", "swarm-verifier", "swarm-digest"));
        assertThat(receiver.contentTypes()).contains("application/x-protobuf");
    }

    @Test
    void shouldServeTheMissionsWorkOnMetricsInThePrometheusFormat() throws Exception {
        assertThat(outcome.stage()).as(outcome.summary()).isEqualTo(MissionStatus.Stage.COMPLETED);
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + health.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText metrics = PrometheusText.parse(scrape.body());

        assertThat(metrics.type("swarm_lanes_in_flight")).isEqualTo("gauge");
        assertThat(metrics.type("swarm_lanes_finished_total")).isEqualTo("counter");
        assertThat(metrics.sum("swarm_lanes_finished_total", "outcome=\"passed\"")).isGreaterThanOrEqualTo(3);
        assertThat(metrics.type("swarm_stage_duration_seconds")).isEqualTo("histogram");
        assertThat(metrics.sum("swarm_stage_duration_seconds_count", "")).isPositive();
        assertThat(metrics.type("swarm_model_call_duration_seconds")).isEqualTo("histogram");
        assertThat(metrics.sum("swarm_model_call_duration_seconds_count", "outcome=\"ok\"")).isPositive();
        assertThat(metrics.sum("swarm_model_tokens_total", "direction=\"input\"")).isPositive();
        assertThat(metrics.sum("swarm_model_tokens_total", "direction=\"output\"")).isPositive();
        assertThat(metrics.sum("swarm_model_cost_usd_count", "")).isPositive();
        assertThat(metrics.sum("swarm_quorum_verdicts_total", "result=\"pass\"")).isPositive();
        assertThat(metrics.sum("swarm_quorum_verdicts_total", "result=\"fail\"")).isPositive();
        assertThat(metrics.sum("swarm_lane_retries_total", "")).isPositive();
        assertThat(metrics.type("swarm_lane_backlog")).isEqualTo("gauge");
        assertThat(metrics.sum("swarm_service_healthy", "service=\"orchestrator\"")).isEqualTo(1);
        assertThat(metrics.type("kafka_consumer_fetch_manager_records_lag_max")).isEqualTo("gauge");
        assertThat(metrics.samples("kafka_consumer_fetch_manager_records_lag_max"))
                .anyMatch(line -> line.contains("service=\"orchestrator\""))
                .anyMatch(line -> line.contains("service=\"digest\""));
    }

    private static List<String> otlpServicesOfTrace(byte[] trace) {
        return receiver.requests().stream().map(ExportTraceServiceRequest::getResourceSpansList)
                .flatMap(List::stream)
                .filter(resource -> resource.getScopeSpansList().stream().flatMap(scope -> scope.getSpansList().stream())
                        .anyMatch(span -> java.util.Arrays.equals(span.getTraceId().toByteArray(), trace)))
                .map(ObservabilityIT::serviceName).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<String> serviceName(ResourceSpans resource) {
        return resource.getResource().getAttributesList().stream().filter(kv -> kv.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst();
    }

    private static List<SpanData> spans(Predicate<SpanData> filter) {
        await().atMost(Duration.ofSeconds(60)).until(() -> MemorySpanExporterProvider.SPANS.getFinishedSpanItems()
                .stream().anyMatch(filter));
        return MemorySpanExporterProvider.SPANS.getFinishedSpanItems().stream().filter(filter).toList();
    }

    private static List<SpanData> inTrace(String namePrefix) {
        return MemorySpanExporterProvider.SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getName().startsWith(namePrefix)).toList();
    }

    private static SpanData single(String name) {
        List<SpanData> named = inTrace(name).stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).as(name + " spans").hasSize(1);
        return named.get(0);
    }

    private static String service(SpanData span) {
        return span.getResource().getAttribute(AttributeKey.stringKey("service.name"));
    }

    /** Samples and TYPE lines of a Prometheus text exposition. */
    private record PrometheusText(Map<String, String> types, List<String> lines) {

        static PrometheusText parse(String body) {
            Map<String, String> types = new HashMap<>();
            body.lines().filter(line -> line.startsWith("# TYPE ")).map(line -> line.split(" "))
                    .forEach(parts -> types.put(parts[2], parts[3]));
            return new PrometheusText(types, body.lines().filter(line -> !line.startsWith("#")).toList());
        }

        String type(String name) {
            return types.get(name);
        }

        List<String> samples(String name) {
            return lines.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
        }

        /** The sum of the samples of {@code name} whose labels contain {@code label}. */
        double sum(String name, String label) {
            return samples(name).stream().filter(line -> line.contains(label))
                    .collect(Collectors.summingDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ')
                            + 1))));
        }
    }
}
