package dev.swarmboard.lane.run;

import dev.swarmboard.lane.validation.ArtifactsPresent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one place a model's or a parallel join's output is measured before it goes into a
 * StageCompleted receipt. An artifact is stored in full or not at all (a cut artifact would no longer
 * parse or hash-check): one over {@link #MAX_BYTES} fails the lane with {@code OUTPUT_TOO_LARGE},
 * naming its size, the limit and the SHA-256 of the full text. Tool output is capped by the registry
 * ({@code output_cap_bytes}, at most 512 KiB) and keeps the hash of every byte.
 */
final class OutputLimit {

    /** The largest model or joined output a receipt carries (docs/wire-format.md, Limits). */
    static final int MAX_BYTES = 512 * 1024;

    private OutputLimit() {
    }

    /** Returns the output when it fits, else throws the lane failure naming the limit. */
    static String check(String stage, String field, String output) throws LaneFailure {
        int size = output.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BYTES) {
            throw LaneFailure.of(stage, "OUTPUT_TOO_LARGE", field, "the output is " + size
                    + " bytes, over the receipt limit of " + MAX_BYTES + " bytes (sha256 "
                    + ArtifactsPresent.outputHash(output) + ")", List.of());
        }
        return output;
    }
}
