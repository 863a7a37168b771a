package dev.swarmboard.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.Reason;
import org.junit.jupiter.api.Test;

class LaneProposalTest {

    @Test
    void shouldReadLanesUnderTheArtifactKey() {
        LaneProposal proposal = LaneProposal.parse("""
                lane_proposal:
                  lanes:
                    - {id: a, objective: "Do a", role: writer, scope: [docs/], tools: [unit-tests]}
                    - {id: b, objective: "Do b", role: reviewer, workflow: plan}
                """);

        assertThat(proposal.valid()).isTrue();
        assertThat(proposal.lanes()).extracting(LaneSpec::getId, LaneSpec::getWorkflow)
                .containsExactly(tuple("a", null),
                        tuple("b", "plan"));
        assertThat(proposal.lanes().get(0).getTools()).containsExactly("unit-tests");
    }

    @Test
    void shouldReadABareLanesList() {
        assertThat(LaneProposal.parse("lanes: [{id: a, objective: x, role: r}]").lanes()).hasSize(1);
    }

    @Test
    void shouldExplainWhatIsWrongWithTheLine() {
        LaneProposal proposal = LaneProposal.parse("""
                lanes:
                  - id: a
                    role: writer
                    colour: red
                """);

        assertThat(proposal.valid()).isFalse();
        assertThat(proposal.lanes()).isEmpty();
        assertThat(proposal.reasons()).extracting(Reason::getCode).containsOnly("PROPOSAL_INVALID");
        assertThat(proposal.reasons()).extracting(Reason::getField)
                .containsExactlyInAnyOrder("lanes[0].colour (line 4)", "lanes[0].objective (line 2)");
    }

    @Test
    void shouldRefuseProseAndAnEmptyProposal() {
        assertThat(LaneProposal.parse("I think we need three lanes.").reasons()).isNotEmpty();
        assertThat(LaneProposal.parse("lanes: []").reasons()).extracting(Reason::getMessage)
                .containsExactly("the proposal lists no lanes");
    }
}
