package dev.swarmboard.cli.chaos;

import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.cli.audit.AuditReport;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.deadletter.DeadLetterIndex;
import dev.swarmboard.topic.TopicCatalogue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks of a chaos run over what the blackboard and the dead-letter topic hold at its end, each
 * with its figure: missions terminal, lost lane attempts, attempts with more than one outcome, event
 * ids with different content, rounds without exactly one verdict, missions with more than one digest,
 * replays that diverge (the audit of {@code swarm replay}, in-process), and poison records never
 * dead-lettered.
 */
final class ChaosChecks {

    /** One check: its name, its figure, what was expected, and whether it holds; details if not. */
    record Check(String name, String figure, String expected, boolean holds, List<String> details) {
    }

    private ChaosChecks() {
    }

    /** Reads every mission's log; the figures of each. */
    static Map<String, MissionFigures> figures(Map<String, Object> client, TopicCatalogue catalogue, List<String> missions) {
        Map<String, MissionFigures> figures = new LinkedHashMap<>();
        try (BlackboardReader reader = new BlackboardReader(client, catalogue, Codecs.create())) {
            for (String mission : missions) {
                figures.put(mission, MissionFigures.of(reader.readMission(mission)));
            }
        }
        return figures;
    }

    static List<Check> run(Map<String, Object> client, TopicCatalogue catalogue, List<String> missions,
                           List<PoisonRecords.Sent> poison) {
        Codecs codecs = Codecs.create();
        new SchemaTopic(client, catalogue.schemas()).loadInto(codecs.registry());
        List<MissionFigures> figures = new ArrayList<>();
        List<String> diverged = new ArrayList<>();
        int foreign = 0;
        try (BlackboardReader reader = new BlackboardReader(client, catalogue, codecs)) {
            for (String mission : missions) {
                MissionLog log = reader.readMission(mission);
                figures.add(MissionFigures.of(log));
                AuditReport audit = MissionAudit.audit(log, codecs.events().codec(), null);
                foreign += audit.foreign().size();
                if (!audit.ok()) {
                    AuditReport.Divergence first = audit.divergences().get(0);
                    diverged.add(mission + ": REPLAY DIVERGED at " + first.coordinates() + ": " + first.reason());
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        List<String> running = figures.stream().filter(f -> !f.terminal()).map(f -> f.missionId() + " still running").toList();
        Map<String, Long> ends = figures.stream().collect(Collectors.groupingBy(MissionFigures::end, TreeMap::new,
                Collectors.counting()));
        checks.add(new Check("missions terminal", (missions.size() - running.size()) + "/" + missions.size() + " " + ends,
                "all", running.isEmpty(), running));
        int attempts = figures.stream().mapToInt(MissionFigures::attempts).sum();
        checks.add(count("lost lane attempts", figures, MissionFigures::lostAttempts, " of " + attempts + " dispatched"));
        int redelivered = figures.stream().mapToInt(MissionFigures::redeliveries).sum();
        checks.add(new Check("lane starts of a later delivery", redelivered + " (taken over after a kill or freeze)",
                "any", true, List.of()));
        checks.add(count("attempts with >1 outcome", figures, MissionFigures::duplicateOutcomes, ""));
        checks.add(count("event ids with different content", figures, MissionFigures::conflictingIds, ""));
        int rounds = figures.stream().mapToInt(MissionFigures::rounds).sum();
        checks.add(count("rounds without exactly one verdict", figures, MissionFigures::roundsWithoutOneVerdict,
                " of " + rounds + " rounds"));
        List<String> digests = figures.stream().filter(f -> f.digests() > 1).map(f -> f.missionId() + ": " + f.digests()
                + " digests").toList();
        checks.add(new Check("missions with >1 digest", Integer.toString(digests.size()), "0", digests.isEmpty(), digests));
        checks.add(new Check("replay diverged", diverged.size() + " of " + missions.size() + " (foreign records listed: "
                + foreign + ")", "0", diverged.isEmpty(), diverged));
        checks.add(deadLettered(client, catalogue, poison));
        return checks;
    }

    private static Check count(String name, List<MissionFigures> figures,
                               Function<MissionFigures, List<String>> found, String of) {
        List<String> details = figures.stream().flatMap(f -> found.apply(f).stream().map(what -> f.missionId() + " " + what))
                .toList();
        return new Check(name, details.size() + of, "0", details.isEmpty(), details);
    }

    private static Check deadLettered(Map<String, Object> client, TopicCatalogue catalogue, List<PoisonRecords.Sent> poison) {
        Set<String> sources = poison.stream().map(PoisonRecords.Sent::coordinates).collect(Collectors.toSet());
        Map<String, List<DeadLetterIndex.Letter>> letters = DeadLetterIndex.find(client, catalogue.deadLetters(), sources);
        List<String> details = new ArrayList<>();
        int missing = 0;
        for (PoisonRecords.Sent sent : poison) {
            List<DeadLetterIndex.Letter> found = letters.getOrDefault(sent.coordinates(), List.of());
            missing += found.isEmpty() ? 1 : 0;
            details.add(sent.kind() + " " + sent.coordinates() + " -> " + (found.isEmpty() ? "NOT dead-lettered"
                    : found.stream().map(letter -> letter.service() + "/" + letter.instance()).distinct()
                    .collect(Collectors.joining(", "))));
        }
        return new Check("poison records not dead-lettered", missing + " of " + poison.size(), "0", missing == 0, details);
    }

    /** The summary table, then the details of every check that does not hold. */
    static void print(List<Check> checks, PrintStream out) {
        out.printf("%-36s %-44s %-8s %s%n", "check", "figure", "expected", "result");
        for (Check check : checks) {
            out.printf("%-36s %-44s %-8s %s%n", check.name(), check.figure(), check.expected(), check.holds() ? "OK" : "FAILED");
        }
        for (Check check : checks) {
            if (!check.holds() || check.name().startsWith("poison")) {
                out.println(check.name().startsWith("poison") ? "poison records and the dead letters naming their coordinates:"
                        : check.name() + ":");
                check.details().stream().limit(40).forEach(detail -> out.println("  " + detail));
            }
        }
    }
}
