package dev.swarmboard.verifier.service;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.deadletter.DeadLetterProducer;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import dev.swarmboard.verifier.deadletter.SkippingClientSupplier;
import dev.swarmboard.verifier.deadletter.VerifierOrigin;
import dev.swarmboard.verifier.topology.VerifierTopology;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the verifier topology: verifies the topics (creating none), publishes this build's writer schemas and
 * learns newer ones, then starts Kafka Streams. Instances with the same topic prefix form one
 * application and split the blackboard's partitions; a stopped instance's missions move to the
 * others with their state restored from the changelogs. Undecodable, unprocessable and unreadable
 * records become dead letters naming this instance; none stops a stream thread. A stream thread
 * that dies on a transient error is replaced; on any other error the client shuts down, the
 * service is unhealthy and the process exits non-zero for its supervisor to restart it.
 */
public final class VerifierService implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(VerifierService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<KafkaStreams.State> HEALTHY =
            Set.of(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    static final int REPLACEMENTS_PER_WINDOW = 5;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final VerifierConfig config;
    private final java.util.List<Long> replacements = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String failure = "Kafka Streams stopped";
    private KafkaStreams streams;
    private DeadLetterProducer deadLetters;

    private final Tracing tracing;
    private KafkaStreamsMetrics streamsMetrics;

    public VerifierService(VerifierConfig config) {
        this(config, Tracing.off());
    }

    /** A verifier whose verdicts are spans of {@code tracing}, which it closes when it stops. */
    public VerifierService(VerifierConfig config, Tracing tracing) {
        this.config = config;
        this.tracing = tracing;
    }

    /** The service as configured by {@code SWARM_*}, {@code KAFKA_*} and {@code OTEL_*} environment variables. */
    public static VerifierService fromEnvironment(Map<String, String> env) {
        return new VerifierService(VerifierConfig.fromEnvironment(env), Tracing.forService("verifier", env));
    }

    @Override
    public String name() {
        return "verifier";
    }

    @Override
    public synchronized void start() {
        Codecs codecs = BlackboardSetup.prepare(config.clientProperties(), config.common().catalogue());
        deadLetters = new DeadLetterProducer(config.clientProperties(), config.common().catalogue().deadLetters(),
                new DeadLetters.Origin(VerifierOrigin.SERVICE, config.common().instanceId()));
        streams = new KafkaStreams(VerifierTopology.build(new StreamsBuilder(), config, codecs, tracing),
                config.streamsProperties(), new SkippingClientSupplier(deadLetters));
        streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("service", name()));
        streamsMetrics.bindTo(SwarmMetrics.registry());
        streams.setUncaughtExceptionHandler(this::onThreadFailure);
        // ERROR ends the service: isHealthy() turns false and the process runner exits non-zero.
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR) {
                LOG.error("verifier Kafka Streams entered ERROR from {}: {}", before, failure);
            }
        });
        LOG.info("verifier {} starting: application {}, {}, state in {}", config.common().instanceId(),
                config.applicationId(), config.processingGuarantee(), config.stateDir());
        config.common().signing().logAtStart("verifier");
        streams.start();
    }

    /**
     * A transient error (the cluster away, a timeout, a task migrated) replaces the stream thread,
     * at most {@value #REPLACEMENTS_PER_WINDOW} times in ten minutes; anything else, or more, shuts
     * this client down, which the process runner turns into a non-zero exit.
     */
    StreamThreadExceptionResponse onThreadFailure(Throwable error) {
        long now = System.nanoTime();
        replacements.removeIf(at -> now - at > REPLACEMENT_WINDOW.toNanos());
        if (StreamsFailures.isTransient(error) && replacements.size() < REPLACEMENTS_PER_WINDOW) {
            replacements.add(now);
            LOG.warn("verifier stream thread failed on a transient error; replacing it ({})", error.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        failure = "stream thread failed: " + error;
        LOG.error("verifier stream thread failed; shutting this instance down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            streamsMetrics.close();
            // Leaving the group lets another instance take the partitions at once, not after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
            deadLetters.close();
            deadLetters = null;
            tracing.close();
        }
    }

    @Override
    public synchronized boolean isHealthy() {
        return streams != null && HEALTHY.contains(streams.state());
    }

    @Override
    public synchronized boolean isReady() {
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }
}
