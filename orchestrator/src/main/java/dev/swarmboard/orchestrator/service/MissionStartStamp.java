package dev.swarmboard.orchestrator.service;

import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;

/**
 * Writes the mission's start into what the orchestrator is about to produce, where it is not set
 * yet: every plan (PlanIssued, PlanProposed) and every lane task, so their readers never look it up.
 * The decisions stay pure; this shell knows the start from the cache miss that loaded the mission.
 */
final class MissionStartStamp {

    private MissionStartStamp() {
    }

    static void onto(BlackboardEvent event, MissionStart start) {
        if (event.getPayload() instanceof PlanIssued issued) {
            onto(issued.getPlan(), start);
        } else if (event.getPayload() instanceof PlanProposed proposed) {
            onto(proposed.getPlan(), start);
        }
    }

    static void onto(RunLane task, MissionStart start) {
        if (task.getMissionStart() == null) {
            task.setMissionStart(copy(start));
        }
    }

    private static void onto(Plan plan, MissionStart start) {
        if (plan != null && plan.getMissionStart() == null) {
            plan.setMissionStart(copy(start));
        }
    }

    private static MissionStart copy(MissionStart start) {
        return new MissionStart(start.getPartition(), start.getOffset());
    }
}
