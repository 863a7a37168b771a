package dev.swarmboard.missionindex;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mission index's record format, plain UTF-8 so any console consumer reads it. A mission's
 * entry: key = mission id, value = {@code <partition>@<offset>}. A partition's marker: key =
 * {@value #INDEXED_FROM_KEY} on the index partition of the same number, value = {@code <partition>@<offset>}.
 * A follow-up (see {@link IndexEntry.FollowUp}): key = {@code *paused/<mission id>} or
 * {@code *escalation/<mission id>/<escalation event id>} on the mission's index partition, value = the
 * mission's start as {@code <partition>@<offset>}; a tombstone when it is settled. Mission ids never
 * start with {@code *}, so neither can be mistaken for a mission. Another {@code *<kind>/} key is
 * malformed, and its mission is still named by {@link #followUpMission} so that a reader fails closed.
 */
public final class MissionIndexCodec {

    /** Key of the per-partition marker: the offset from which every mission starting there is indexed. */
    public static final String INDEXED_FROM_KEY = "*indexed-from";
    private static final Pattern FOLLOW_UP_KEY = Pattern.compile("\\*([a-z-]+)/([^/]+)(?:/(.+))?");
    private static final Pattern VALUE = Pattern.compile("(\\d{1,9})@(\\d{1,19})");

    private MissionIndexCodec() {
    }

    /** True for a key the index can hold a mission entry under (not a marker, not empty). */
    public static boolean indexable(String missionId) {
        return missionId != null && !missionId.isEmpty() && !missionId.startsWith("*");
    }

    /** The key of a mission's follow-up; {@code escalationId} is empty for a pause. */
    public static String followUpKey(String kind, String missionId, String escalationId) {
        if (!followable(missionId)) {
            throw new IllegalArgumentException("no follow-up can be indexed for mission id '" + missionId + "'");
        }
        return switch (kind) {
            case IndexEntry.FollowUp.PAUSED -> "*" + kind + "/" + missionId;
            case IndexEntry.FollowUp.ESCALATION -> "*" + kind + "/" + missionId + "/" + escalationId;
            default -> throw new IllegalArgumentException("unknown follow-up kind " + kind);
        };
    }

    /** True for a key a follow-up of this mission can be indexed under. */
    public static boolean followable(String missionId) {
        return indexable(missionId) && !missionId.contains("/");
    }

    /** True for a follow-up's key, known kind or not: {@code *<kind>/<mission>…}. */
    public static boolean isFollowUpKey(String key) {
        return key != null && FOLLOW_UP_KEY.matcher(key).matches();
    }

    /** The mission a follow-up key names, whatever its kind; empty for any other key. */
    public static Optional<String> followUpMission(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = FOLLOW_UP_KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    public static byte[] encodeValue(int partition, long offset) {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative: " + partition + "@" + offset);
        }
        return (partition + "@" + offset).getBytes(StandardCharsets.UTF_8);
    }

    /** The entry a record of index partition {@code indexPartition} holds; a malformed one says why. */
    public static IndexEntry decode(String key, byte[] value, int indexPartition) {
        if (key == null) {
            return new IndexEntry.Malformed("", "record without a key");
        }
        if (value == null) {
            return new IndexEntry.Malformed(key, "tombstone");
        }
        String text = new String(value, StandardCharsets.UTF_8);
        Matcher matcher = VALUE.matcher(text);
        if (!matcher.matches()) {
            return new IndexEntry.Malformed(key, "value '" + abbreviate(text) + "' is not <partition>@<offset>");
        }
        int partition = Integer.parseInt(matcher.group(1));
        long offset;
        try {
            offset = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            return new IndexEntry.Malformed(key, "offset out of range in '" + text + "'");
        }
        if (INDEXED_FROM_KEY.equals(key)) {
            return partition == indexPartition ? new IndexEntry.IndexedFrom(partition, offset)
                    : new IndexEntry.Malformed(key, "marker for partition " + partition + " on index partition "
                    + indexPartition);
        }
        if (isFollowUpKey(key)) {
            return followUp(key, partition, offset, indexPartition);
        }
        if (!indexable(key)) {
            return new IndexEntry.Malformed(key, "key is not a mission id");
        }
        return new IndexEntry.Start(key, partition, offset);
    }

    private static IndexEntry followUp(String key, int partition, long offset, int indexPartition) {
        Matcher matcher = FOLLOW_UP_KEY.matcher(key);
        matcher.matches();
        String kind = matcher.group(1);
        String escalationId = matcher.group(3) == null ? "" : matcher.group(3);
        if (partition != indexPartition) {
            return new IndexEntry.Malformed(key, "follow-up for partition " + partition + " on index partition "
                    + indexPartition);
        }
        boolean known = IndexEntry.FollowUp.PAUSED.equals(kind) && escalationId.isEmpty()
                || IndexEntry.FollowUp.ESCALATION.equals(kind) && !escalationId.isEmpty();
        if (!known) {
            return new IndexEntry.Malformed(key, "unknown follow-up '" + abbreviate(key) + "'");
        }
        return new IndexEntry.FollowUp(kind, matcher.group(2), escalationId, partition, offset);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
