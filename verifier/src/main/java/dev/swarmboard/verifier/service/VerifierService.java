package dev.swarmboard.verifier.service;

import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.deadletter.DeadLetterProducer;
import dev.swarmboard.deadletter.DeadLetters;
import dev.swarmboard.service.SwarmService;
import dev.swarmboard.verifier.deadletter.SkippingClientSupplier;
import dev.swarmboard.verifier.deadletter.VerifierOrigin;
import dev.swarmboard.verifier.topology.VerifierTopology;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the verifier topology: provisions the topics, publishes this build's writer schemas and
 * learns newer ones, then starts Kafka Streams. Instances with the same topic prefix form one
 * application and split the blackboard's partitions; a stopped instance's missions move to the
 * others with their state restored from the changelogs. Undecodable, unprocessable and unreadable
 * records become dead letters naming this instance; none stops a stream thread.
 */
public final class VerifierService implements SwarmService {

    private static final Logger LOG = LoggerFactory.getLogger(VerifierService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<KafkaStreams.State> HEALTHY =
            Set.of(KafkaStreams.State.CREATED, KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    private final VerifierConfig config;
    private KafkaStreams streams;
    private DeadLetterProducer deadLetters;

    public VerifierService(VerifierConfig config) {
        this.config = config;
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
        streams = new KafkaStreams(VerifierTopology.build(new StreamsBuilder(), config, codecs),
                config.streamsProperties(), new SkippingClientSupplier(deadLetters));
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("verifier stream thread failed; shutting this instance down", error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        LOG.info("verifier {} starting: application {}, {}, state in {}", config.common().instanceId(),
                config.applicationId(), config.processingGuarantee(), config.stateDir());
        streams.start();
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            // Leaving the group lets another instance take the partitions at once, not after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
            streams = null;
            deadLetters.close();
            deadLetters = null;
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
