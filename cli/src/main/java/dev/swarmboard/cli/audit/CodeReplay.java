package dev.swarmboard.cli.audit;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.git.GitCli;
import dev.swarmboard.git.GitCli.GitResult;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.ChangeApplied;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.MissionAccepted;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.ToolReceipt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replay of the code: every receipted diff re-applied onto its recorded parent tree (in a temporary
 * clone's index, no working tree, no model, no tool) and every recorded tree id checked — each stage's
 * ChangeApplied, each tool receipt's tree, each lane's net change on its yield (from the tree its attempt
 * started at: the base, or its predecessor's final tree), the integrated tree.
 * Tree ids, not commit ids, are compared, so author and time never matter. A tree that does not come
 * out, or a diff whose hash is not its recorded one, is a divergence naming the event.
 */
public final class CodeReplay {

    private final Path clone;
    private final String baseTree;
    private final List<AuditReport.Divergence> divergences = new ArrayList<>();
    private final Map<String, Set<String>> treesByAttempt = new HashMap<>();
    private final Map<String, String> lastTreeByAttempt = new HashMap<>();
    private final Map<String, String> startByAttempt = new HashMap<>();
    private final Map<String, Integer> predecessorCount = new HashMap<>();
    private final Set<String> yieldedTrees = new HashSet<>();

    private CodeReplay(Path clone, String baseTree) {
        this.clone = clone;
        this.baseTree = baseTree;
    }

    /** The divergences of the mission's code; none for a mission without a workspace. */
    public static List<AuditReport.Divergence> replay(List<RecordedEvent> events) {
        Optional<Workspace> workspace = events.stream().map(RecordedEvent::event)
                .filter(event -> event.getPayload() instanceof MissionAccepted).findFirst()
                .map(event -> ((MissionAccepted) event.getPayload()).getMission().getWorkspace());
        if (workspace.isEmpty() || workspace.get() == null) {
            return List.of();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("swarm-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary checkout for the code replay", e);
        }
        try {
            GitResult cloned = GitCli.run(dir, "clone", "-q", "--no-checkout", "--", workspace.get().getRepo(), ".");
            GitResult tree = cloned.ok() ? GitCli.run(dir, "rev-parse", workspace.get().getBase() + "^{tree}") : cloned;
            if (!tree.ok()) {
                return List.of(new AuditReport.Divergence("-", null, "cannot replay the code: base "
                        + workspace.get().getBase() + " of " + workspace.get().getRepo() + ": " + tree.why()));
            }
            CodeReplay replay = new CodeReplay(dir, tree.firstLine());
            replay.integratedTrees(events);
            replay.starts(events);
            Set<String> seen = new HashSet<>();
            for (RecordedEvent event : events) {
                if (seen.add(event.eventId())) {
                    replay.check(event);
                }
            }
            return replay.divergences;
        } finally {
            remove(dir);
        }
    }

    /**
     * The integration task's tests run before its outcome is written: their trees are the integrated
     * tree its IntegrationCompleted records (checked when that event is replayed) or the tree its
     * IntegrationFailed names.
     */
    private void integratedTrees(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            String attempt = event.event().getHeader().getLaneId() + "/" + event.event().getHeader().getAttempt();
            if (event.event().getPayload() instanceof IntegrationCompleted completed) {
                treesByAttempt.computeIfAbsent(attempt, key -> new HashSet<>()).add(completed.getTreeId());
            } else if (event.event().getPayload() instanceof IntegrationFailed failed && !failed.getTreeId().isEmpty()) {
                treesByAttempt.computeIfAbsent(attempt, key -> new HashSet<>()).add(failed.getTreeId());
            }
        }
    }

    /**
     * Where each lane attempt's checkout started (its LaneStarted's tree: the base's, or its predecessors'
     * for a lane that waits for others) and how many lanes each lane waits for in the plan.
     */
    private void starts(List<RecordedEvent> events) {
        for (RecordedEvent event : events) {
            String attempt = event.event().getHeader().getLaneId() + "/" + event.event().getHeader().getAttempt();
            if (event.event().getPayload() instanceof LaneStarted started && !started.getStartTreeId().isEmpty()) {
                startByAttempt.putIfAbsent(attempt, started.getStartTreeId());
            } else if (event.event().getPayload() instanceof PlanIssued issued) {
                issued.getPlan().getLanes().forEach(lane -> predecessorCount.put(lane.getLaneId(),
                        lane.getAfter().size()));
            }
        }
    }

    private void check(RecordedEvent event) {
        Object payload = event.event().getPayload();
        String attempt = event.event().getHeader().getLaneId() + "/" + event.event().getHeader().getAttempt();
        String start = startByAttempt.getOrDefault(attempt, baseTree);
        if (payload instanceof LaneStarted started && !started.getStartTreeId().isEmpty()) {
            checkStart(event, started.getStartTreeId());
        } else if (payload instanceof ChangeApplied change) {
            String parent = lastTreeByAttempt.getOrDefault(attempt, start);
            if (!change.getParentTreeId().equals(parent)) {
                diverged(event, "change of stage " + change.getStage() + " names parent tree "
                        + change.getParentTreeId() + ", the lane attempt was at " + parent);
            }
            checkDiff(event, change.getParentTreeId(), change.getDiff(), change.getDiffHash(), change.getTreeId());
            lastTreeByAttempt.put(attempt, change.getTreeId());
            treesByAttempt.computeIfAbsent(attempt, key -> new HashSet<>()).add(change.getTreeId());
        } else if (payload instanceof ToolReceipt run && !run.getTreeId().isEmpty()) {
            Set<String> known = new HashSet<>(treesByAttempt.getOrDefault(attempt, Set.of()));
            known.add(baseTree);
            known.add(start);
            if (!known.contains(run.getTreeId())) {
                diverged(event, "tool " + run.getTool() + " ran on tree " + run.getTreeId()
                        + ", which no receipted change of lane attempt " + attempt + " produced");
            }
        } else if (payload instanceof LaneYielded yielded && !yielded.getTreeId().isEmpty()) {
            String last = lastTreeByAttempt.getOrDefault(attempt, start);
            if (!yielded.getTreeId().equals(last)) {
                diverged(event, "yield names tree " + yielded.getTreeId() + ", the attempt's last change gave " + last);
            }
            if (!yielded.getBaseTreeId().equals(start)) {
                diverged(event, "yield's change starts from tree " + yielded.getBaseTreeId()
                        + ", the attempt started at " + start);
            }
            checkDiff(event, start, yielded.getChangeDiff(), yielded.getChangeDiffHash(), yielded.getTreeId());
            yieldedTrees.add(yielded.getTreeId());
        } else if (payload instanceof IntegrationCompleted completed) {
            checkDiff(event, baseTree, completed.getDiff(), completed.getDiffHash(), completed.getTreeId());
        }
    }

    /**
     * A checkout starts from the base, or from a tree an earlier yield of the mission ended at (a lane
     * after one predecessor starts from that lane's tree). A start merged from several predecessors is
     * re-derived and checked by the lane worker, not here.
     */
    private void checkStart(RecordedEvent event, String startTree) {
        boolean merged = predecessorCount.getOrDefault(event.event().getHeader().getLaneId(), 0) > 1;
        if (!startTree.equals(baseTree) && !yieldedTrees.contains(startTree) && !merged) {
            diverged(event, "lane attempt starts from tree " + startTree + ", which is neither the base tree nor a"
                    + " tree an earlier yield ended at");
        }
    }

    private void checkDiff(RecordedEvent event, String parent, String diff, String hash, String expectedTree) {
        String actualHash = ContentHash.sha256Hex(diff.getBytes(StandardCharsets.UTF_8));
        if (!actualHash.equals(hash)) {
            diverged(event, "diff hashes to " + actualHash + ", the event records " + hash);
            return;
        }
        GitResult read = GitCli.run(clone, "read-tree", parent);
        GitResult applied = !read.ok() || diff.isEmpty() ? read
                : GitCli.withInput(clone, diff, "apply", "--cached", "--whitespace=nowarn", "-");
        if (!applied.ok()) {
            diverged(event, "diff does not apply to tree " + parent + ": " + applied.why());
            return;
        }
        String tree = GitCli.run(clone, "write-tree").firstLine();
        if (!tree.equals(expectedTree)) {
            diverged(event, "diff applied to tree " + parent + " gives tree " + tree + ", the event records "
                    + expectedTree);
        }
    }

    private void diverged(RecordedEvent event, String why) {
        divergences.add(new AuditReport.Divergence(event.coordinates(), event.eventId(), why));
    }

    private static void remove(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the code replay's checkout " + dir, e);
        }
    }
}
