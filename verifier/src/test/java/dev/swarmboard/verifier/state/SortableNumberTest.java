package dev.swarmboard.verifier.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortableNumberTest {

    @Test
    void shouldPadExactlyAsTheFormatterDoes() {
        // Given numbers shorter than, as long as and longer than the width, zero and negative ones
        List<Long> values = List.of(0L, 7L, 42L, 123_456_789L, 1_234_567_890L, -5L, Long.MAX_VALUE, Long.MIN_VALUE,
                1_764_650_000_000L);
        for (long value : values) {
            for (int width : List.of(1, 9, 19)) {
                // When padded, Then the key is the formatter's
                assertThat(SortableNumber.zeroPadded(value, width))
                        .isEqualTo(String.format("%0" + width + "d", value));
            }
        }
    }
}
