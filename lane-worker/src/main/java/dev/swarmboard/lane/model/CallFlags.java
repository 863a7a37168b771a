package dev.swarmboard.lane.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags one call collects: plain ones ({@code retry_empty_content}) and counted ones, rendered as
 * {@code name:count} ({@code retry_429:2}), in the order they first happened.
 */
final class CallFlags {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String flag) {
        counts.putIfAbsent(flag, 0);
    }

    void count(String flag) {
        counts.merge(flag, 1, Integer::sum);
    }

    List<String> list() {
        List<String> flags = new ArrayList<>();
        counts.forEach((flag, count) -> flags.add(count == 0 ? flag : flag + ":" + count));
        return flags;
    }
}
