package dev.swarmboard.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The process's one Micrometer registry and the Swarmboard meters recorded into it; {@code /metrics}
 * serves {@link #scrape()} in the Prometheus text format. Every service of a process (all of them under
 * {@code swarm up}) records here; the {@code service} tag tells them apart where it matters. The names
 * are listed in docs/operations.md ({@code ## Metrics}).
 */
public final class SwarmMetrics {

    /** Content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final AtomicInteger LANES_IN_FLIGHT = REGISTRY.gauge("swarm.lanes.in.flight", new AtomicInteger());

    private SwarmMetrics() {
    }

    public static MeterRegistry registry() {
        return REGISTRY;
    }

    /** Every meter in the Prometheus text format, with HELP and TYPE lines. */
    public static String scrape() {
        return REGISTRY.scrape();
    }

    /** {@code swarm_service_healthy{service}}: 1 while the service's loops run. */
    public static void serviceHealth(String service, BooleanSupplier healthy) {
        Gauge.builder("swarm.service.healthy", healthy, check -> check.getAsBoolean() ? 1 : 0)
                .description("1 while the service's loops run").tag("service", service).strongReference(true)
                .register(REGISTRY);
    }

    /** A lane attempt began running on this worker; close the returned handle when it ends. */
    public static Running laneRunning() {
        LANES_IN_FLIGHT.incrementAndGet();
        return LANES_IN_FLIGHT::decrementAndGet;
    }

    /** Something counted while it runs; closing it ends the count. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** A lane attempt ended: {@code yielded}, {@code yielded_failing}, {@code failed}, {@code rejected} or {@code released}. */
    public static void laneFinished(String outcome) {
        Counter.builder("swarm.lanes.finished").description("Lane attempts ended, by outcome")
                .tag("outcome", outcome).register(REGISTRY).increment();
    }

    public static void stage(String stage, String type, Duration took) {
        Timer.builder("swarm.stage.duration").description("Time a lane stage's model calls took")
                .tag("stage", stage).tag("type", type).publishPercentileHistogram().register(REGISTRY).record(took);
    }

    /** One model call: its latency, tokens by direction and its cost in USD. */
    public static void modelCall(String model, String outcome, Duration took, long tokensIn, long tokensOut, double usd) {
        Timer.builder("swarm.model.call.duration").description("Latency of model calls")
                .tag("model", model).tag("outcome", outcome).publishPercentileHistogram().register(REGISTRY)
                .record(took);
        tokens(model, "input", tokensIn);
        tokens(model, "output", tokensOut);
        DistributionSummary.builder("swarm.model.cost").baseUnit("usd").description("Model spend in USD")
                .tag("model", model).register(REGISTRY).record(usd);
    }

    private static void tokens(String model, String direction, long count) {
        Counter.builder("swarm.model.tokens").description("Model tokens, by model and direction")
                .tag("model", model).tag("direction", direction).register(REGISTRY).increment(count);
    }

    public static void verdict(String result) {
        Counter.builder("swarm.quorum.verdicts").description("Quorum verdicts, by result")
                .tag("result", result).register(REGISTRY).increment();
    }

    public static void retries(int lanes) {
        Counter.builder("swarm.lane.retries").description("Lane attempts scheduled again after a failed round")
                .register(REGISTRY).increment(lanes);
    }

    public static void deadLetter(String service) {
        Counter.builder("swarm.dead.letters").description("Records sent to the dead-letter topic")
                .tag("service", service).register(REGISTRY).increment();
    }

    /** The consumer's own metrics, lag ({@code kafka_consumer_fetch_manager_records_lag_max}) among them. */
    public static KafkaClientMetrics bindConsumer(String service, Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, Tags.of("service",
                service));
        metrics.bindTo(REGISTRY);
        return metrics;
    }
}
