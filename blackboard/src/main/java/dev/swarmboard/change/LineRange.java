package dev.swarmboard.change;

/**
 * Lines of a file's base version that a change touches, both ends inclusive. A pure insertion before
 * base line {@code n} touches {@code n-1..n} (the two lines it goes between), so two insertions at the
 * same place, or an insertion beside a changed line, overlap.
 */
public record LineRange(int start, int end) {

    /** Stands for a whole file: a binary patch, or a change with no hunks (mode, empty file). */
    public static final LineRange WHOLE_FILE = new LineRange(0, Integer.MAX_VALUE);

    /** Whether the two ranges share a line or sit side by side, as a line-based merge would conflict on. */
    public boolean touches(LineRange other) {
        return (long) start <= (long) other.end + 1 && (long) other.start <= (long) end + 1;
    }

    @Override
    public String toString() {
        if (this.equals(WHOLE_FILE)) {
            return "the whole file";
        }
        return start == end ? "line " + start : "lines " + start + "-" + end;
    }
}
