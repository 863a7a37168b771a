package dev.swarmboard.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Kafka client properties from a properties file and from the environment, Strimzi style:
 * {@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}. Security settings pass through
 * untouched; the JVM launch variables Kafka's scripts use are not client settings and are skipped.
 */
public final class KafkaClientConfig {

    static final String METRICS_PUSH = "enable.metrics.push";
    private static final String PREFIX = "KAFKA_";
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of(
            "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG", "KAFKA_HOME");

    private KafkaClientConfig() {
    }

    /**
     * Defaults, overridden by file properties, overridden by environment variables, overridden by the
     * bootstrap servers. The one default, {@code enable.metrics.push=false}: a client pushing its metrics
     * to the broker (KIP-714) hands every metric it registers to a telemetry reporter, which took about 7 %
     * of the lane worker's CPU samples (it creates a producer per lane attempt), and nothing here
     * collects them.
     */
    public static Map<String, Object> load(Map<String, String> env, Path propertiesFile, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(METRICS_PUSH, "false");
        if (propertiesFile != null) {
            properties.putAll(readFile(propertiesFile));
        }
        properties.putAll(fromEnvironment(env));
        if (bootstrapServers != null) {
            properties.put("bootstrap.servers", bootstrapServers);
        }
        return properties;
    }

    /** {@code KAFKA_*} variables as client properties. */
    public static Map<String, Object> fromEnvironment(Map<String, String> env) {
        Map<String, Object> properties = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !NOT_CLIENT_SETTINGS.contains(name)) {
                properties.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    private static Map<String, Object> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka client properties " + file, e);
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value));
        return map;
    }
}
