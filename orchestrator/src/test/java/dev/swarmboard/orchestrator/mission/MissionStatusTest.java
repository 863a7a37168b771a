package dev.swarmboard.orchestrator.mission;

import static dev.swarmboard.orchestrator.Fixtures.NOW;
import static dev.swarmboard.orchestrator.Fixtures.mission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.MissionScenario;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.event.DigestPublished;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionStatusTest {

    private final MissionSpec spec = mission("m1").build();
    private final MissionScenario scenario = MissionScenario.of("m1");

    @Test
    void shouldSucceedOnlyOnceTheDigestFollowsAPass() {
        // Given an accepted submission whose round 1 passed
        scenario.submit(spec);
        scenario.verdict(1, "PASS", List.of());
        MissionStatus status = follow(scenario.log());
        assertThat(status.stage()).isEqualTo(MissionStatus.Stage.VERIFIED);
        assertThat(status.exitCode()).as("a verdict alone is not the end").isEqualTo(-1);
        // When the digest is published
        status.apply(digest());
        // Then the submission completed with exit code 0 and the BLUF as its summary
        assertThat(status.finished()).isTrue();
        assertThat(status.exitCode()).isZero();
        assertThat(status.summary()).isEqualTo("Done.");
    }

    @Test
    void shouldFailWithExitCodeOneWhenTheMissionFails() {
        MissionScenario strict = MissionScenario.of("m1");
        MissionSpec once = mission("m1").setMaxReruns(0).build();
        strict.submit(once);
        String submitted = strict.lastCommandId();
        strict.verdict(1, "FAIL", List.of("gaps"), MissionScenario.vote("disruptor", false, List.of(), "x"));

        MissionStatus status = MissionStatus.follow(submitted, MissionHash.of(once));
        strict.log().forEach(status::apply);

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.summary()).contains("RERUNS_EXHAUSTED");
    }

    @Test
    void shouldBeRejectedWithExitCodeTwo() {
        MissionSpec invalid = mission("m1").setGoal("").build();
        List<BlackboardEvent> log = scenario.submit(invalid).events();

        MissionStatus status = MissionStatus.follow(scenario.lastCommandId(), MissionHash.of(invalid));
        log.forEach(status::apply);

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.summary()).contains("EMPTY_GOAL");
    }

    @Test
    void shouldFollowAnEarlierIdenticalSubmission() {
        // Given the same content submitted earlier and rejected, then submitted again (a no-op)
        MissionSpec invalid = mission("m1").setGoal("").build();
        List<BlackboardEvent> log = scenario.submit(invalid).events();
        // When the second submission is followed
        MissionStatus status = MissionStatus.follow("second-command", MissionHash.of(invalid));
        log.forEach(status::apply);
        // Then it reports the earlier rejection
        assertThat(status.exitCode()).isEqualTo(2);
    }

    @Test
    void shouldSkipAnswersToOtherCommandsOnTheSameMission() {
        // Given a running mission and someone's approve that is refused as NOT_PAUSED
        scenario.submit(spec);
        String submitted = scenario.lastCommandId();
        scenario.approve("");
        // When the submission is followed
        MissionStatus status = MissionStatus.follow(submitted, MissionHash.of(spec));
        scenario.log().forEach(status::apply);
        // Then the refusal is not its outcome
        assertThat(status.finished()).isFalse();
        assertThat(status.stage()).isEqualTo(MissionStatus.Stage.RUNNING);
    }

    private MissionStatus follow(List<BlackboardEvent> log) {
        MissionStatus status = MissionStatus.follow(scenario.lastCommandId(), MissionHash.of(spec));
        log.forEach(status::apply);
        return status;
    }

    private static BlackboardEvent digest() {
        return Events.create(EventOrigin.mission("m1", "digest"), DigestPublished.newBuilder().setBluf("Done.")
                .setMarkdown("# Done").setHeadHash("h").setVerdictEventId("v").build(), NOW, "m1", "digest");
    }
}
