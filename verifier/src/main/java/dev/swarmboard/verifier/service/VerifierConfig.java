package dev.swarmboard.verifier.service;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.ConfigParameter;
import dev.swarmboard.verifier.deadletter.StampedDeserializationHandler;
import dev.swarmboard.verifier.deadletter.StampedProcessingHandler;
import dev.swarmboard.verifier.deadletter.VerifierOrigin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the verifier: the common ones, where its state stores live, how often the deadline
 * punctuator runs, the processing guarantee (exactly_once_v2; at_least_once only for comparison)
 * and the number of stream threads. The application id is {@code <prefix>verifier}, so every
 * instance with the same prefix shares the work.
 */
public record VerifierConfig(CommonConfig common, Map<String, Object> clientProperties, Path stateDir,
                             Duration deadlineInterval, String processingGuarantee, int streamThreads,
                             String instanceIdSetting) {

    public static final ConfigParameter<Path> STATE_DIR = new ConfigParameter<>("SWARM_VERIFIER_STATE_DIR", Path::of,
            Path.of("data", "verifier"),
            "Directory of the verifier's RocksDB state stores");
    public static final ConfigParameter<Duration> DEADLINE_INTERVAL = new ConfigParameter<>(
            "SWARM_VERIFIER_DEADLINE_INTERVAL_MS", raw -> Duration.ofMillis(Long.parseLong(raw)), Duration.ofSeconds(1),
            "Wall-clock interval of the deadline punctuator, in milliseconds");
    public static final ConfigParameter<String> PROCESSING_GUARANTEE = ConfigParameter.string(
            "SWARM_VERIFIER_PROCESSING_GUARANTEE", StreamsConfig.EXACTLY_ONCE_V2,
            "Kafka Streams processing.guarantee (exactly_once_v2 or at_least_once)");
    public static final ConfigParameter<Integer> STREAM_THREADS = ConfigParameter.integer(
            "SWARM_VERIFIER_THREADS", 1, "Stream threads of this instance");
    public static final ConfigParameter<String> INSTANCE_ID = ConfigParameter.string(
            "SWARM_VERIFIER_INSTANCE_ID", null,
            "Static group member id, stable across restarts, one per instance (default <host>-<hash of the state dir>)");

    /** The verifier's own parameters (the common ones are in {@link CommonConfig#PARAMETERS}). */
    public static final List<ConfigParameter<?>> PARAMETERS =
            List.of(STATE_DIR, DEADLINE_INTERVAL, PROCESSING_GUARANTEE, STREAM_THREADS, INSTANCE_ID);

    public VerifierConfig {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static VerifierConfig fromEnvironment(Map<String, String> env) {
        CommonConfig common = CommonConfig.fromEnvironment(env);
        return new VerifierConfig(common, common.clientProperties(env), STATE_DIR.resolve(env),
                DEADLINE_INTERVAL.resolve(env), PROCESSING_GUARANTEE.resolve(env), STREAM_THREADS.resolve(env),
                INSTANCE_ID.resolve(env));
    }

    public VerifierConfig withStateDir(Path dir) {
        return new VerifierConfig(common, clientProperties, dir, deadlineInterval, processingGuarantee, streamThreads,
                instanceIdSetting);
    }

    public VerifierConfig withProcessingGuarantee(String guarantee) {
        return new VerifierConfig(common, clientProperties, stateDir, deadlineInterval, guarantee, streamThreads,
                instanceIdSetting);
    }

    /**
     * This instance's static member id ({@code group.instance.id}; Streams appends the thread index).
     * A restarted instance rejoins under it and gets its tasks back at once instead of after the
     * session timeout. The default is stable across restarts and distinct per state directory, which
     * two instances can never share.
     */
    public String groupInstanceId() {
        return instanceIdSetting != null ? instanceIdSetting : StableInstanceId.of(stateDir);
    }

    public String applicationId() {
        return common.catalogue().clients().verifierApplicationId();
    }

    /**
     * Kafka Streams settings. Records that cannot be decoded or processed go to the dead-letter topic
     * through Streams' own handlers (KIP-1034), stamped with the verifier's service and instance, and
     * processing continues.
     */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        properties.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId() + "-" + common.instanceId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        // Static membership needs the classic protocol in Kafka 4.3 (the streams protocol gains it in 4.4).
        properties.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic");
        properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), groupInstanceId());
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                StampedProcessingHandler.class.getName());
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                StampedDeserializationHandler.class.getName());
        properties.put(VerifierOrigin.INSTANCE_CONFIG, common.instanceId());
        properties.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, common.catalogue().deadLetters());
        return properties;
    }
}
