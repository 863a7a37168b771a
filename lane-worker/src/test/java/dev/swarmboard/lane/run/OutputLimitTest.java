package dev.swarmboard.lane.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.swarmboard.lane.validation.ArtifactsPresent;
import dev.swarmboard.schema.Reason;
import org.junit.jupiter.api.Test;

class OutputLimitTest {

    @Test
    void shouldPassAnOutputOfExactlyTheLimitUnchanged() throws LaneFailure {
        String output = "a".repeat(OutputLimit.MAX_BYTES);

        assertThat(OutputLimit.check("engage", "stages.engage.single[0]", output)).isSameAs(output);
    }

    @Test
    void shouldRefuseALargerOutputNamingItsSizeTheLimitAndTheFullHash() {
        // Given a model output one byte over the limit, counted in UTF-8 (a two-byte character at the end)
        String output = "a".repeat(OutputLimit.MAX_BYTES - 1) + "é";
        // When it is checked
        LaneFailure failure = catchThrowableOfType(LaneFailure.class,
                () -> OutputLimit.check("engage", "stages.engage.single[0]", output));
        // Then the lane fails with OUTPUT_TOO_LARGE, and the reason carries the SHA-256 of the full text
        Reason reason = failure.reasons().get(0);
        assertThat(reason.getCode()).isEqualTo("OUTPUT_TOO_LARGE");
        assertThat(reason.getField()).isEqualTo("stages.engage.single[0]");
        assertThat(reason.getMessage()).contains("524289 bytes", "limit of 524288 bytes",
                ArtifactsPresent.outputHash(output));
    }
}
