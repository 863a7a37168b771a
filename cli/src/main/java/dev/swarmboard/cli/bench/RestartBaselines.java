package dev.swarmboard.cli.bench;

import dev.swarmboard.cli.SwarmCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a verifier restart cannot be faster than, measured in the same run: a JVM on the same class
 * path and options that only prints its version, and a plain consumer that rejoins a group as the
 * same static member (classic protocol, like the verifier) and gets its partitions back.
 */
final class RestartBaselines {

    private RestartBaselines() {
    }

    /** Milliseconds from starting {@code swarm --version} in a new JVM to its exit. */
    static long jvmMillis(List<String> jvmOptions, Duration timeout) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(VerifierProcess.JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SwarmCommand.class.getName(),
                "--version"));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("swarm --version did not exit within " + timeout);
        }
        return Math.round((System.nanoTime() - started) / 1e6);
    }

    /**
     * Milliseconds from creating a consumer with {@code instanceId} in {@code group} to its first
     * assignment of {@code topic}; closing it does not leave the group (a static member stays until
     * its session times out), so the next call with the same id is a static rejoin.
     */
    static long staticRejoinMillis(Map<String, Object> clientProperties, String group, String instanceId,
                                   String topic, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = started + timeout.toNanos();
            while (consumer.assignment().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no assignment of " + topic + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(10));
            }
            return Math.round((System.nanoTime() - started) / 1e6);
        }
    }
}
