package dev.swarmboard.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Exit;

/**
 * Runs Kafka's own producer performance tool ({@code ProducerPerformance})
 * in-process against the same broker, captures what they print, and reads their figures, so
 * every benchmark can state its ratio to raw Kafka.
 */
final class KafkaTools {

    private KafkaTools() {
    }

    /** Records/s of Kafka's producer performance tool sending payloads from a file (its final summary line). */
    static double producerRecordsPerSecond(String bootstrap, String topic, long records, Path payloadFile,
                                           List<String> producerProps) {
        String[] args = concat(new String[] {"--topic", topic, "--num-records", Long.toString(records),
                "--payload-file", payloadFile.toString(), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap}, producerProps.toArray(String[]::new));
        String output = capture(() -> org.apache.kafka.tools.ProducerPerformance.main(args));
        String summary = output.lines().filter(line -> line.contains("records sent")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary: " + output));
        // "N records sent, X records/sec (Y MB/sec), …"
        return Double.parseDouble(summary.split(",")[1].trim().split(" ")[0]);
    }

    private interface ToolRun {
        void run() throws Exception;
    }

    /** Runs a tool with stdout captured; the tools call Exit on errors, which must not end this JVM. */
    private static String capture(ToolRun tool) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka tool exited with " + status + ": " + message);
        });
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka tool failed: " + e.getMessage(), e);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
