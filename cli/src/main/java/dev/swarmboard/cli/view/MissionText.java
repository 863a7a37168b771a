package dev.swarmboard.cli.view;

import dev.swarmboard.console.view.LaneView;
import dev.swarmboard.console.view.MissionView;
import dev.swarmboard.console.view.PlanView;
import dev.swarmboard.console.view.StageView;
import dev.swarmboard.console.view.VerdictView;
import dev.swarmboard.text.ShownText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Terminal text of {@link MissionView}s for {@code swarm missions}, {@code swarm show} and the
 * progress lines of {@code swarm submit --wait}; every event text goes through {@link ShownText}.
 */
public final class MissionText {

    private MissionText() {
    }

    /** The header of {@link #row}. */
    public static String header() {
        return String.format("%-40s %-10s %-6s %10s %8s", "MISSION", "STATUS", "LANES", "COST", "AGE");
    }

    /** One line: id, status, lanes done of total, cost and age. */
    public static String row(MissionView view, Instant now) {
        return ShownText.terminal(String.format(Locale.ROOT, "%-40s %-10s %-6s %10s %8s", view.missionId(),
                view.status(), view.lanesDone() + "/" + view.lanes().size(), usd(view.costUsd()), age(view.age(now))));
    }

    /** Progress of a followed mission: lanes done of total, each running lane's current stage, tokens and USD. */
    public static String progress(MissionView view) {
        String running = view.lanes().stream().filter(lane -> lane.state().equals("RUNNING"))
                .map(lane -> lane.laneId() + " " + current(lane)).collect(Collectors.joining(", "));
        return ShownText.terminal(String.format(Locale.ROOT, "progress: %s, lanes %d/%d done%s, %d tokens, %s",
                view.status(), view.lanesDone(), view.lanes().size(), running.isEmpty() ? "" : " (" + running + ")",
                view.tokens(), usd(view.costUsd())));
    }

    /** Everything {@code swarm show} prints. */
    public static List<String> show(MissionView view, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("mission  " + view.missionId());
        lines.add("status   " + view.status() + (view.awaiting().isEmpty() ? "" : " (awaiting " + view.awaiting() + ")"));
        lines.add("goal     " + view.goal());
        lines.add("age      " + age(view.age(now)) + ", " + view.tokens() + " tokens, " + usd(view.costUsd()) + ", "
                + view.events() + " events");
        if (!view.why().isEmpty()) {
            lines.add("why      " + view.why());
        }
        if (view.proposed() != null) {
            lines.add("proposed plan " + view.proposed().planId() + " (approve: swarm approve " + view.missionId()
                    + " --plan " + view.proposed().planId() + ")");
            plan(view.proposed(), lines);
        }
        if (view.plan() != null) {
            lines.add("plan     " + view.plan().planId() + " v" + view.plan().version() + " (" + view.plan().workflow() + ")");
        }
        for (LaneView lane : view.lanes()) {
            lines.add("lane     " + lane.laneId() + " #" + lane.attempt() + " " + lane.state() + "  "
                    + lane.stages().stream().map(stage -> stage.name() + ":" + stage.state().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(" ")) + (lane.outcome().isEmpty() ? "" : "  " + lane.outcome()));
        }
        for (VerdictView verdict : view.verdicts()) {
            lines.add("verdict  round " + verdict.round() + " " + verdict.verdict() + " " + verdict.votes().stream()
                    .map(vote -> vote.validator() + (vote.pass() ? " pass" : " fail " + vote.reasons()))
                    .collect(Collectors.joining(", ")));
        }
        if (!view.bluf().isEmpty()) {
            lines.add("digest   " + view.bluf());
        }
        return lines.stream().map(ShownText::terminal).toList();
    }

    private static void plan(PlanView plan, List<String> lines) {
        for (PlanView.Lane lane : plan.lanes()) {
            lines.add("  - " + lane.laneId() + " (" + lane.role() + "): " + lane.objective());
            lines.add("    scope " + lane.scope() + ", tools " + lane.tools() + ", stages " + lane.stages());
        }
    }

    private static String current(LaneView lane) {
        return lane.stages().stream().filter(stage -> stage.state().equals("STARTED")).map(StageView::name)
                .findFirst().orElseGet(() -> lane.stages().stream().filter(stage -> stage.state().equals("PLANNED"))
                        .map(StageView::name).findFirst().orElse("yield"));
    }

    static String usd(double usd) {
        return String.format(Locale.ROOT, "$%.4f", usd);
    }

    static String age(Duration age) {
        long s = age.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s / 3600 + "h" + (s % 3600) / 60 + "m";
    }
}
