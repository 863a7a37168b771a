package dev.swarmboard.lane.run;

import static dev.swarmboard.lane.LaneFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.Events;
import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.Redactor;
import dev.swarmboard.change.IntegrationLane;
import dev.swarmboard.lane.LaneFixtures;
import dev.swarmboard.lane.model.ModelProviders;
import dev.swarmboard.lane.tool.ToolRunner;
import dev.swarmboard.lane.workspace.WorkspaceLanes;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.IntegrationTask;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.Workspace;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.ToolReceipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationStepTest {

    private static final CapabilityRegistry REGISTRY = WorkspaceLanes.registry();
    static final String SLUG_DOC = "diff --git a/textkit/slug.py b/textkit/slug.py\n--- a/textkit/slug.py\n"
            + "+++ b/textkit/slug.py\n@@ -4,3 +4,3 @@\n def slugify(text):\n"
            + "-    \"\"\"Lower-case words of the text joined by hyphens.\"\"\"\n"
            + "+    \"\"\"%s\"\"\"\n     return \"-\".join(text.lower().split())\n";
    static final String WORDS_DOC = "diff --git a/textkit/words.py b/textkit/words.py\n--- a/textkit/words.py\n"
            + "+++ b/textkit/words.py\n@@ -4,3 +4,3 @@\n def word_count(text):\n"
            + "     \"\"\"How many whitespace-separated words the text has.\"\"\"\n"
            + "-    return len(text.split())\n+    %s\n";

    @TempDir
    Path dir;
    private Workspace workspace;
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final InMemoryBlackboard blackboard = new InMemoryBlackboard();

    @BeforeEach
    void repository() {
        workspace = WorkspaceLanes.textkit(dir.resolve("textkit"));
    }

    @AfterEach
    void stop() {
        calls.shutdownNow();
    }

    @Test
    void shouldCombineDisjointChangesInPlanOrderAndTestTheIntegratedTree() {
        // Given lane a documents slugify and lane b rewrites word_count equivalently
        RunLane task = integration(yielded("a", SLUG_DOC.formatted("Words joined by hyphens.")),
                yielded("b", WORDS_DOC.formatted("return len(list(text.split()))")));

        // When the integration task runs
        run(task);

        // Then one IntegrationCompleted whose diff holds both changes and whose tests ran on its tree
        IntegrationCompleted completed = blackboard.payloads(IntegrationCompleted.class).get(0);
        assertThat(completed.getLanes()).containsExactly("a", "b");
        assertThat(completed.getDiff()).contains("+++ b/textkit/slug.py", "+++ b/textkit/words.py",
                "Words joined by hyphens.", "len(list(text.split()))");
        assertThat(completed.getTreeId()).isNotEqualTo(completed.getBaseTreeId()).matches("[0-9a-f]{40}");
        assertThat(completed.getBaseCommit()).isEqualTo(workspace.getBase());
        List<ToolReceipt> runs = blackboard.payloads(ToolReceipt.class);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.getExitCode()).isZero();
            assertThat(run.getTreeId()).isEqualTo(completed.getTreeId());
        });
        assertThat(completed.getTestReceipts()).extracting(EvidenceRef::getLabel).containsExactly(WorkspaceLanes.TESTS);
    }

    @Test
    void shouldNameBothLanesTheFileAndTheLinesOfAConflict() {
        // Given lanes a and b both rewrite slugify's docstring
        RunLane task = integration(yielded("a", SLUG_DOC.formatted("One.")), yielded("b", SLUG_DOC.formatted("Two.")));

        // When the integration task runs
        run(task);

        // Then it fails with the conflict, and each lane is told the other's change; no test ran
        IntegrationFailed failed = blackboard.payloads(IntegrationFailed.class).get(0);
        assertThat(failed.getLanes()).containsExactly("a", "b");
        assertThat(failed.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("CONFLICT");
            assertThat(reason.getMessage()).isEqualTo("lanes a and b both change textkit/slug.py (a: line 5, b: line 5)");
        });
        assertThat(failed.getLaneReasons()).extracting(kv -> kv.getKey()).containsExactly("a", "b");
        assertThat(failed.getLaneReasons().get(0).getValue()).contains("lane b changed:", "Two.");
        assertThat(blackboard.payloads(ToolReceipt.class)).isEmpty();
    }

    @Test
    void shouldNameTheLaneWhoseChangeDoesNotApplyAfterTheEarlierOnes() {
        // Given lane a fills blank line 2 of slug.py, and lane b's change of line 5 has line 2 as context
        String fill = "diff --git a/textkit/slug.py b/textkit/slug.py\n--- a/textkit/slug.py\n+++ b/textkit/slug.py\n"
                + "@@ -1,3 +1,3 @@\n \"\"\"URL slugs from titles.\"\"\"\n-\n+# slugs\n \n";
        String wide = "diff --git a/textkit/slug.py b/textkit/slug.py\n--- a/textkit/slug.py\n+++ b/textkit/slug.py\n"
                + "@@ -2,4 +2,4 @@\n \n \n def slugify(text):\n-    \"\"\"Lower-case words of the text joined by hyphens.\"\"\"\n"
                + "+    \"\"\"Wide.\"\"\"\n";
        RunLane task = integration(yielded("a", fill), yielded("b", wide));

        // When the integration task runs
        run(task);

        // Then no overlap was found, but b's change does not apply on a's: a CONFLICT naming b, after a
        IntegrationFailed failed = blackboard.payloads(IntegrationFailed.class).get(0);
        assertThat(failed.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo("CONFLICT");
            assertThat(reason.getMessage()).startsWith("the change of lane b does not apply after lanes [a]: ");
        });
        assertThat(failed.getLanes()).containsExactly("a", "b");
        assertThat(blackboard.payloads(ToolReceipt.class)).isEmpty();
    }

    @Test
    void shouldFailWhenTheTestsFailOnTheIntegratedTree() {
        // Given lane b breaks word_count
        RunLane task = integration(yielded("a", SLUG_DOC.formatted("Fine.")),
                yielded("b", WORDS_DOC.formatted("return len(text.split()) + 1")));

        // When the integration task runs
        run(task);

        // Then TESTS_FAILED names the integrated tree the failing receipt ran on
        IntegrationFailed failed = blackboard.payloads(IntegrationFailed.class).get(0);
        ToolReceipt run = blackboard.payloads(ToolReceipt.class).get(0);
        assertThat(run.getExitCode()).isNotZero();
        assertThat(failed.getTreeId()).isEqualTo(run.getTreeId()).isNotEmpty();
        assertThat(failed.getReasons()).extracting(reason -> reason.getCode()).containsExactly("TESTS_FAILED");
        assertThat(failed.getLanes()).containsExactly("a", "b");
        assertThat(failed.getTestReceipts()).hasSize(1);
    }

    @Test
    void shouldRefuseAYieldWhoseContentIsNotTheReferencedOne() {
        // Given a reference whose hash is not the yield's
        BlackboardEvent yield = yielded("a", SLUG_DOC.formatted("x"));
        EvidenceRef forged = EvidenceRef.newBuilder(Events.ref(yield, "a")).setContentHash("00".repeat(32)).build();
        RunLane task = task(List.of(forged));

        // When the integration task runs, Then it fails without combining anything
        run(task);
        assertThat(blackboard.payloads(IntegrationFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.getReasons().get(0).getCode()).isEqualTo("UNKNOWN"));
    }

    private void run(RunLane task) {
        LaneRunner runner = new LaneRunner(REGISTRY, ModelProviders.forRegistry(REGISTRY),
                ToolRunner.forWorker(Redactor.NONE), calls, dir.resolve("lanes"), "w-1", CLOCK);
        runner.run(task, 1, blackboard);
    }

    private BlackboardEvent yielded(String laneId, String diff) {
        RunLane lane = WorkspaceLanes.task("m-1", WorkspaceLanes.prey(laneId, workspace), 1);
        BlackboardEvent event = LaneFixtures.events(lane).terminal(LaneYielded.newBuilder().setPassed(true)
                .setChecks(List.of()).setBaseTreeId("").setTreeId("t".repeat(40)).setChangeDiff(diff).build());
        blackboard.append(event);
        return event;
    }

    private RunLane integration(BlackboardEvent... yields) {
        List<EvidenceRef> refs = new ArrayList<>();
        for (BlackboardEvent yield : yields) {
            refs.add(Events.ref(yield, yield.getHeader().getLaneId()));
        }
        return task(refs);
    }

    private RunLane task(List<EvidenceRef> refs) {
        PlannedLane lane = PlannedLane.newBuilder().setLaneId(IntegrationLane.ID).setObjective("integrate")
                .setRole(IntegrationLane.ROLE).setTools(workspace.getTests()).setWorkspace(workspace).build();
        return LaneFixtures.task("m-1", lane).setAttempt(1).setTaskId("m-1/integration/1")
                .setIntegration(new IntegrationTask(1, "verdict-1", refs)).build();
    }
}
