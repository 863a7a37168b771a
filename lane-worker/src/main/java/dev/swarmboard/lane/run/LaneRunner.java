package dev.swarmboard.lane.run;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.lane.stage.StagePlans;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.validation.LaneEvidence;
import dev.swarmboard.lane.validation.YieldValidator;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.lane.workspace.LaneDirs;
import dev.swarmboard.lane.workspace.NetChange;
import dev.swarmboard.lane.workspace.RepoCache;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneStarted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.ToolReceipt;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one lane attempt from the blackboard's point of view: an attempt that already has its outcome is
 * only acknowledged; otherwise the preflight, LaneStarted, each stage's calls and tools (skipping what is
 * already receipted, so a re-delivered lane resumes where the last worker stopped), then Yield. A lane
 * with a workspace works in a fresh checkout of its pinned commit (plus its predecessors' changes, for a
 * lane that waits for others: {@link PredecessorStart}), removed when the attempt ends. Every
 * way the attempt can end is written as an event before the task is acknowledged. An integration task
 * ({@link IntegrationStep}) combines a passed round's changes instead; it has no stages and calls no model.
 */
public final class LaneRunner {


    private final CapabilityRegistry registry;
    private final ModelProvider provider;
    private final ToolRunner tools;
    private final ExecutorService calls;
    private final Path workspace;
    private final String worker;
    private final Clock clock;
    private final RepoCache repos;
    private final Tracing tracing;

    public LaneRunner(CapabilityRegistry registry, ModelProvider provider, ToolRunner tools, ExecutorService calls,
                      Path workspace, String worker, Clock clock) {
        this(registry, provider, tools, calls, workspace, worker, clock, Tracing.off());
    }

    /** A runner whose lanes, stages, model calls and tool runs are spans of {@code tracing}. */
    public LaneRunner(CapabilityRegistry registry, ModelProvider provider, ToolRunner tools, ExecutorService calls,
                      Path workspace, String worker, Clock clock, Tracing tracing) {
        this.registry = registry;
        this.provider = provider;
        this.tools = tools;
        this.calls = calls;
        this.workspace = workspace;
        this.worker = worker;
        this.clock = clock;
        this.repos = new RepoCache(new LaneDirs(workspace, worker));
        this.tracing = tracing;
    }

    /**
     * Runs the attempt inside its span ({@code lane <id>}, child of the task's traceparent), with the mission
     * on its log lines, counted in {@code swarm_lanes_in_flight} while it runs and in
     * {@code swarm_lanes_finished_total} by how it ended.
     */
    public LaneOutcome run(RunLane task, int deliveryCount, BlackboardAccess blackboard) {
        try (MDC.MDCCloseable mission = MissionLogs.about(task.getMissionId());
             Hop hop = tracing.start("lane " + task.getLane().getLaneId(), SpanKind.CONSUMER, task.getTraceparent())
                     .set(Hop.MISSION, task.getMissionId()).set(Hop.LANE, task.getLane().getLaneId())
                     .set(Hop.ATTEMPT, task.getAttempt());
             SwarmMetrics.Running running = SwarmMetrics.laneRunning()) {
            LaneScope lane = new LaneScope(task, MissionView.open(blackboard, task),
                    new LaneEvents(task, worker, clock, hop.traceparent()), registry);
            if (lane.view().find(lane.events().terminalId()).isPresent()) {
                SwarmMetrics.laneFinished("duplicate");
                return LaneOutcome.accept(describe(task) + " already has its outcome");
            }
            LaneOutcome outcome = run(lane, deliveryCount);
            String ended = ending(lane, outcome);
            SwarmMetrics.laneFinished(ended);
            hop.set("swarm.lane.outcome", ended);
            if ("failed".equals(ended) || "rejected".equals(ended)) {
                hop.fail(ended, outcome.summary());
            }
            return outcome;
        }
    }

    /** passed, not_passed (a yield whose checks failed), failed, rejected or released. */
    private static String ending(LaneScope lane, LaneOutcome outcome) {
        if (outcome.acknowledgement() == AcknowledgeType.RELEASE) {
            return "released";
        }
        Optional<BlackboardEvent> terminal = lane.view().find(lane.events().terminalId());
        if (terminal.isPresent() && terminal.get().getPayload() instanceof LaneYielded yielded) {
            return yielded.getPassed() ? "passed" : "not_passed";
        }
        return outcome.acknowledgement() == AcknowledgeType.REJECT ? "rejected" : "failed";
    }

    private LaneOutcome run(LaneScope lane, int deliveryCount) {
        RunLane task = lane.task();
        if (task.getIntegration() != null) {
            try {
                return new IntegrationStep(lane, tools, workspace, repos, tracing).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return LaneOutcome.release(describe(task) + " interrupted");
            }
        }
        List<ResolvedStage> stages = StagePlans.resolve(task.getLane(), registry);
        List<Reason> refused = Preflight.check(task, stages, registry, clock.instant());
        if (!refused.isEmpty()) {
            lane.view().append(lane.events().terminal(new LaneFailed("", refused)));
            return LaneOutcome.reject(describe(task) + " cannot run: " + refused.get(0).getMessage());
        }
        Optional<Checkout> checkout = Optional.empty();
        Workspace repo = task.getLane().getWorkspace();
        if (repo != null) {
            RepoCache.Opened opened = repos.checkout(repo, task.getMissionId(), lane.laneId(), task.getAttempt());
            if (opened.checkout().isEmpty()) {
                lane.view().append(lane.events().terminal(new LaneFailed("", List.of(new Reason("UNKNOWN",
                        "lane.workspace.base", opened.problem(), List.of("commit " + repo.getBase() + " fetchable from "
                        + repo.getRepo() + " by this worker"))))));
                return LaneOutcome.reject(describe(task) + " cannot run: " + opened.problem());
            }
            checkout = opened.checkout();
            Optional<Reason> unreproduced = PredecessorStart.rebuild(lane, checkout.get());
            if (unreproduced.isPresent()) {
                checkout.get().close();
                lane.view().append(lane.events().terminal(new LaneFailed("", List.of(unreproduced.get()))));
                return LaneOutcome.reject(describe(task) + " cannot run: " + unreproduced.get().getMessage());
            }
        }
        try {
            return runStarted(lane, stages, deliveryCount, checkout, checkout.map(Checkout::head).orElse(""));
        } finally {
            checkout.ifPresent(Checkout::close);
        }
    }

    /** Runs the attempt's stages and Yield; {@code start} is the commit the checkout starts at (empty without one). */
    private LaneOutcome runStarted(LaneScope lane, List<ResolvedStage> stages, int deliveryCount,
                                   Optional<Checkout> checkout, String start) {
        RunLane task = lane.task();
        lane.view().hold(lane.events().event(new LaneStarted(worker, deliveryCount, task.getScope(),
                checkout.map(Checkout::treeId).orElse("")), "", "delivery", deliveryCount));
        try {
            runStages(lane, stages, checkout);
        } catch (LaneFailure failure) {
            if (Thread.currentThread().isInterrupted()) {
                return LaneOutcome.release(describe(task) + " interrupted in " + failure.stage());
            }
            failure.budget().ifPresent(exceeded -> lane.view().hold(lane.events().event(exceeded,
                    exceeded.getStage(), "", 0)));
            lane.view().append(lane.events().terminal(new LaneFailed(failure.stage(), failure.reasons())));
            return LaneOutcome.accept(describe(task) + " failed: " + failure.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LaneOutcome.release(describe(task) + " interrupted");
        }
        LaneYielded yielded = YieldValidator.validate(new LaneEvidence(task,
                StagePlans.requiredArtifacts(task.getLane(), stages),
                lane.view().attempt(lane.laneId(), task.getAttempt()), lane.view().known(), allowFailure()));
        if (checkout.isPresent()) {
            yielded = NetChange.of(checkout.get(), start).onto(yielded);
        }
        lane.view().append(lane.events().terminal(yielded));
        return LaneOutcome.accept(describe(task) + " yielded, passed=" + yielded.getPassed());
    }

    private void runStages(LaneScope lane, List<ResolvedStage> stages, Optional<Checkout> checkout)
            throws LaneFailure, InterruptedException {
        StageExecution execution = new StageExecution(lane, provider, calls, checkout, tracing);
        ToolStep toolStep = new ToolStep(lane, tools, workspace, checkout, tracing);
        Optional<ChangeStep> changeStep = checkout.map(opened -> new ChangeStep(lane, opened));
        Set<String> done = new HashSet<>();
        for (ResolvedStage stage : stages) {
            List<BlackboardEvent> earlier = receiptsOf(lane, done);
            BlackboardEvent artifact = execution.run(stage, earlier);
            if (changeStep.isPresent()) {
                changeStep.get().run(stage, artifact);
            }
            toolStep.run(stage, artifact);
            done.add(stage.name());
        }
    }

    /** This attempt's receipts from the named stages, in log order. */
    private static List<BlackboardEvent> receiptsOf(LaneScope lane, Set<String> stageNames) {
        return lane.view().attempt(lane.laneId(), lane.task().getAttempt()).stream().filter(event ->
                (event.getPayload() instanceof StageCompleted stage && stageNames.contains(stage.getStage()))
                        || (event.getPayload() instanceof ToolReceipt tool && stageNames.contains(tool.getStage())))
                .toList();
    }

    private Set<String> allowFailure() {
        Set<String> allowed = new HashSet<>();
        registry.tools().forEach((name, spec) -> {
            if (spec.allowFailure()) {
                allowed.add(name);
            }
        });
        return allowed;
    }

    private static String describe(RunLane task) {
        return "lane " + task.getMissionId() + "/" + task.getLane().getLaneId() + " attempt " + task.getAttempt();
    }
}
