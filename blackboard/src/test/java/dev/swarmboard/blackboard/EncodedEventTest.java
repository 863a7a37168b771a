package dev.swarmboard.blackboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmboard.codec.Codecs;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.codec.EventDecodeException;
import dev.swarmboard.codec.StoredPayload;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.ContextStrategy;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.StageCompleted;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedEventTest {

    private static final Codecs CODECS = Codecs.create();
    private final EventOrigin origin = new EventOrigin("m-1", "lane-a", 2, "lane-worker/w1", "cause-1",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

    @Test
    void shouldStoreTheBytesTheCodecWouldAndHashThePayloadAsContentHashDoes() {
        // Given a payload
        MissionCancelled payload = new MissionCancelled("user asked", "alice", List.of("drop lanes", "ünïcode"));

        // When encoded once for the writer
        EncodedEvent encoded = Events.encode(origin, payload, Instant.parse("2030-01-01T00:00:00Z"), "m-1", "x");

        // Then the bytes are the codec's, the hash is the canonical one, and it verifies from the stored bytes
        assertThat(encoded.value()).isEqualTo(CODECS.events().codec().encode(encoded.event()));
        assertThat(encoded.event().getHeader().getContentHash()).isEqualTo(ContentHash.of(payload));
        assertThat(CODECS.events().codec().decode(encoded.value())).isEqualTo(encoded.event());
        assertThat(Events.hashIntact(recorded(encoded.value()), CODECS.registry())).isTrue();
    }

    @Test
    void shouldWriteTheIdHashAndBytesTheFormerWriterWrote() throws Exception {
        // Given a stage receipt with text beyond ASCII, an array of records and an enum
        StageCompleted payload = StageCompleted.newBuilder()
                .setStage("engage").setRole("engage").setKind("SINGLE").setProposalIndex(0)
                .setProvider("scripted").setModel("openai/gpt-oss-120b").setModelKey("default")
                .setPromptHash("9f".repeat(32)).setArtifact("engage_report")
                .setOutput("engage_report:\n  summary: ünïcode ✓\n").setOutputHash("ab".repeat(32))
                .setTokensIn(812).setTokensOut(430).setCostUsd(0.00042).setLatencyMs(200).setFlags(List.of("long"))
                .setContext(ContextStrategy.SCOPED).setContextRefs(List.of(new EvidenceRef("e-1", "cd".repeat(32), "plan")))
                .build();

        // When encoded for the writer
        EncodedEvent encoded = Events.encode(origin, payload, Instant.parse("2030-01-01T00:00:00.123Z"),
                "m-1", "lane-a", "StageCompleted", "0");

        // Then id, content hash and the body after the schema fingerprint are those the writer before the
        // per-thread encoders produced (they change only with the EventHeader or StageCompleted schema)
        assertThat(encoded.event().getHeader().getEventId()).isEqualTo("9973af3e-1ec0-3e3b-888d-546d1a2882d6");
        assertThat(encoded.event().getHeader().getContentHash())
                .isEqualTo("5db58d4c21eee8c24e2be548366abf774a0b2b4425379f7ee1ef45f8ac6bfb7b");
        byte[] body = Arrays.copyOfRange(encoded.value(), 10, encoded.value().length);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo("6fd7e47c5200a02a46ed2572259dc3779d0fa4dc318b19277e1b5e82b1fc7c03");
        assertThat(encoded.value()).isEqualTo(CODECS.events().codec().encode(encoded.event()));
    }

    @Test
    void shouldVerifyAnEventBuiltAndEncodedTheOldWayFromItsStoredBytes() {
        BlackboardEvent event = Events.create(origin, new MissionCancelled("a", "b", List.of()), Instant.EPOCH);
        byte[] stored = CODECS.events().codec().encode(event);

        assertThat(Events.encode(event).value()).isEqualTo(stored);
        assertThat(StoredPayload.contentHash(stored, CODECS.registry())).isEqualTo(event.getHeader().getContentHash());
    }

    @Test
    void shouldNotVerifyStoredBytesWhosePayloadChanged() {
        EncodedEvent encoded = Events.encode(origin, new MissionCancelled("aaaa", "b", List.of()), Instant.EPOCH);
        byte[] tampered = encoded.value().clone();
        int at = indexOf(tampered, "aaaa".getBytes());
        tampered[at] = 'z';

        assertThat(Events.hashIntact(recorded(tampered), CODECS.registry())).isFalse();
        assertThatThrownBy(() -> StoredPayload.contentHash(Arrays.copyOf(tampered, 9), CODECS.registry()))
                .isInstanceOf(EventDecodeException.class);
    }

    @Test
    void shouldMatchOnlyTheLowercaseHexOfTheStoredPayloadsHash() {
        EncodedEvent encoded = Events.encode(origin, new MissionCancelled("a", "b", List.of()), Instant.EPOCH);
        String hash = encoded.event().getHeader().getContentHash();

        assertThat(StoredPayload.matches(encoded.value(), CODECS.registry(), hash)).isTrue();
        // The same answers as comparing with contentHash's string: case, length and null all count
        assertThat(StoredPayload.matches(encoded.value(), CODECS.registry(), hash.toUpperCase())).isFalse();
        assertThat(StoredPayload.matches(encoded.value(), CODECS.registry(), hash.substring(2))).isFalse();
        assertThat(StoredPayload.matches(encoded.value(), CODECS.registry(), null)).isFalse();
        assertThatThrownBy(() -> StoredPayload.matches(Arrays.copyOf(encoded.value(), 9), CODECS.registry(), hash))
                .isInstanceOf(EventDecodeException.class);
    }

    private static RecordedEvent recorded(byte[] value) {
        return new RecordedEvent(CODECS.events().codec().decode(value), "t", 0, 0, 0, value);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
