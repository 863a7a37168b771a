package dev.swarmboard.missionindex;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mission index's record format, plain UTF-8 so any console consumer reads it. A mission's
 * entry: key = mission id, value = {@code <partition>@<offset>}. A partition's marker: key =
 * {@value #INDEXED_FROM_KEY} on the index partition of the same number, value = {@code <partition>@<offset>}.
 * Mission ids never start with {@code *}, so a marker cannot be mistaken for a mission.
 */
public final class MissionIndexCodec {

    /** Key of the per-partition marker: the offset from which every mission starting there is indexed. */
    public static final String INDEXED_FROM_KEY = "*indexed-from";
    private static final Pattern VALUE = Pattern.compile("(\\d{1,9})@(\\d{1,19})");

    private MissionIndexCodec() {
    }

    /** True for a key the index can hold a mission entry under (not a marker, not empty). */
    public static boolean indexable(String missionId) {
        return missionId != null && !missionId.isEmpty() && !missionId.startsWith("*");
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
        if (!indexable(key)) {
            return new IndexEntry.Malformed(key, "key is not a mission id");
        }
        return new IndexEntry.Start(key, partition, offset);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
