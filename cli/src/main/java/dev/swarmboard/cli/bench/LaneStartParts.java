package dev.swarmboard.cli.bench;

import dev.swarmboard.lane.run.LaneStartTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the lane starts of some missions went, from the lines {@link LaneStartTimes} has the lane worker
 * log ({@code lane start timing mission=… lane=… fence=30 read=5 …}): the p50 of each part over every
 * lane of the missions, and over the first lane of each mission (the one with the smallest total, whose
 * LaneStarted is the mission's first).
 */
record LaneStartParts(Map<String, Summary> allLanes, Map<String, Summary> firstLanes) {

    private static final String MISSION = "mission";

    /** The parts of the lane starts of {@code missions} in the worker's {@code log}. */
    static LaneStartParts read(Path log, Set<String> missions) {
        List<Map<String, String>> starts;
        try (Stream<String> lines = Files.lines(log)) {
            starts = lines.filter(line -> line.contains(LaneStartTimes.PREFIX)).map(LaneStartParts::fields)
                    .filter(fields -> missions.contains(fields.get(MISSION))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lane worker's log " + log, e);
        }
        Map<String, Map<String, String>> firstByMission = new HashMap<>();
        for (Map<String, String> start : starts) {
            firstByMission.merge(start.get(MISSION), start, (a, b) -> total(a) <= total(b) ? a : b);
        }
        return new LaneStartParts(summaries(starts), summaries(firstByMission.values()));
    }

    /** {@code delivered 40  fence 30  read 5 …} as p50 milliseconds, or a note that no line was logged. */
    static String render(Map<String, Summary> parts) {
        if (parts.isEmpty()) {
            return "no lane start timing in the lane worker's log";
        }
        StringBuilder line = new StringBuilder();
        parts.forEach((part, summary) -> line.append(String.format("%s %d  ", part, summary.p50())));
        return line.append("ms (p50, n ").append(parts.values().iterator().next().count()).append(")").toString();
    }

    private static Map<String, Summary> summaries(Collection<Map<String, String>> starts) {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (Map<String, String> start : starts) {
            start.forEach((name, value) -> numeric(value).ifPresent(ms ->
                    samples.computeIfAbsent(name, key -> new ArrayList<>()).add(ms)));
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        samples.entrySet().stream().filter(entry -> !List.of("attempt", "delivery").contains(entry.getKey()))
                .sorted(Comparator.comparing(entry -> entry.getKey().equals("total")))
                .forEach(entry -> summaries.put(entry.getKey(), Summary.of(entry.getValue())));
        return summaries;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.substring(line.indexOf(LaneStartTimes.PREFIX) + LaneStartTimes.PREFIX.length())
                .trim().split(" ")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        return fields;
    }

    private static long total(Map<String, String> start) {
        return numeric(start.getOrDefault("total", "")).orElse(Long.MAX_VALUE);
    }

    private static Optional<Long> numeric(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
