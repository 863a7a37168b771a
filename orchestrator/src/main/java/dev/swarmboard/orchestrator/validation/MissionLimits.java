package dev.swarmboard.orchestrator.validation;

import dev.swarmboard.blackboard.EncodedSize;
import dev.swarmboard.schema.Constraints;
import dev.swarmboard.schema.ContactPolicy;
import dev.swarmboard.schema.KeyValue;
import dev.swarmboard.schema.LaneSpec;
import dev.swarmboard.schema.MissionSpec;
import dev.swarmboard.schema.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The size limits of a mission (docs/missions.md, Limits): lanes per mission, entries per list and
 * UTF-8 bytes per text field, and the encoded size of the whole mission. They make every record a
 * mission leads to (MissionAccepted, PlanIssued, lane tasks, verdicts) fit a Kafka record by
 * construction. Each exceeded limit is one {@code LIMIT_EXCEEDED} reason naming the field and the
 * limit, never echoing the oversized text.
 */
public final class MissionLimits {

    public static final int LANES = 100;
    public static final int GOAL_BYTES = 4_000;
    public static final int OBJECTIVE_BYTES = 2_000;
    /** Roles, tools, workflows, capabilities, input keys, the canary lane and contacts. */
    public static final int NAME_BYTES = 128;
    public static final int SCOPE_ENTRY_BYTES = 256;
    public static final int LANE_SCOPE_ENTRIES = 8;
    public static final int LANE_TOOLS = 8;
    public static final int MISSION_SCOPE_ENTRIES = 32;
    public static final int ALLOWED_CAPABILITIES = 32;
    public static final int INPUTS = 16;
    public static final int INPUT_VALUE_BYTES = 4_000;
    public static final int DEADLINE_BYTES = 64;
    /** The Avro binary size of the whole mission spec. */
    public static final int MISSION_BYTES = 256 * 1024;
    /** The Avro binary size of the plan the mission leads to (lanes with their stages and model routes). */
    public static final int PLAN_BYTES = 512 * 1024;
    /** An approve command's note or a cancel command's reason. */
    public static final int NOTE_BYTES = 1_000;
    /** Reasons kept in one rejection; the rest are counted in the last one. */
    public static final int REASONS = 50;

    private final List<Reason> exceeded = new ArrayList<>();

    private MissionLimits() {
    }

    /** Every limit the mission exceeds; empty when it is within all of them. */
    public static List<Reason> check(MissionSpec spec) {
        MissionLimits limits = new MissionLimits();
        limits.text("goal", spec.getGoal(), GOAL_BYTES);
        limits.text("workflow", spec.getWorkflow(), NAME_BYTES);
        limits.text("canary_lane", spec.getCanaryLane(), NAME_BYTES);
        limits.count("lanes", spec.getLanes().size(), LANES, "lanes per mission");
        if (spec.getLanes().size() <= LANES) {
            for (int i = 0; i < spec.getLanes().size(); i++) {
                limits.lane("lanes[" + i + "]", spec.getLanes().get(i));
            }
        }
        limits.inputs(spec.getWorkflowInputs());
        limits.constraints(spec.getConstraints());
        limits.contact(spec.getContactPolicy());
        if (limits.exceeded.isEmpty()) {
            limits.bytes("", EncodedSize.of(spec), MISSION_BYTES, "the encoded mission");
        }
        return capped(limits.exceeded);
    }

    /** A LIMIT_EXCEEDED reason when the plan would be larger than {@link #PLAN_BYTES} encoded. */
    public static List<Reason> checkPlanSize(long planBytes) {
        MissionLimits limits = new MissionLimits();
        limits.bytes("lanes", planBytes, PLAN_BYTES, "the encoded plan (lanes with their stages and model routes)");
        return limits.exceeded;
    }

    /** Whether an approve note or a cancel reason is over {@link #NOTE_BYTES}. */
    public static boolean overNote(String text) {
        return text != null && utf8Length(text) > NOTE_BYTES;
    }

    /** The message of a refused note or reason, naming the limit. */
    public static String noteMessage(String what) {
        return what + " is over the limit of " + NOTE_BYTES + " bytes (UTF-8)";
    }

    /** At most {@link #REASONS} reasons: the first ones and one counting the rest. */
    public static List<Reason> capped(List<Reason> reasons) {
        if (reasons.size() <= REASONS) {
            return reasons;
        }
        List<Reason> kept = new ArrayList<>(reasons.subList(0, REASONS - 1));
        kept.add(Reasons.of(ReasonCode.LIMIT_EXCEEDED, "", (reasons.size() - REASONS + 1)
                + " more reasons left out (at most " + REASONS + " reasons per answer)"));
        return kept;
    }

    private void lane(String field, LaneSpec lane) {
        text(field + ".id", lane.getId(), NAME_BYTES);
        text(field + ".objective", lane.getObjective(), OBJECTIVE_BYTES);
        text(field + ".role", lane.getRole(), NAME_BYTES);
        text(field + ".workflow", lane.getWorkflow(), NAME_BYTES);
        texts(field + ".scope", lane.getScope(), LANE_SCOPE_ENTRIES, SCOPE_ENTRY_BYTES);
        texts(field + ".tools", lane.getTools(), LANE_TOOLS, NAME_BYTES);
    }

    private void inputs(List<KeyValue> inputs) {
        count("inputs", inputs.size(), INPUTS, "workflow inputs");
        for (int i = 0; i < Math.min(inputs.size(), INPUTS); i++) {
            text("inputs[" + i + "].key", inputs.get(i).getKey(), NAME_BYTES);
            text("inputs." + inputs.get(i).getKey(), inputs.get(i).getValue(), INPUT_VALUE_BYTES);
        }
    }

    private void constraints(Constraints constraints) {
        text("constraints.deadline", constraints.getDeadline(), DEADLINE_BYTES);
        texts("constraints.scope", constraints.getScope(), MISSION_SCOPE_ENTRIES, SCOPE_ENTRY_BYTES);
        texts("constraints.allowed_capabilities", constraints.getAllowedCapabilities(), ALLOWED_CAPABILITIES,
                NAME_BYTES);
    }

    private void contact(ContactPolicy contact) {
        text("contact.digest", contact.getDigest(), NAME_BYTES);
        text("contact.critical", contact.getCritical(), NAME_BYTES);
        text("contact.timeout", contact.getTimeout(), NAME_BYTES);
    }

    private void texts(String field, List<String> values, int entries, int bytesEach) {
        count(field, values.size(), entries, "entries");
        for (int i = 0; i < Math.min(values.size(), entries); i++) {
            text(field + "[" + i + "]", values.get(i), bytesEach);
        }
    }

    private void text(String field, String value, int limit) {
        if (value != null) {
            bytes(field, utf8Length(value), limit, "the text");
        }
    }

    private void count(String field, int count, int limit, String what) {
        if (count > limit) {
            exceeded.add(Reasons.of(ReasonCode.LIMIT_EXCEEDED, field, count + " " + what + ", over the limit of "
                    + limit));
        }
    }

    private void bytes(String field, long size, long limit, String what) {
        if (size > limit) {
            exceeded.add(Reasons.of(ReasonCode.LIMIT_EXCEEDED, field, what + " is " + size
                    + " bytes (UTF-8), over the limit of " + limit + " bytes"));
        }
    }

    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
