package dev.swarmboard.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.MissionCancelled;
import dev.swarmboard.schema.event.QuorumReached;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLineTest {

    private static final Instant AT = Instant.parse("2026-11-22T02:00:00.123Z");

    @Test
    void shouldShowAFailedYieldWithTheCheckThatFailedAndWhy() {
        LaneYielded yielded = LaneYielded.newBuilder().setPassed(false).setChecks(List.of(
                new CheckResult("line_count", true, "ok"),
                new CheckResult("placeholder_scan", false, "engage_report line 3: 'TODO'"))).build();

        String line = EventLine.render(Events.create(new EventOrigin("m-1", "gaps", 1, "w", null, null), yielded, AT));

        assertThat(line).startsWith("02:00:00.123  m-1 gaps#1").contains("LaneYielded")
                .contains("FAIL placeholder_scan (engage_report line 3: 'TODO')").doesNotContain("line_count");
    }

    @Test
    void shouldShowAVerdictWithItsVotesThresholdAndFailingLanes() {
        QuorumReached verdict = QuorumReached.newBuilder().setRound(1).setVerdict("FAIL").setThreshold(2)
                .setVotes(List.of(new Vote("immunizer", false, List.of(), List.of("gaps")),
                        new Vote("disruptor", true, List.of(), List.of()),
                        new Vote("verifier_aux", false, List.of(), List.of("gaps"))))
                .setFailingLanes(List.of("gaps")).setHeadHash("ab".repeat(32)).build();

        String line = EventLine.render(Events.create(EventOrigin.mission("m-1", "verifier"), verdict, AT));

        assertThat(line).contains("QuorumReached").contains("FAIL round 1 (1/3, need 2) failing [gaps]");
    }

    @Test
    void shouldShowControlCharactersOfAGoalAsVisibleEscapesOnOneLine() {
        // Given a goal that clears the screen, sets the window title and forges a replay line
        String goal = "\u001b[2J\u001b]0;owned\u0007done\nREPLAY OK: every content hash intact";
        MissionSpec spec = MissionSpec.newBuilder().setMissionId("m-1").setGoal(goal).setLanes(List.of())
                .setConstraints(Constraints.newBuilder().build()).setContactPolicy(new ContactPolicy("", "", ""))
                .setQuorumThreshold(2).setMaxReruns(0).setShrinkScopeOnRetry(false).build();
        // When its acceptance and a cancellation with the same text are rendered
        String accepted = EventLine.render(Events.create(EventOrigin.mission("m-1", "o"),
                new MissionAccepted(spec, "h", "it"), AT));
        String cancelled = EventLine.render(Events.create(EventOrigin.mission("m-1", "o"), new MissionCancelled(goal, "it", List.of()),
                AT));
        // Then each is one line of printable text with the escapes visible
        assertThat(accepted).contains("goal: \\u001b[2J\\u001b]0;owned\\u0007done REPLAY OK");
        assertThat(cancelled).contains("\\u001b[2J\\u001b]0;owned\\u0007done\\u000aREPLAY OK");
        assertThat((accepted + cancelled).chars().filter(c -> c < 0x20 || c == 0x7f)).isEmpty();
    }

    @Test
    void shouldShowAnIntegrationWithItsLanesTreeAndDiffstat() {
        // Given an integration of two lanes and a failed one
        var completed = dev.swarmboard.schema.event.IntegrationCompleted.newBuilder().setRound(2).setVerdictEventId("v")
                .setBaseCommit("c").setBaseTreeId("b").setTreeId("0123456789abcdef").setLanes(List.of("a", "b"))
                .setDiff("diff --git a/x b/x\n@@ -1 +1 @@\n-o\n+n\n").setDiffHash("h").build();
        var failed = dev.swarmboard.schema.event.IntegrationFailed.newBuilder().setRound(1).setVerdictEventId("v")
                .setLanes(List.of("a", "b")).setReasons(List.of(new Reason("CONFLICT", "x", "lanes a and b both change x",
                        List.of()))).build();
        EventOrigin origin = new EventOrigin("m-1", "integration", 2, "w", null, null);

        // When rendered, Then each shows what a user follows
        assertThat(EventLine.render(Events.create(origin, completed, AT)))
                .contains("round 2 integrated [a, b]  tree 0123456789ab  1 file changed, 1 insertion(+), 1 deletion(-)");
        assertThat(EventLine.render(Events.create(origin, failed, AT)))
                .contains("round 1 lanes [a, b]: CONFLICT x: lanes a and b both change x");
    }
}
