package dev.swarmboard.lane.run;

import dev.swarmboard.capability.Redactor;
import static dev.swarmboard.lane.LaneFixtures.CLOCK;
import static dev.swarmboard.lane.LaneFixtures.artifact;
import static dev.swarmboard.lane.LaneFixtures.lane;
import static dev.swarmboard.lane.LaneFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.model.CallKey;
import dev.swarmboard.lane.model.ModelCallException;
import dev.swarmboard.lane.model.ModelProvider;
import dev.swarmboard.lane.model.ModelProviders;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.ModelRoute;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.StagePlan;
import dev.swarmboard.schema.StageType;
import dev.swarmboard.schema.event.BudgetExceeded;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.schema.event.StageStarted;
import dev.swarmboard.schema.event.ToolReceipt;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaneRunnerTest {

    private static final CapabilityRegistry REGISTRY = LaneFixtures.registry();
    private static final ModelProvider SCRIPTED = ModelProviders.forRegistry(REGISTRY);

    @TempDir
    Path workspace;

    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final List<CallKey> called = new CopyOnWriteArrayList<>();
    private final InMemoryBlackboard blackboard = new InMemoryBlackboard();

    @AfterEach
    void stopCalls() {
        calls.shutdownNow();
    }

    private LaneRunner runner(ModelProvider provider) {
        ModelProvider counting = request -> {
            called.add(request.key());
            return provider.complete(request);
        };
        return new LaneRunner(REGISTRY, counting, ToolRunner.forWorker(Redactor.NONE), calls, workspace, "w-1", CLOCK);
    }

    private static RunLane withTools(String laneId, List<String> tools) {
        return task("m-1", lane(laneId).setTools(tools).setRequireTestsGreen(true).build()).build();
    }

    @Test
    void shouldRunEveryPreyStageThenTheToolsAndYieldAPassingLane() {
        // When
        LaneOutcome outcome = runner(SCRIPTED).run(withTools("lane-a", List.of("unit-tests", "echo")), 1, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.types()).containsExactly("LaneStarted", "StageStarted", "StageCompleted",
                "StageStarted", "StageCompleted", "StageStarted", "StageCompleted", "ToolReceipt", "ToolReceipt",
                "LaneYielded");
        assertThat(blackboard.payloads(StageCompleted.class)).extracting(StageCompleted::getArtifact)
                .containsExactly("perception_snapshot", "react_plan", "engage_report");
        assertThat(blackboard.payloads(ToolReceipt.class)).extracting(ToolReceipt::getArgs)
                .containsExactly(List.of(), List.of("word=hello"));
        LaneYielded yielded = blackboard.payloads(LaneYielded.class).get(0);
        assertThat(yielded.getChecks()).allMatch(CheckResult::getPassed);
        assertThat(yielded.getPassed()).isTrue();
    }

    @Test
    void shouldWriteOneTransactionPerModelCallOrToolRunWithEachStageStartedWrittenBeforeItsCall() {
        // Given a provider that notes what the blackboard holds when it is called
        List<String> lastWrittenAtCall = new CopyOnWriteArrayList<>();
        ModelProvider observing = request -> {
            List<String> types = blackboard.types();
            lastWrittenAtCall.add(types.get(types.size() - 1));
            return SCRIPTED.complete(request);
        };

        // When a PREY lane with two tools runs
        runner(observing).run(withTools("lane-a", List.of("unit-tests", "echo")), 1, blackboard);

        // Then its ten events took six transactions: one before each of the three calls and two tool
        // runs, the last with the yield; and each call found its StageStarted already written
        assertThat(blackboard.types()).hasSize(10);
        assertThat(blackboard.transactions()).isEqualTo(6);
        assertThat(lastWrittenAtCall).containsExactly("StageStarted", "StageStarted", "StageStarted");
    }

    @Test
    void shouldResumeARedeliveredLaneWithoutCallingStagesAlreadyReceipted() {
        // Given a first worker that wrote LaneStarted and the perceive and react receipts, then died
        runner(SCRIPTED).run(task("lane-a"), 1, blackboard);
        InMemoryBlackboard crashed = blackboard.prefix(5);
        called.clear();

        // When a second worker gets the task again
        LaneOutcome outcome = runner(SCRIPTED).run(task("lane-a"), 2, crashed);

        // Then only engage is called, and the yield is the one the first worker reached
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(called).extracting(CallKey::stage).containsExactly("engage");
        assertThat(crashed.payloads(LaneYielded.class)).isEqualTo(blackboard.payloads(LaneYielded.class));
        assertThat(crashed.events().get(8).getHeader().getEventId())
                .isEqualTo(blackboard.events().get(7).getHeader().getEventId());
        assertThat(crashed.types()).containsOnlyOnce("LaneYielded");
    }

    @Test
    void shouldOnlyAcknowledgeALaneWhoseAttemptAlreadyHasItsOutcome() {
        // Given
        runner(SCRIPTED).run(task("lane-a"), 1, blackboard);
        int written = blackboard.events().size();

        // When
        LaneOutcome outcome = runner(SCRIPTED).run(task("lane-a"), 2, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(outcome.summary()).endsWith("already has its outcome");
        assertThat(blackboard.events()).hasSize(written);
    }

    @Test
    void shouldRejectAndRecordALaneThatNamesAnUnknownModel() {
        // Given
        ModelRoute ghost = ModelRoute.newBuilder().setModelKey("ghost").setProvider("openai").setModel("x").build();
        RunLane task = task("m-1", lane("lane-a").setStages(List.of(StagePlan.newBuilder().setName("perceive")
                .setRole("perceive").setModels(List.of(ghost)).setOutputArtifact("perception_snapshot").build()))
                .build()).build();

        // When
        LaneOutcome outcome = runner(SCRIPTED).run(task, 1, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.REJECT);
        assertThat(blackboard.types()).containsExactly("LaneFailed");
        assertThat(blackboard.payloads(LaneFailed.class).get(0).getReasons()).extracting(Reason::getCode,
                Reason::getField).containsExactly(tuple("UNKNOWN_MODEL",
                "lane.stages[0].models[0].modelKey"));
        assertThat(called).isEmpty();
    }

    @Test
    void shouldReReadTheMissionsSpendBeforeEachStageOnlyWhenThePlanSetsABudget() {
        // Given the same PREY lane with and without a token budget
        InMemoryBlackboard budgeted = new InMemoryBlackboard();

        // When each runs
        runner(SCRIPTED).run(task("lane-a"), 1, blackboard);
        runner(SCRIPTED).run(task("m-1", lane("lane-a").build()).setTokenBudget(100_000L).build(), 1, budgeted);

        // Then the unbudgeted lane looked up the mission's end once (its opening read), the budgeted one
        // again before each of its three stages
        assertThat(blackboard.endOffsetReads()).isEqualTo(1);
        assertThat(budgeted.endOffsetReads()).isEqualTo(4);
    }

    @Test
    void shouldFailClosedWhenTheMissionsSpendLeavesNoRoomForTheCall() {
        // Given another lane of the mission already spent 900 of 1000 tokens
        for (int i = 0; i < 30; i++) {
            blackboard.append(artifact(task("lane-b"), "perceive" + i, "", "x"));
        }
        RunLane task = task("m-1", lane("lane-a").build()).setTokenBudget(1000L).build();

        // When
        LaneOutcome outcome = runner(SCRIPTED).run(task, 1, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        assertThat(blackboard.types().subList(30, 33)).containsExactly("LaneStarted", "BudgetExceeded", "LaneFailed");
        BudgetExceeded exceeded = blackboard.payloads(BudgetExceeded.class).get(0);
        assertThat(exceeded.getStage()).isEqualTo("perceive");
        assertThat(exceeded.getBudget()).isEqualTo("TOKENS");
        assertThat(exceeded.getUsed()).isEqualTo(900.0);
        assertThat(blackboard.payloads(LaneFailed.class).get(0).getReasons().get(0).getCode())
                .isEqualTo("BUDGET_EXCEEDED");
        assertThat(called).isEmpty();
    }

    @Test
    void shouldFailTheLaneWithTheReasonAndFlagsWhenAModelCallFails() {
        // Given a provider that gives up on react
        ModelProvider failing = request -> {
            if (request.key().stage().equals("react")) {
                throw new ModelCallException("fast: HTTP 503 after 4 retries", List.of("retry_5xx:4"));
            }
            return SCRIPTED.complete(request);
        };

        // When
        LaneOutcome outcome = runner(failing).run(task("lane-a"), 1, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        LaneFailed failed = blackboard.payloads(LaneFailed.class).get(0);
        assertThat(failed.getStage()).isEqualTo("react");
        assertThat(failed.getReasons().get(0)).isEqualTo(new Reason("MODEL_CALL_FAILED", "stages.react.single[0]",
                "fast: HTTP 503 after 4 retries", List.of("retry_5xx:4")));
    }

    @Test
    void shouldWriteEveryProposalAndTheJudgmentOfAnEnsembleStage() {
        // Given
        RunLane task = task("m-1", lane("ensemble").setStages(List.of(StagePlan.newBuilder().setName("engage")
                .setRole("engage").setType(StageType.ENSEMBLE).setOutputArtifact("engage_report").build()))
                .setRequiredArtifacts(List.of("engage_report")).build()).build();

        // When
        runner(SCRIPTED).run(task, 1, blackboard);

        // Then
        assertThat(blackboard.payloads(StageCompleted.class)).extracting(StageCompleted::getKind,
                StageCompleted::getModelKey, StageCompleted::getArtifact).containsExactly(
                tuple("PROPOSAL", "fast", ""),
                tuple("PROPOSAL", "fast", ""),
                tuple("PROPOSAL", "fast", ""),
                tuple("JUDGMENT", "wise", "engage_report"));
        StageCompleted judgment = blackboard.payloads(StageCompleted.class).get(3);
        assertThat(judgment.getContextRefs()).hasSize(3);
        assertThat(judgment.getOutput()).contains("judged best of three");
        assertThat(blackboard.payloads(LaneYielded.class).get(0).getPassed()).isTrue();
    }

    @Test
    void shouldJoinAParallelStagesOutputsIntoOneMergedReceipt() {
        // Given
        ModelRoute fast = REGISTRY.modelForRole("default").orElseThrow();
        ModelRoute wise = REGISTRY.modelForRole("judge").orElseThrow();
        RunLane task = task("m-1", lane("lane-a").setStages(List.of(StagePlan.newBuilder().setName("engage")
                .setRole("engage").setType(StageType.PARALLEL).setModels(List.of(fast, wise))
                .setOutputArtifact("engage_report").build())).setRequiredArtifacts(List.of("engage_report")).build())
                .build();

        // When
        runner(SCRIPTED).run(task, 1, blackboard);

        // Then
        List<StageCompleted> receipts = blackboard.payloads(StageCompleted.class);
        assertThat(receipts).extracting(StageCompleted::getKind).containsExactly("PROPOSAL", "PROPOSAL", "MERGED");
        assertThat(receipts.get(2).getArtifact()).isEqualTo("engage_report");
        assertThat(receipts.get(2).getOutput()).contains("model_key: fast", "model_key: wise");
        assertThat(blackboard.payloads(LaneYielded.class).get(0).getPassed()).isTrue();
    }

    @Test
    void shouldYieldAFailedTripwireForAnArtifactWithAPlaceholder() {
        // When
        runner(SCRIPTED).run(task("sloppy"), 1, blackboard);

        // Then
        LaneYielded yielded = blackboard.payloads(LaneYielded.class).get(0);
        assertThat(yielded.getPassed()).isFalse();
        assertThat(yielded.getChecks()).filteredOn(check -> !check.getPassed()).extracting(CheckResult::getName)
                .containsExactly("placeholder_scan");
    }

    @Test
    void shouldFailTheLaneWhenTheToolRunnerRefusesAnArgument() {
        // Given the sloppy engage report gives echo no word
        LaneOutcome outcome = runner(SCRIPTED).run(withTools("sloppy", List.of("echo")), 1, blackboard);

        // Then
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.ACCEPT);
        Reason reason = blackboard.payloads(LaneFailed.class).get(0).getReasons().get(0);
        assertThat(reason.getCode()).isEqualTo("TOOL_REJECTED");
        assertThat(reason.getField()).isEqualTo("stages.engage.tools[0]");
    }

    @Test
    void shouldReleaseWithoutAnOutcomeWhenInterrupted() {
        // Given a provider interrupted mid-call, as on shutdown
        ModelProvider interrupted = request -> {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted during simulated latency", List.of());
        };

        // When
        LaneOutcome outcome = runner(interrupted).run(task("lane-a"), 1, blackboard);
        boolean flag = Thread.interrupted();

        // Then
        assertThat(flag).isTrue();
        assertThat(outcome.acknowledgement()).isEqualTo(AcknowledgeType.RELEASE);
        assertThat(blackboard.types()).containsExactly("LaneStarted", "StageStarted");
    }

    @Test
    void shouldAnnounceEachStageBeforeItsModelCallsAndNotAgainOnARedelivery() {
        // Given a first run, and a copy of its log cut right after perceive's StageStarted
        runner(SCRIPTED).run(task("lane-a"), 1, blackboard);
        InMemoryBlackboard crashed = blackboard.prefix(2);

        // When a second worker resumes the lane
        runner(SCRIPTED).run(task("lane-a"), 2, crashed);

        // Then every stage was announced once, before its receipt, naming its models
        assertThat(blackboard.payloads(StageStarted.class)).extracting(StageStarted::getStage, StageStarted::getKind)
                .containsExactly(tuple("perceive", "SINGLE"), tuple("react", "SINGLE"), tuple("engage", "SINGLE"));
        assertThat(blackboard.payloads(StageStarted.class).get(0).getModelKeys()).isNotEmpty();
        assertThat(crashed.payloads(StageStarted.class)).hasSize(3);
    }
}
