package dev.swarmboard.orchestrator.service;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.MissionStart;
import dev.swarmboard.schema.Plan;
import dev.swarmboard.schema.RunLane;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.PlanProposed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes the mission's start into what the orchestrator is about to produce, where it is not set
 * yet: every plan (PlanIssued, PlanProposed) and every lane task, so their readers never look it up.
 * The decisions stay pure; this shell knows the start from the cache miss that loaded the mission.
 */
final class MissionStartStamp {

    private MissionStartStamp() {
    }

    /** Stamps the event's plan, and then re-computes the header's content hash over the stamped payload. */
    static void onto(BlackboardEvent event, MissionStart start) {
        boolean stamped = false;
        if (event.getPayload() instanceof PlanIssued issued) {
            stamped = onto(issued.getPlan(), start);
        } else if (event.getPayload() instanceof PlanProposed proposed) {
            stamped = onto(proposed.getPlan(), start);
        }
        if (stamped) {
            event.getHeader().setContentHash(ContentHash.of((SpecificRecord) event.getPayload()));
        }
    }

    static void onto(RunLane task, MissionStart start) {
        if (task.getMissionStart() == null) {
            task.setMissionStart(copy(start));
        }
    }

    private static boolean onto(Plan plan, MissionStart start) {
        if (plan == null || plan.getMissionStart() != null) {
            return false;
        }
        plan.setMissionStart(copy(start));
        return true;
    }

    private static MissionStart copy(MissionStart start) {
        return new MissionStart(start.getPartition(), start.getOffset());
    }
}
