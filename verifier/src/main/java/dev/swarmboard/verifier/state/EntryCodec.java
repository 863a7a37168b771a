package dev.swarmboard.verifier.state;

import dev.swarmboard.codec.AvroCodec;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.verifier.quorum.Anomaly;
import dev.swarmboard.verifier.quorum.ToolUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Encodes and decodes the values of the verifier's state entries. Kept events (plan, outcomes) are
 * stored in the blackboard codec, so an entry written before a schema change still decodes after it;
 * the summary, tool uses and anomalies are the verifier's own Avro records.
 */
final class EntryCodec {

    private final AvroCodec<BlackboardEvent> events;

    EntryCodec(Codecs codecs) {
        this.events = codecs.events().codec();
    }

    byte[] event(BlackboardEvent event) {
        return events.encode(event);
    }

    BlackboardEvent event(byte[] bytes) {
        return events.decode(bytes);
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] summary(MissionSummary summary) {
        try {
            return toArray(summary.toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a verifier mission summary", e);
        }
    }

    static MissionSummary summary(byte[] bytes) {
        try {
            return MissionSummary.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new SerializationException("cannot decode a verifier mission summary: " + e.getMessage(), e);
        }
    }

    static byte[] toolUse(ToolUse use) {
        try {
            return toArray(new StoredToolUse(use.eventId(), use.laneId(), use.attempt(), use.tool(), use.exitCode(),
                    use.timedOut(), use.testsTool()).toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a verifier tool use", e);
        }
    }

    static ToolUse toolUse(byte[] bytes) {
        try {
            StoredToolUse t = StoredToolUse.fromByteBuffer(ByteBuffer.wrap(bytes));
            return new ToolUse(t.getEventId(), t.getLaneId(), t.getAttempt(), t.getTool(), t.getExitCode(),
                    t.getTimedOut(), t.getTestsTool());
        } catch (IOException e) {
            throw new SerializationException("cannot decode a verifier tool use: " + e.getMessage(), e);
        }
    }

    static byte[] anomaly(Anomaly anomaly) {
        try {
            return toArray(new StoredAnomaly(anomaly.kind().name(), anomaly.eventId(), anomaly.eventType(),
                    anomaly.laneId(), anomaly.attempt()).toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a verifier anomaly", e);
        }
    }

    static Anomaly anomaly(byte[] bytes) {
        try {
            StoredAnomaly a = StoredAnomaly.fromByteBuffer(ByteBuffer.wrap(bytes));
            return new Anomaly(Anomaly.Kind.valueOf(a.getKind()), a.getEventId(), a.getEventType(), a.getLaneId(),
                    a.getAttempt());
        } catch (IOException e) {
            throw new SerializationException("cannot decode a verifier anomaly: " + e.getMessage(), e);
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
