package dev.swarmboard.lane.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    // "a" is one byte, "é" two, "€" three, "😀" four: 10 bytes in all.
    private static final byte[] TEXT = "aé€😀".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldKeepALengthThatEndsOnACharacterBoundary() {
        assertThat(OutputCapture.utf8Boundary(TEXT, 10)).isEqualTo(10);
        assertThat(OutputCapture.utf8Boundary(TEXT, 6)).isEqualTo(6);
        assertThat(OutputCapture.utf8Boundary(TEXT, 3)).isEqualTo(3);
    }

    @Test
    void shouldCutBeforeAnIncompleteCharacter() {
        assertThat(OutputCapture.utf8Boundary(TEXT, 9)).isEqualTo(6);
        assertThat(OutputCapture.utf8Boundary(TEXT, 7)).isEqualTo(6);
        assertThat(OutputCapture.utf8Boundary(TEXT, 5)).isEqualTo(3);
        assertThat(OutputCapture.utf8Boundary(TEXT, 2)).isEqualTo(1);
    }
}
