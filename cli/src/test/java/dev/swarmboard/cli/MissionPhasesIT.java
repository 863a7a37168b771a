package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.BlackboardSetup;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.cli.stack.SwarmStack;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.localkafka.KafkaFixture;
import dev.swarmboard.orchestrator.mission.MissionStatus;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.PlannedLane;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped mission-level workflows end to end on a real broker with every real service and the
 * offline scripted models: feature-build on a fresh git copy of textkit (workshop, a sequential plan,
 * decompose, two lanes routed by role, integration, audit), and phases, workshop and plan as
 * artifact-only missions. All four run at once on one stack.
 */
class MissionPhasesIT {

    @TempDir
    static Path dir;

    private static final String PREFIX = KafkaFixture.uniqueName("phases") + ".";
    private static final TopicCatalogue CATALOGUE = TopicCatalogue.withPrefix(PREFIX);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CAPABILITIES = REPO.resolve("examples/capabilities/offline.yaml");
    private static final Path WORKFLOWS = REPO.resolve("examples/workflows");
    private static final String STAMP = PREFIX.replace(".", "");
    private static final Map<String, MissionStatus> ENDED = new LinkedHashMap<>();
    private static Map<String, Object> client;
    private static Codecs codecs;
    private static SwarmStack stack;

    @BeforeAll
    static void runTheMissions() {
        client = Map.of("bootstrap.servers", KafkaFixture.bootstrapServers());
        BlackboardSetup.provision(client, CATALOGUE);
        codecs = BlackboardSetup.prepare(client, CATALOGUE);
        stack = TestStacks.start(KafkaFixture.bootstrapServers(), dir, CAPABILITIES, WORKFLOWS, PREFIX, 2);
        Path featureBuild = DemoWorkspace.prepare(REPO.resolve("examples/workspaces/textkit"),
                REPO.resolve("examples/missions/feature-build.yaml"), dir, STAMP);
        Map<String, MissionStatus> submitted = new LinkedHashMap<>();
        for (Path file : List.of(featureBuild, REPO.resolve("examples/missions/phases.yaml"),
                REPO.resolve("examples/missions/workshop.yaml"), REPO.resolve("examples/missions/plan.yaml"))) {
            SubmitMission submission = MissionCommand.validate(file, CAPABILITIES, WORKFLOWS);
            String id = submission.getMission().getMissionId() + "-" + STAMP;
            submission.getMission().setMissionId(id);
            submitted.put(id, MissionCommand.submit(client, CATALOGUE, codecs, submission));
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        submitted.forEach((id, status) -> ENDED.put(id, MissionCommand.follow(client, CATALOGUE, codecs, id, status,
                Duration.ofSeconds(240), quiet)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldBuildTheFeatureThroughWorkshopPlanDecomposeLanesIntegrationAndAudit() {
        // Then the feature-build mission completed
        String id = "feature-build-demo-" + STAMP;
        assertThat(ENDED.get(id).stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        List<BlackboardEvent> events = events(id);

        // And its planning lane ran workshop, plan and decompose, each a receipted artifact
        assertThat(stages(events, "orchestrate")).filteredOn(stage -> !stage.getArtifact().isEmpty())
                .extracting(StageCompleted::getStage, StageCompleted::getArtifact)
                .containsSubsequence(tuple("workshop", "workshop_notes"), tuple("plan", "plan_note"),
                        tuple("decompose", "lane_proposal"));
        // And the judges' judgments are on their receipts: workshop picked proposal 1, plan synthesized
        assertThat(stages(events, "orchestrate")).filteredOn(stage -> stage.getJudgment() != null)
                .extracting(StageCompleted::getStage, StageCompleted::getJudgment)
                .containsExactly(tuple("workshop", "picked:1"), tuple("plan", "synthesized"));

        // And the proposed lanes were issued routed by role (only the route of the lane's role), each reading
        // the mission's plan
        PlannedLane chars = plans(events).get(plans(events).size() - 1).getLanes().get(0);
        assertThat(chars.getLaneId()).isEqualTo("chars");
        assertThat(chars.getRole()).isEqualTo("code");
        assertThat(chars.getStages().get(0).getModels()).extracting(route -> route.getCategory())
                .containsExactly("code");
        BlackboardEvent planReceipt = judgment(events, "plan");
        assertThat(stages(events, "chars")).filteredOn(stage -> stage.getStage().equals("implement")).singleElement()
                .satisfies(stage -> assertThat(stage.getContextRefs()).extracting(EvidenceRef::getEventId)
                        .contains(planReceipt.getHeader().getEventId()));

        // And the lanes' changes were integrated with the tests green, then the audit lane reviewed the diff
        IntegrationCompleted integrated = payloads(events, IntegrationCompleted.class).get(0);
        assertThat(integrated.getDiff()).contains("def char_count", "`char_count`");
        assertThat(events).filteredOn(event -> "audit".equals(event.getHeader().getLaneId()))
                .anyMatch(event -> event.getPayload() instanceof LaneYielded);

        // And the report shows the judgments and the audit as advisory text, after the verdict it did not change
        String report = payloads(events, DigestPublished.class).get(0).getMarkdown();
        assertThat(report).contains("## Judgments", "picked:1", "synthesized",
                "Draft 1 kept draft 0's code step", "## Audit (advisory)",
                "It decided nothing", "char_count and its test match the plan");
        assertThat(report.indexOf("## Verdict")).isLessThan(report.indexOf("## Audit (advisory)"));
        // And a replay of the whole log, audit lane included, finds nothing that does not hold
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, codecs)) {
            assertThat(MissionAudit.audit(reader.readMission(id), codecs.events().codec(), null).divergences())
                    .isEmpty();
        }
    }

    @Test
    void shouldShowEachSequentialProposerTheProposalsBeforeIt() {
        // Given the feature-build mission's plan stage: one model sampled twice in turn
        List<BlackboardEvent> events = events("feature-build-demo-" + STAMP);
        BlackboardEvent first = proposal(events, "plan", 0);
        BlackboardEvent second = proposal(events, "plan", 1);
        // Then the second proposer was shown the first proposal (its receipt cites it), the first none
        assertThat(((StageCompleted) second.getPayload()).getContextRefs()).extracting(EvidenceRef::getEventId)
                .contains(first.getHeader().getEventId());
        assertThat(((StageCompleted) first.getPayload()).getContextRefs()).extracting(EvidenceRef::getEventId)
                .doesNotContain(second.getHeader().getEventId());
        assertThat(((StageCompleted) second.getPayload()).getPromptHash())
                .isNotEqualTo(((StageCompleted) first.getPayload()).getPromptHash());
    }

    @Test
    void shouldRunDreamForecastDecideActVerifyAndTheWorkshopAndPlanWorkflowsOffline() {
        // Then the phases mission ran dream, forecast and decide, its lanes acted, and verify is in the report
        String phases = "phases-demo-" + STAMP;
        assertThat(ENDED.get(phases).stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        assertThat(stages(events(phases), "orchestrate")).filteredOn(stage -> !stage.getArtifact().isEmpty())
                .extracting(StageCompleted::getArtifact).contains("dream", "forecast", "lane_proposal");
        assertThat(stages(events(phases), "brief-run")).extracting(StageCompleted::getArtifact).contains("act_report");
        assertThat(payloads(events(phases), DigestPublished.class).get(0).getMarkdown())
                .contains("## Audit (advisory)", "Both parts of the brief match the dream");
        // And the workshop and plan missions completed too
        assertThat(ENDED.get("workshop-demo-" + STAMP).stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
        assertThat(ENDED.get("plan-demo-" + STAMP).stage()).isEqualTo(MissionStatus.Stage.COMPLETED);
    }

    private static List<BlackboardEvent> events(String id) {
        try (BlackboardReader reader = new BlackboardReader(client, CATALOGUE, codecs)) {
            return reader.readMission(id).events().stream().map(RecordedEvent::event).toList();
        }
    }

    private static List<StageCompleted> stages(List<BlackboardEvent> events, String lane) {
        return events.stream().filter(event -> lane.equals(event.getHeader().getLaneId()))
                .map(BlackboardEvent::getPayload).filter(StageCompleted.class::isInstance)
                .map(StageCompleted.class::cast).toList();
    }

    private static List<dev.swarmboard.schema.Plan> plans(List<BlackboardEvent> events) {
        return payloads(events, PlanIssued.class).stream().map(PlanIssued::getPlan).toList();
    }

    private static BlackboardEvent judgment(List<BlackboardEvent> events, String stage) {
        return find(events, stage, "JUDGMENT", 0).orElseThrow();
    }

    private static BlackboardEvent proposal(List<BlackboardEvent> events, String stage, int index) {
        return find(events, stage, "PROPOSAL", index).orElseThrow();
    }

    private static Optional<BlackboardEvent> find(List<BlackboardEvent> events, String stage, String kind, int index) {
        return events.stream().filter(event -> event.getPayload() instanceof StageCompleted completed
                && completed.getStage().equals(stage) && completed.getKind().equals(kind)
                && completed.getProposalIndex() == index).findFirst();
    }

    private static <T> List<T> payloads(List<BlackboardEvent> events, Class<T> type) {
        return events.stream().map(BlackboardEvent::getPayload).filter(type::isInstance).map(type::cast).toList();
    }
}
