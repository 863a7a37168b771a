package dev.swarmboard.digest.report;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.verifier.quorum.LaneOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The lanes × checks matrix: one row per planned lane with its attempts and their outcomes, the
 * latest yield's result for every check any lane ran, and the evidence of that latest outcome.
 */
final class LaneMatrix {

    private LaneMatrix() {
    }

    static String render(Plan plan, List<LaneOutcome> outcomes, Citations citations) {
        Map<String, List<LaneOutcome>> byLane = byLane(outcomes);
        SortedSet<String> checks = new TreeSet<>();
        byLane.values().forEach(attempts -> latest(attempts).flatMap(LaneOutcome::yielded)
                .ifPresent(yielded -> yielded.getChecks().forEach(check -> checks.add(check.getName()))));
        List<String> header = new ArrayList<>(List.of("Lane", "Attempts", "Outcome"));
        header.addAll(checks);
        header.add("Evidence");
        StringBuilder table = new StringBuilder(Markdown.textRow(header)).append(Markdown.separator(header.size()));
        for (PlannedLane lane : plan.getLanes()) {
            table.append(Markdown.row(row(lane.getLaneId(), byLane.getOrDefault(lane.getLaneId(), List.of()), checks,
                    citations)));
        }
        return table.toString();
    }

    private static List<String> row(String laneId, List<LaneOutcome> attempts, SortedSet<String> checks,
                                    Citations citations) {
        List<String> cells = new ArrayList<>(List.of(Markdown.text(laneId),
                attempts.stream().map(o -> o.attempt() + " " + status(o)).collect(Collectors.joining(", ")),
                latest(attempts).map(LaneOutcome::passed).map(passed -> passed ? "PASS" : "FAIL").orElse("none")));
        Optional<LaneOutcome> latest = latest(attempts);
        for (String check : checks) {
            cells.add(latest.flatMap(LaneOutcome::yielded).flatMap(yielded -> yielded.getChecks().stream()
                    .filter(result -> result.getName().equals(check)).findFirst())
                    .map(LaneMatrix::mark).orElse("-"));
        }
        cells.add(latest.map(o -> citations.cite(o.event(), "outcome of lane " + o.describe())).orElse("-"));
        return cells;
    }

    static Map<String, List<LaneOutcome>> byLane(List<LaneOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(LaneOutcome::laneId));
    }

    static Optional<LaneOutcome> latest(List<LaneOutcome> attempts) {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /** PASS, FAIL (a yield that failed validation) or FAILED (a lane that ended without a yield). */
    static String status(LaneOutcome outcome) {
        return outcome.passed() ? "PASS" : outcome.yielded().isPresent() ? "FAIL" : "FAILED";
    }

    private static String mark(CheckResult result) {
        return result.getPassed() ? "pass" : "FAIL";
    }
}
