package dev.swarmboard.orchestrator;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.orchestrator.decision.Decider;
import dev.swarmboard.orchestrator.decision.Outcome;
import dev.swarmboard.orchestrator.state.MissionFold;
import dev.swarmboard.orchestrator.state.MissionState;
import dev.swarmboard.orchestrator.validation.MissionValidator;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.CommandHeader;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.MissionCommand;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.Vote;
import dev.swarmboard.schema.command.ApproveMission;
import dev.swarmboard.schema.command.CancelMission;
import dev.swarmboard.schema.command.SubmitMission;
import dev.swarmboard.schema.event.LaneFailed;
import dev.swarmboard.schema.event.LaneYielded;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.schema.event.StageCompleted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * A mission driven through the pure {@link Decider} without Kafka: commands and other services'
 * facts go in, the decider's outcome comes out, and every event it writes is folded into the state,
 * as the service does.
 */
public final class MissionScenario {

    private final String missionId;
    private final Decider decider;
    private MissionState state;
    private Instant now = Fixtures.NOW;
    private String lastCommandId = "";
    private final List<BlackboardEvent> log = new ArrayList<>();

    private MissionScenario(String missionId, MissionValidator validator) {
        this.missionId = missionId;
        this.decider = new Decider(validator, "orchestrator/test");
        this.state = MissionState.initial(missionId);
    }

    public static MissionScenario of(String missionId) {
        return new MissionScenario(missionId, Fixtures.validator());
    }

    public MissionScenario at(Instant instant) {
        now = instant;
        return this;
    }

    public MissionState state() {
        return state;
    }

    /** Every event of the mission so far, in the order it would be on the blackboard. */
    public List<BlackboardEvent> log() {
        return List.copyOf(log);
    }

    public String lastCommandId() {
        return lastCommandId;
    }

    public Outcome submit(MissionSpec spec) {
        return command(new SubmitMission(spec, "test.yaml"));
    }

    public Outcome approve(String planId) {
        return command(new ApproveMission(planId, "looks right"));
    }

    public Outcome cancel(String reason) {
        return command(new CancelMission(reason));
    }

    public Outcome command(SpecificRecord payload) {
        lastCommandId = UUID.randomUUID().toString();
        CommandHeader header = CommandHeader.newBuilder().setCommandId(lastCommandId).setMissionId(missionId)
                .setIssuedAt(now).setIssuedBy("alice").build();
        return record(decider.onCommand(state, new MissionCommand(header, payload), now));
    }

    /** Another service's fact: folded into the state, then decided on. */
    public Outcome fact(BlackboardEvent event) {
        state = MissionFold.apply(state, event);
        log.add(event);
        return record(decider.onEvent(state, event, now));
    }

    public Outcome verdict(int round, String verdict, List<String> failingLanes, Vote... votes) {
        String planId = state.progress().orElseThrow().planId();
        return fact(event(null, round, new QuorumReached(round, verdict, List.of(votes), 2, failingLanes, List.of(),
                "head", 0L, planId), "verdict", Integer.toString(round)));
    }

    public Outcome yielded(String lane, int attempt, boolean passed, CheckResult... checks) {
        return yielded(lane, attempt, passed, List.of(), checks);
    }

    /** A passing yield of a workspace lane that ended at {@code treeId}. */
    public Outcome yieldedTree(String lane, int attempt, String treeId) {
        return fact(event(lane, attempt, LaneYielded.newBuilder().setPassed(true).setChecks(List.of())
                .setBaseTreeId("base").setTreeId(treeId).setChangeDiff("diff of " + lane).build(), "yield"));
    }

    public Outcome laneFailed(String lane, int attempt, Reason... reasons) {
        return fact(event(lane, attempt, new LaneFailed("engage", List.of(reasons)), "failed"));
    }

    /** The planning lane writes its proposal receipt, then yields citing it. */
    public Outcome proposal(int attempt, String yaml) {
        BlackboardEvent receipt = event("orchestrate", attempt, StageCompleted.newBuilder().setStage("orchestrate")
                .setRole("planner").setProvider("scripted").setModel("scripted").setPromptHash("p")
                .setArtifact("lane_proposal").setOutput(yaml).setOutputHash("h").build(), "receipt");
        fact(receipt);
        return yielded("orchestrate", attempt, true, List.of(Events.ref(receipt, "lane_proposal")));
    }

    /**
     * The planning lane writes a receipt per mission phase ({@code {stage, artifact, output}} triples, the
     * last one the lane proposal), then yields citing them all.
     */
    public Outcome missionPhases(int attempt, String[]... phases) {
        List<EvidenceRef> cited = new java.util.ArrayList<>();
        for (String[] phase : phases) {
            BlackboardEvent receipt = event("orchestrate", attempt, StageCompleted.newBuilder().setStage(phase[0])
                    .setRole("planner").setProvider("scripted").setModel("scripted").setPromptHash("p")
                    .setArtifact(phase[1]).setOutput(phase[2]).setOutputHash("h").build(), "receipt", phase[0]);
            fact(receipt);
            cited.add(Events.ref(receipt, phase[1]));
        }
        return yielded("orchestrate", attempt, true, cited);
    }

    private Outcome yielded(String lane, int attempt, boolean passed, List<EvidenceRef> artifacts,
                            CheckResult... checks) {
        return fact(event(lane, attempt, LaneYielded.newBuilder().setPassed(passed).setChecks(List.of(checks))
                .setArtifacts(artifacts).build(), "yield"));
    }

    public static Vote vote(String validator, boolean pass, List<String> failingLanes, String... reasons) {
        return new Vote(validator, pass, List.of(reasons), failingLanes);
    }

    private BlackboardEvent event(String lane, int attempt, SpecificRecord payload, String... step) {
        EventOrigin origin = EventOrigin.mission(missionId, "test").forLane(lane, attempt);
        String[] parts = Stream.concat(Stream.of(missionId, String.valueOf(lane), Integer.toString(attempt)),
                Stream.of(step)).toArray(String[]::new);
        return Events.create(origin, payload, now, parts);
    }

    private Outcome record(Outcome outcome) {
        for (BlackboardEvent event : outcome.events()) {
            state = MissionFold.apply(state, event);
            log.add(event);
        }
        return outcome;
    }

    /** The payload types of an outcome's events, in order. */
    public static List<String> types(Outcome outcome) {
        return outcome.events().stream().map(event -> event.getHeader().getType()).toList();
    }

    /** The payload of the outcome's first event of this type. */
    public static <T> T payload(Outcome outcome, Class<T> type) {
        return outcome.events().stream().map(BlackboardEvent::getPayload).filter(type::isInstance).map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + types(outcome)));
    }
}
