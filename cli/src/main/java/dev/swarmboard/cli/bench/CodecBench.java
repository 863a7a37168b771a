package dev.swarmboard.cli.bench;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Encode + decode throughput of the blackboard codec (single-object encoding, schema resolution by
 * fingerprint) on a realistic mix of stage receipts and yields. Prints events/s and MB/s.
 */
public final class CodecBench {

    /** What one run measured. */
    public record Result(long events, double seconds, long bytes) {
        double eventsPerSecond() {
            return events / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1_000_000.0;
        }
    }

    /** Keeps the JIT from discarding the decoded results. */
    private static volatile int sink;

    private CodecBench() {
    }

    public static Result run(int recordBytes, double seconds) {
        AvroCodec<BlackboardEvent> codec = Codecs.create().events().codec();
        List<BlackboardEvent> events = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            events.add(i % 4 == 3 ? BenchEvents.laneYield("m-" + i, "lane-" + i)
                    : BenchEvents.stageReceipt("m-" + i, "lane-" + i, i, recordBytes));
        }
        measure(codec, events, Math.min(2.0, seconds / 2));
        return measure(codec, events, seconds);
    }

    private static Result measure(AvroCodec<BlackboardEvent> codec, List<BlackboardEvent> events, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long bytes = 0;
        int checksum = 0;
        while (System.nanoTime() < deadline) {
            for (BlackboardEvent event : events) {
                byte[] encoded = codec.encode(event);
                BlackboardEvent decoded = codec.decode(encoded);
                checksum += decoded.getHeader().getAttempt();
                bytes += encoded.length;
            }
            count += events.size();
        }
        sink = checksum;
        return new Result(count, (System.nanoTime() - start) / 1e9, bytes);
    }

    /** Prints a one-line report of a run. */
    public static void print(Result result, int recordBytes) {
        System.out.printf("codec     encode+decode  %,12.0f events/s  %8.1f MB/s  (~%d B events, %.1f s)%n",
                result.eventsPerSecond(), result.megabytesPerSecond(), recordBytes, result.seconds());
    }
}
