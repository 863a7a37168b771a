package dev.swarmboard.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.schema.EventHeader;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignedBytesTest {

    @Test
    void shouldEncodeEveryHeaderFieldButTheSignatureLengthPrefixed() {
        // Given the header of docs/wire-format.md's worked example
        EventHeader header = EventHeader.newBuilder().setEventId("e").setMissionId("m").setLaneId(null).setAttempt(2)
                .setType("T").setOccurredAt(Instant.ofEpochMilli(1)).setProducer("p").setContentHash("h")
                .setCausationId(null).setTraceparent(null).build();

        // When encoded for key "k"
        String hex = HexFormat.of().formatHex(SignedBytes.of(header, "k"));

        // Then the bytes are exactly the documented layout
        assertThat(hex).isEqualTo("00000012" + HexFormat.of().formatHex("swarmboard.fact.v1".getBytes())
                + "0000000165" + "000000016d" + "ffffffff" + "00000002" + "0000000154" + "0000000000000001"
                + "0000000170" + "0000000168" + "ffffffff" + "ffffffff" + "000000016b");
    }
}
