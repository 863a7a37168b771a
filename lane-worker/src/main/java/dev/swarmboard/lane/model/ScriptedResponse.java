package dev.swarmboard.lane.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One entry of a script: which calls it answers ({@code *} or an exact lane and stage; optionally a
 * role, attempt and proposal index), the output, optional token counts and a simulated latency.
 */
public record ScriptedResponse(
        String lane,
        String stage,
        Optional<String> role,
        OptionalInt attempt,
        OptionalInt proposal,
        String output,
        OptionalLong tokensIn,
        OptionalLong tokensOut,
        Duration latency) {

    public static final String ANY = "*";

    /** Answers for no call. */
    public static final int NO_MATCH = -1;

    public ScriptedResponse {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(latency, "latency");
    }

    /**
     * How specifically this entry answers a call, or {@link #NO_MATCH}. Each criterion outweighs all
     * that follow it together: exact lane, exact stage, role given, attempt given, proposal given.
     */
    public int specificity(CallKey key) {
        if (!matches(lane, key.laneId()) || !matches(stage, key.stage())
                || role.filter(expected -> !expected.equals(key.role())).isPresent()
                || (attempt.isPresent() && attempt.getAsInt() != key.attempt())
                || (proposal.isPresent() && proposal.getAsInt() != key.proposalIndex())) {
            return NO_MATCH;
        }
        return (ANY.equals(lane) ? 0 : 16) + (ANY.equals(stage) ? 0 : 8) + (role.isPresent() ? 4 : 0)
                + (attempt.isPresent() ? 2 : 0) + (proposal.isPresent() ? 1 : 0);
    }

    private static boolean matches(String pattern, String value) {
        return ANY.equals(pattern) || pattern.equals(value);
    }
}
