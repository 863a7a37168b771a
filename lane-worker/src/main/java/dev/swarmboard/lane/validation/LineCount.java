package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.lane.workspace.NormalizedDiff;
import java.util.List;

/**
 * {@code line_count}: no chunk is longer than {@value #LIMIT} lines. A chunk is one artifact or one hunk
 * of an applied change (added plus removed lines), so a stage that writes more must split its work
 * across stages or lanes.
 */
public final class LineCount implements YieldCheck {

    public static final String NAME = "line_count";
    public static final int LIMIT = 200;

    @Override
    public CheckResult check(LaneEvidence evidence) {
        List<String> tooLong = new java.util.ArrayList<>(evidence.presentArtifacts().stream()
                .map(LaneEvidence::stage)
                .filter(stage -> lines(stage.getOutput()) > LIMIT)
                .map(stage -> stage.getArtifact() + " has " + lines(stage.getOutput()) + " lines")
                .toList());
        for (var change : evidence.changes()) {
            List<Integer> hunks = NormalizedDiff.hunkSizes(change.getDiff());
            for (int i = 0; i < hunks.size(); i++) {
                if (hunks.get(i) > LIMIT) {
                    tooLong.add("the change of stage " + change.getStage() + " has a chunk (hunk " + (i + 1)
                            + ") of " + hunks.get(i) + " changed lines");
                }
            }
        }
        if (tooLong.isEmpty()) {
            return YieldCheck.passed(NAME, "every artifact within " + LIMIT + " lines");
        }
        return YieldCheck.failed(NAME, String.join(", ", tooLong) + " (limit " + LIMIT + " per chunk)");
    }

    private static long lines(String text) {
        return text.lines().count();
    }
}
