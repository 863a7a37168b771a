package dev.swarmboard.verifier.state;

/**
 * Numbers in store keys, zero-padded so that keys sort as the numbers do. Exactly
 * {@code String.format("%0<width>d", value)}, without the formatter: keys are built for every event,
 * and the formatter showed in the verifier's CPU profile.
 */
public final class SortableNumber {

    private SortableNumber() {
    }

    public static String zeroPadded(long value, int width) {
        if (value < 0) {
            return String.format("%0" + width + "d", value);
        }
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
