package dev.swarmboard.cli;

import dev.swarmboard.config.CommonConfig;
import dev.swarmboard.config.KafkaPreflight;
import dev.swarmboard.topic.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Option;

/**
 * Options every command that talks to Kafka shares. Flags override the environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SWARM_KAFKA_CONFIG}, {@code SWARM_TOPIC_PREFIX}). The
 * client properties come checked: the cluster answered within {@code SWARM_KAFKA_TIMEOUT} seconds
 * (default 15), every blocking client call is bounded by the same time, and the catalogue's
 * topics exist (only {@code swarm topics} creates them).
 */
public final class KafkaOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, then 127.0.0.1:9092).")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Properties file of client settings such as SASL or TLS (default: $SWARM_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "Prefix of every topic name (default: $SWARM_TOPIC_PREFIX, then 'swarm.').")
    String topicPrefix;

    private Map<String, Object> checked;
    private boolean verified;

    /** The environment with these flags applied on top. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (bootstrap != null) {
            env.put(CommonConfig.BOOTSTRAP.env(), bootstrap);
        }
        if (kafkaConfig != null) {
            env.put(CommonConfig.KAFKA_CONFIG.env(), kafkaConfig.toString());
        }
        if (topicPrefix != null) {
            env.put(CommonConfig.TOPIC_PREFIX.env(), topicPrefix);
        }
        return env;
    }

    public CommonConfig common() {
        return CommonConfig.fromEnvironment(environment());
    }

    /**
     * Client properties for a command that uses the topics: reachable (as {@link #reachableClientProperties()})
     * and every catalogue topic in place, else one line naming the missing topics. Creates nothing.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = reachableClientProperties();
        if (!verified) {
            try (Admin admin = Admin.create(properties)) {
                new TopicProvisioner(admin).verify(common().catalogue());
            }
            verified = true;
        }
        return properties;
    }

    /** Client properties bounded by the timeout, once the cluster answered; else one line naming address and cause. */
    public Map<String, Object> reachableClientProperties() {
        if (checked == null) {
            Map<String, String> env = environment();
            Duration timeout = Duration.ofSeconds(KafkaPreflight.TIMEOUT_SECONDS.resolve(env));
            Map<String, Object> properties = KafkaPreflight.bounded(common().clientProperties(env), timeout);
            KafkaPreflight.check(properties, timeout);
            checked = properties;
        }
        return checked;
    }
}
