package dev.swarmboard.verifier.quorum;

/**
 * The largest QuorumReached event a round of a plan with a given number of lanes can give
 * (docs/verifier.md, Verdict size): a fixed part for the header and three votes of at most
 * {@link Ballot#REASONS} reasons of {@link Ballot#REASON_CHARS} characters, plus per lane its id in
 * each vote's failing lanes and in the verdict's failing and missing lanes. Linear in the lanes.
 */
public final class VerdictBound {

    /** Lane ids are at most 128 bytes (docs/missions.md, Limits), plus Avro's length prefix. */
    static final int LANE_ID_BYTES = 128 + 2;
    /** Envelope header, head hash, plan id, counts and the votes' own fields. */
    static final int HEADER_BYTES = 4_096;
    private static final int VOTES = 3;
    private static final int LANE_LISTS = VOTES + 2;
    private static final int UTF8_BYTES_PER_CHAR = 3;

    private VerdictBound() {
    }

    /** The bound in bytes of an encoded verdict event for a plan of {@code lanes} lanes. */
    public static long bytes(int lanes) {
        long reasons = (long) VOTES * Ballot.REASONS * (Ballot.REASON_CHARS * UTF8_BYTES_PER_CHAR + 2);
        return HEADER_BYTES + reasons + (long) lanes * LANE_LISTS * LANE_ID_BYTES;
    }
}
