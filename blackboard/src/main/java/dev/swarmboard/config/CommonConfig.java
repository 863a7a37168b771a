package dev.swarmboard.config;

import dev.swarmboard.signing.FactSigning;
import dev.swarmboard.topic.TopicCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings every Swarmboard service shares: where Kafka is, extra client properties, the topic
 * prefix, the health port, the producer name written into every event header, and how this process
 * signs the facts it writes and checks the ones it reads ({@link FactSigning}).
 */
public record CommonConfig(String bootstrapServers, Path kafkaConfigFile, String topicPrefix,
                           int healthPort, String instanceId, FactSigning signing) {

    public static final ConfigParameter<String> BOOTSTRAP = ConfigParameter.string(
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "Kafka bootstrap servers");
    public static final ConfigParameter<String> KAFKA_CONFIG = ConfigParameter.string(
            "SWARM_KAFKA_CONFIG", null, "Properties file of extra client settings (SASL, TLS …)");
    public static final ConfigParameter<String> TOPIC_PREFIX = ConfigParameter.string(
            "SWARM_TOPIC_PREFIX", TopicCatalogue.DEFAULT_PREFIX, "Prefix of every Swarmboard topic name");
    public static final ConfigParameter<Integer> HEALTH_PORT = ConfigParameter.integer(
            "SWARM_HEALTH_PORT", -1, "Port of /healthy, /ready, /metrics (0 = any free port, -1 = off)");
    public static final ConfigParameter<String> INSTANCE_ID = ConfigParameter.string(
            "SWARM_INSTANCE_ID", null, "Name of this process in event headers (default host-pid)");

    /** Read by the jar's logback.xml (it picks the appender); resolved here so a typo fails at startup. */
    public static final ConfigParameter<String> LOG_FORMAT = new ConfigParameter<>("SWARM_LOG_FORMAT",
            CommonConfig::logFormat, "text", "Log line format on stderr: text, or json (one object a line, mission in mdc)");

    /** Every shared parameter, for documentation and `--help`. */
    public static final List<ConfigParameter<?>> PARAMETERS = parameters();

    /** Settings that neither sign nor check facts. */
    public CommonConfig(String bootstrapServers, Path kafkaConfigFile, String topicPrefix, int healthPort,
                        String instanceId) {
        this(bootstrapServers, kafkaConfigFile, topicPrefix, healthPort, instanceId, FactSigning.NONE);
    }

    public static CommonConfig fromEnvironment(Map<String, String> env) {
        String configFile = KAFKA_CONFIG.resolve(env);
        String instance = INSTANCE_ID.resolve(env);
        LOG_FORMAT.resolve(env);
        return new CommonConfig(BOOTSTRAP.resolve(env), configFile == null ? null : Path.of(configFile),
                TOPIC_PREFIX.resolve(env), HEALTH_PORT.resolve(env),
                instance != null ? instance : defaultInstanceId(), FactSigning.fromEnvironment(env));
    }

    public CommonConfig withBootstrap(String bootstrap) {
        return bootstrap == null ? this
                : new CommonConfig(bootstrap, kafkaConfigFile, topicPrefix, healthPort, instanceId, signing);
    }

    /** The same settings signing and checking facts as given. */
    public CommonConfig withSigning(FactSigning factSigning) {
        return new CommonConfig(bootstrapServers, kafkaConfigFile, topicPrefix, healthPort, instanceId, factSigning);
    }

    public TopicCatalogue catalogue() {
        return TopicCatalogue.withPrefix(topicPrefix);
    }

    /** Client properties: the file, then {@code KAFKA_*} variables, then the bootstrap servers. */
    public Map<String, Object> clientProperties(Map<String, String> env) {
        return KafkaClientConfig.load(env, kafkaConfigFile, bootstrapServers);
    }

    private static List<ConfigParameter<?>> parameters() {
        List<ConfigParameter<?>> all = new ArrayList<>(List.of(BOOTSTRAP, KAFKA_CONFIG, TOPIC_PREFIX, HEALTH_PORT,
                INSTANCE_ID, LOG_FORMAT));
        all.addAll(FactSigning.PARAMETERS);
        return List.copyOf(all);
    }

    private static String logFormat(String value) {
        if (!value.equals("text") && !value.equals("json")) {
            throw new IllegalArgumentException("expected text or json");
        }
        return value;
    }

    private static String defaultInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return host + "-" + ProcessHandle.current().pid();
    }
}
