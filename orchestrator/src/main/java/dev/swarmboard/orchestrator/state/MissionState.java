package dev.swarmboard.orchestrator.state;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Plan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the orchestrator knows of one mission, folded from its blackboard events by
 * {@link MissionFold}: the phase, the accepted spec and its hash, a proposed plan awaiting a
 * decision, the plan in force with its progress, the planning lane's proposal receipts, and the
 * ids of the mission-level events already applied (so a fact delivered again, even out of order,
 * changes nothing).
 */
public record MissionState(String missionId, MissionPhase phase, Optional<String> submissionHash,
                           Optional<MissionSpec> spec, Optional<String> awaiting, Optional<Plan> proposed,
                           Optional<PlanProgress> progress, Map<String, BlackboardEvent> proposals,
                           Set<String> applied) {

    public MissionState {
        proposals = Collections.unmodifiableMap(new LinkedHashMap<>(proposals));
        applied = Collections.unmodifiableSet(new LinkedHashSet<>(applied));
    }

    public static MissionState initial(String missionId) {
        return new MissionState(missionId, MissionPhase.NEW, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Set.of());
    }

    /** The state after the events, in log order. */
    public static MissionState replay(String missionId, List<BlackboardEvent> events) {
        MissionState state = initial(missionId);
        for (BlackboardEvent event : events) {
            state = MissionFold.apply(state, event);
        }
        return state;
    }

    MissionState withPhase(MissionPhase next, Optional<String> awaitingNext) {
        return new MissionState(missionId, next, submissionHash, spec, awaitingNext, proposed, progress, proposals,
                applied);
    }

    MissionState withSubmission(MissionPhase next, String hash, Optional<MissionSpec> acceptedSpec) {
        return new MissionState(missionId, next, Optional.of(hash), acceptedSpec, awaiting, proposed, progress,
                proposals, applied);
    }

    MissionState withProposed(Plan plan) {
        return new MissionState(missionId, phase, submissionHash, spec, awaiting, Optional.of(plan), progress,
                proposals, applied);
    }

    MissionState withProgress(PlanProgress next) {
        return new MissionState(missionId, phase, submissionHash, spec, awaiting, proposed, Optional.of(next),
                proposals, applied);
    }

    MissionState withProposal(BlackboardEvent receipt) {
        Map<String, BlackboardEvent> next = new LinkedHashMap<>(proposals);
        next.putIfAbsent(receipt.getHeader().getEventId(), receipt);
        return new MissionState(missionId, phase, submissionHash, spec, awaiting, proposed, progress, next, applied);
    }

    MissionState withApplied(String eventId) {
        Set<String> next = new LinkedHashSet<>(applied);
        next.add(eventId);
        return new MissionState(missionId, phase, submissionHash, spec, awaiting, proposed, progress, proposals, next);
    }

    /** The plan a cancel would revert: the one in force, else the proposed one. */
    public Optional<Plan> currentPlan() {
        return progress.map(PlanProgress::plan).or(() -> proposed);
    }
}
