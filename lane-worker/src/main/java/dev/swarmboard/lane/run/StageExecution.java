package dev.swarmboard.lane.run;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.capability.ModelSpec;
import dev.swarmboard.lane.budget.BudgetLedger;
import dev.swarmboard.lane.budget.BudgetLimits;
import dev.swarmboard.lane.budget.Spend;
import dev.swarmboard.lane.context.ContextBuilder;
import dev.swarmboard.lane.context.PreviousAttempt;
import dev.swarmboard.lane.context.StageContext;
import dev.swarmboard.lane.model.CallKey;
import dev.swarmboard.lane.model.ModelCallException;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.model.ModelRequest;
import dev.swarmboard.lane.model.ModelResponse;
import dev.swarmboard.lane.context.SequentialPrompt;
import dev.swarmboard.lane.stage.CallPlan;
import dev.swarmboard.lane.stage.Judgment;
import dev.swarmboard.lane.stage.ParallelJoin;
import dev.swarmboard.lane.stage.PlannedCall;
import dev.swarmboard.lane.stage.ResolvedStage;
import dev.swarmboard.lane.stage.StagePlans;
import dev.swarmboard.lane.validation.ArtifactsPresent;
import dev.swarmboard.lane.workspace.Checkout;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.telemetry.Hop;
import dev.swarmboard.telemetry.MissionLogs;
import dev.swarmboard.telemetry.SwarmMetrics;
import dev.swarmboard.telemetry.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Duration;
import dev.swarmboard.schema.event.StageStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * Runs one stage's model calls and returns the receipt that carries its artifact. A call whose receipt
 * is already on the blackboard (same deterministic id) is not made again. Before calls are made, the
 * mission's spend is re-read and the calls' most possible spend checked against the budgets (a mission
 * without budgets reads nothing). Ensemble proposals and parallel calls run concurrently, except a
 * sequential ensemble's, each of which sees the earlier ones; a StageStarted is written before they
 * begin, in one transaction with the lane's receipts held since its last call; a judgment's receipt
 * records what the judge stated it did ({@link Judgment}).
 */
final class StageExecution {

    private static final String WORKER_PROVIDER = "swarm";

    private final LaneScope lane;
    private final ModelProvider provider;
    private final ExecutorService calls;
    private final Optional<Checkout> checkout;
    private final Tracing tracing;

    StageExecution(LaneScope lane, ModelProvider provider, ExecutorService calls, Optional<Checkout> checkout,
                   Tracing tracing) {
        this.lane = lane;
        this.provider = provider;
        this.calls = calls;
        this.checkout = checkout;
        this.tracing = tracing;
    }

    /** The stage inside its span ({@code stage <name>}, child of the lane's) and timed in {@code swarm_stage_duration}. */
    BlackboardEvent run(ResolvedStage stage, List<BlackboardEvent> earlier) throws LaneFailure, InterruptedException {
        long started = System.nanoTime();
        try (Hop hop = tracing.start("stage " + stage.name(), SpanKind.INTERNAL, lane.events().traceparent())
                .set(Hop.MISSION, lane.missionId()).set(Hop.LANE, lane.laneId()).set(Hop.STAGE, stage.name())) {
            try {
                return run(stage, earlier, hop.traceparent());
            } catch (LaneFailure failure) {
                hop.fail("lane_failure", failure.getMessage());
                throw failure;
            } finally {
                SwarmMetrics.stage(stage.name(), stage.type().name(), Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private BlackboardEvent run(ResolvedStage stage, List<BlackboardEvent> earlier, String parent)
            throws LaneFailure, InterruptedException {
        StageContext context = ContextBuilder.build(lane.task(), stage, earlier, checkout,
                PreviousAttempt.of(lane.view().events(), lane.laneId(), lane.task().getAttempt()));
        List<PlannedCall> proposals = CallPlan.proposals(stage, lane.task().getLane().getRole());
        boolean singleOutput = stage.type() == StageType.SINGLE || stage.type() == StageType.ROUTED;
        List<BlackboardEvent> outputs = stage.type() == StageType.ENSEMBLE && stage.ensemble().sequential()
                ? callInTurn(stage, proposals, context, parent)
                : callAll(stage, proposals, context, singleOutput ? stage.outputArtifact() : "", parent);
        return switch (stage.type()) {
            case ENSEMBLE -> {
                StageContext judging = ContextBuilder.judgment(context, stage, outputs);
                yield callAll(stage, List.of(CallPlan.judgment(stage)), judging, stage.outputArtifact(), parent).get(0);
            }
            case PARALLEL -> merge(stage, context, proposals, outputs);
            default -> outputs.get(0);
        };
    }

    /** Sequential proposals: proposer k is shown proposals 1..k-1. */
    private List<BlackboardEvent> callInTurn(ResolvedStage stage, List<PlannedCall> proposals, StageContext context,
                                             String parent) throws LaneFailure, InterruptedException {
        List<BlackboardEvent> outputs = new ArrayList<>();
        for (PlannedCall proposal : proposals) {
            outputs.add(callAll(stage, List.of(proposal), SequentialPrompt.proposer(context, outputs), "", parent)
                    .get(0));
        }
        return outputs;
    }

    private List<BlackboardEvent> callAll(ResolvedStage stage, List<PlannedCall> planned, StageContext context,
                                          String artifact, String parent) throws LaneFailure, InterruptedException {
        List<PlannedCall> missing = planned.stream()
                .filter(call -> lane.view().find(receiptId(stage, call)).isEmpty()).toList();
        ensureBudget(stage, missing, context);
        announce(stage, missing);
        if (missing.size() == 1) {
            call(stage, missing.get(0), context, artifact, parent);
        } else if (missing.size() > 1) {
            List<Future<BlackboardEvent>> running = new ArrayList<>();
            for (PlannedCall call : missing) {
                running.add(calls.submit(() -> call(stage, call, context, artifact, parent)));
            }
            awaitAll(running);
        }
        return planned.stream().map(call -> lane.view().find(receiptId(stage, call)).orElseThrow()).toList();
    }

    /** StageStarted before the calls are made, once per stage and kind of call (a re-run finds it and writes none). */
    private void announce(ResolvedStage stage, List<PlannedCall> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String kind = missing.get(0).kind();
        if (lane.view().find(lane.events().id("StageStarted", stage.name(), kind, 0)).isEmpty()) {
            StageStarted started = new StageStarted(stage.name(), kind,
                    missing.stream().map(call -> call.route().getModelKey()).toList());
            lane.view().hold(lane.events().event(started, stage.name(), kind, 0));
        }
    }

    private void ensureBudget(ResolvedStage stage, List<PlannedCall> missing, StageContext context) throws LaneFailure {
        BudgetLimits limits = BudgetLimits.of(lane.task());
        // Without a budget there is nothing to check, so no need to read the other lanes' spend.
        if (missing.isEmpty() || limits.unlimited()) {
            return;
        }
        lane.view().refresh();
        Spend used = BudgetLedger.spent(lane.view().events());
        Spend requested = Spend.NONE;
        for (PlannedCall call : missing) {
            requested = requested.plus(BudgetLedger.estimate(context.messages(), call.route().getMaxTokens(),
                    spec(call).pricing()));
        }
        var exceeded = BudgetLedger.check(stage.name(), limits, used, requested);
        if (exceeded.isPresent()) {
            throw LaneFailure.overBudget(exceeded.get());
        }
    }

    private BlackboardEvent call(ResolvedStage stage, PlannedCall call, StageContext context, String artifact,
                                 String parent) throws LaneFailure {
        String role = PlannedCall.JUDGMENT.equals(call.kind()) ? StagePlans.JUDGE_ROLE : stage.role();
        CallKey key = new CallKey(lane.missionId(), lane.laneId(), stage.name(), lane.task().getAttempt(),
                call.index(), role);
        // What the lane holds (its StageStarted, earlier receipts) is written before the call is paid for.
        lane.view().flush();
        ModelResponse response;
        try (MDC.MDCCloseable mission = MissionLogs.about(lane.missionId())) {
            response = ModelCallSpan.complete(tracing, parent, provider, new ModelRequest(spec(call),
                    call.route().getModelKey(), context.messages(), call.route().getMaxTokens(), key));
        } catch (ModelCallException e) {
            throw LaneFailure.of(stage.name(), "MODEL_CALL_FAILED", "stages." + stage.name() + "."
                    + call.kind().toLowerCase() + "[" + call.index() + "]", e.getMessage(), e.flags());
        }
        String field = "stages." + stage.name() + "." + call.kind().toLowerCase() + "[" + call.index() + "]";
        StageCompleted receipt = receipt(stage, call, context, artifact)
                .setProvider(spec(call).provider().wireName())
                .setModel(response.model())
                .setOutput(OutputLimit.check(stage.name(), field, response.content()))
                .setOutputHash(ArtifactsPresent.outputHash(response.content()))
                .setTokensIn(response.tokensIn())
                .setTokensOut(response.tokensOut())
                .setCostUsd(response.costUsd())
                .setLatencyMs(response.latencyMs())
                .setFlags(response.flags())
                .build();
        if (PlannedCall.JUDGMENT.equals(call.kind())) {
            Judgment judgment = Judgment.parse(response.content(), stage.outputArtifact(),
                    CallPlan.proposals(stage, lane.task().getLane().getRole()).size());
            receipt.setJudgment(judgment.verdict());
            receipt.setJudgmentReason(judgment.reason().orElse(null));
        }
        return lane.view().hold(lane.events().event(receipt, stage.name(), call.kind(), call.index()));
    }

    private BlackboardEvent merge(ResolvedStage stage, StageContext context, List<PlannedCall> proposals,
                                  List<BlackboardEvent> outputs) throws LaneFailure {
        PlannedCall merged = new PlannedCall(PlannedCall.MERGED, 0, proposals.get(0).route());
        List<ParallelJoin.Part> parts = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            parts.add(new ParallelJoin.Part(proposals.get(i).route().getModelKey(),
                    ((StageCompleted) outputs.get(i).getPayload()).getOutput()));
        }
        String joined = ParallelJoin.join(stage.outputArtifact(), parts);
        StageCompleted receipt = receipt(stage, merged, context, stage.outputArtifact())
                .setProvider(WORKER_PROVIDER)
                .setModel("join")
                .setModelKey("")
                .setOutput(OutputLimit.check(stage.name(), "stages." + stage.name() + ".merged", joined))
                .setOutputHash(ArtifactsPresent.outputHash(joined))
                .setContextRefs(outputs.stream().map(output -> Events.ref(output,
                        "proposal")).toList())
                .build();
        return lane.view().hold(lane.events().event(receipt, stage.name(), merged.kind(), merged.index()));
    }

    private StageCompleted.Builder receipt(ResolvedStage stage, PlannedCall call, StageContext context, String artifact) {
        return StageCompleted.newBuilder()
                .setStage(stage.name())
                .setRole(PlannedCall.JUDGMENT.equals(call.kind()) ? StagePlans.JUDGE_ROLE : stage.role())
                .setKind(call.kind())
                .setProposalIndex(call.index())
                .setModelKey(call.route().getModelKey())
                .setPromptHash(context.promptHash())
                .setArtifact(artifact)
                .setContext(stage.context())
                .setContextRefs(context.refs())
                .setFileRefs(context.files())
                .setContextNotes(context.notes());
    }

    private String receiptId(ResolvedStage stage, PlannedCall call) {
        return lane.events().id("StageCompleted", stage.name(), call.kind(), call.index());
    }

    private ModelSpec spec(PlannedCall call) {
        return lane.registry().model(call.route().getModelKey()).orElseThrow();
    }

    private static void awaitAll(List<Future<BlackboardEvent>> running) throws LaneFailure, InterruptedException {
        LaneFailure first = null;
        for (Future<BlackboardEvent> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                running.forEach(call -> call.cancel(true));
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof LaneFailure failure) {
                    first = first == null ? failure : first;
                } else if (e.getCause() instanceof RuntimeException unexpected) {
                    throw unexpected;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
