package dev.swarmboard.lane.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JudgmentTest {

    @Test
    void shouldReadAPickWithItsReasonUnderTheArtifact() {
        Judgment judgment = Judgment.parse("""
                design_note:
                  judgment: {picked: 1, reason: "names the test"}
                  idea: x
                """, "design_note", 3);

        assertThat(judgment).isEqualTo(new Judgment("picked:1", Optional.of("names the test")));
    }

    @Test
    void shouldReadASynthesisAtTheTopLevel() {
        Judgment judgment = Judgment.parse("judgment:\n  synthesized: true\n  reason: both halves\nplan: y\n",
                "plan", 2);

        assertThat(judgment).isEqualTo(new Judgment("synthesized", Optional.of("both halves")));
    }

    @Test
    void shouldRecordAJudgmentThatStatesNeitherOrBothOrNoProposalAsUnstated() {
        // Given answers that do not say, say both, name no proposal, or are not YAML
        String neither = "plan:\n  steps: [a]\n";
        String both = "plan:\n  judgment: {picked: 0, synthesized: true, reason: r}\n";
        String outOfRange = "plan:\n  judgment: {picked: 5}\n";
        String notANumber = "plan:\n  judgment: {picked: first}\n";
        String prose = "I liked the second one best: [";
        // Then none is guessed
        assertThat(Judgment.parse(neither, "plan", 2)).isEqualTo(new Judgment("unstated", Optional.empty()));
        assertThat(Judgment.parse(both, "plan", 2)).isEqualTo(new Judgment("unstated", Optional.of("r")));
        assertThat(Judgment.parse(outOfRange, "plan", 2).verdict()).isEqualTo("unstated");
        assertThat(Judgment.parse(notANumber, "plan", 2).verdict()).isEqualTo("unstated");
        assertThat(Judgment.parse(prose, "plan", 2).verdict()).isEqualTo("unstated");
    }
}
