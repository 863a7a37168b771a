package dev.swarmboard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.swarmboard.blackboard.BlackboardReader;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.cli.audit.AuditReport;
import dev.swarmboard.cli.audit.MissionAudit;
import dev.swarmboard.cli.view.EventLine;
import dev.swarmboard.codec.Codecs;
import dev.swarmboard.blackboard.SchemaTopic;
import dev.swarmboard.deadletter.DeadLetterIndex;
import dev.swarmboard.signing.FactCheck;
import dev.swarmboard.signing.FactVerifier;
import dev.swarmboard.signing.TrustFile;
import dev.swarmboard.text.ShownText;
import java.nio.file.Path;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarm replay}: audits one mission from its blackboard partition alone — the timeline, every
 * content hash, the head hash, every verdict re-derived by the verifier's code — and says REPLAY OK
 * (exit 0, listing any FOREIGN RECORDS: undecodable bytes under the mission's key, with where they
 * were dead-lettered) or names the first divergence (exit 3): a fact that does not hold, an event
 * naming another mission, a fact the trust file refuses, or a record of the partition the client
 * cannot read. Each event shows who signed it (its key id, or {@code unsigned}).
 */
@Command(name = "replay", description = "Audit a mission from the blackboard: timeline, hashes, head, re-derived verdicts.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:REPLAY OK: every fact holds (FOREIGN RECORDS, if listed, are undecodable bytes under the key that no service took for a fact)",
                "1:error (Kafka unreachable …)", "2:usage (unknown mission, bad --as-of)",
                "3:REPLAY DIVERGED: a fact does not hold, an event names another mission, a fact's signature is refused by the trust file, or a record of the partition cannot be read"})
final class ReplayCommand implements Callable<Integer> {

    static final int DIVERGED = 3;

    @Mixin
    KafkaOptions kafka;

    @Parameters(index = "0", paramLabel = "MISSION", description = "Mission id.")
    String missionId;

    @Option(names = "--as-of", paramLabel = "TIME", description = "Show the mission as it stood at this ISO-8601 instant.")
    String asOf;

    @Option(names = "--json", description = "Print the audit as JSON.")
    boolean json;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Read this topic instead of the blackboard (e.g. an exported copy).")
    String topic;

    @Option(names = "--trust-file", paramLabel = "FILE", description = "Check every fact's signature against this trust file (default $SWARM_TRUST_FILE; unset: signatures shown, not checked).")
    Path trustFile;

    @Override
    public Integer call() throws Exception {
        return replay(System.out);
    }

    int replay(PrintStream out) throws Exception {
        Instant cut = parseAsOf();
        Map<String, Object> client = kafka.clientProperties();
        Codecs codecs = Codecs.create();
        String source = topic != null ? topic : kafka.common().catalogue().blackboard();
        new SchemaTopic(client, kafka.common().catalogue().schemas()).loadInto(codecs.registry());
        FactVerifier verifier = trustFile != null ? FactVerifier.trusting(TrustFile.load(trustFile), trustFile.toString())
                : kafka.common().signing().verifier();
        MissionLog log;
        // The blackboard's reader starts at the mission's start in the mission index; an exported copy
        // (--topic) has other offsets, so it is scanned from 0.
        try (BlackboardReader reader = topic != null ? new BlackboardReader(client, source, codecs, verifier)
                : new BlackboardReader(client, kafka.common().catalogue(), codecs, verifier)) {
            log = reader.readMission(missionId);
        }
        if (log.events().isEmpty() && log.undecodable().isEmpty() && log.unreadable().isEmpty()) {
            throw new UsageException("mission " + missionId + " has no events on " + source);
        }
        AuditReport audited = MissionAudit.audit(log, codecs.events().codec(), cut);
        AuditReport report = audited.withDeadLetters(deadLetters(client, audited));
        if (json) {
            printJson(report, verifier, out);
        } else {
            printText(report, verifier, out);
        }
        return report.ok() ? 0 : DIVERGED;
    }

    private Map<String, List<String>> deadLetters(Map<String, Object> client, AuditReport report) {
        Set<String> sources = report.foreign().stream().map(AuditReport.ForeignRecord::coordinates)
                .collect(Collectors.toSet());
        Map<String, List<String>> letters = new HashMap<>();
        DeadLetterIndex.find(client, kafka.common().catalogue().deadLetters(), sources).forEach((source, found) ->
                letters.put(source, found.stream().map(DeadLetterIndex.Letter::toString).toList()));
        return letters;
    }

    private Instant parseAsOf() {
        try {
            return asOf == null ? null : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of " + asOf + " is not an ISO-8601 instant such as 2026-11-22T02:00:00Z");
        }
    }

    static void printText(AuditReport report, FactVerifier verifier, PrintStream out) {
        out.println("mission " + ShownText.terminal(report.missionId()) + (report.asOf() == null ? "" : " as of " + report.asOf())
                + ": " + report.events().size() + " events; signatures " + signatures(verifier));
        for (RecordedEvent event : report.events()) {
            out.println("  " + EventLine.render(event.event()) + "   [" + event.coordinates() + "] "
                    + ShownText.terminal(signer(event, verifier)));
        }
        out.println("head " + report.head().hex() + " over " + report.head().count() + " events");
        printForeign(report, out);
        if (report.ok()) {
            out.println("REPLAY OK: every content hash intact, head recomputed, every verdict re-derived byte for byte"
                    + (report.foreign().isEmpty() ? "" : "; " + report.foreign().size() + " foreign record(s) listed above"));
        } else {
            AuditReport.Divergence first = report.divergences().get(0);
            out.println(ShownText.terminal("REPLAY DIVERGED at " + first.coordinates()
                    + (first.eventId() == null ? "" : " event " + first.eventId()) + ": " + first.reason()));
            report.divergences().stream().skip(1).forEach(more -> out.println(ShownText.terminal("  also at "
                    + more.coordinates() + ": " + more.reason())));
        }
    }

    private static void printForeign(AuditReport report, PrintStream out) {
        if (report.foreign().isEmpty()) {
            return;
        }
        out.println("FOREIGN RECORDS (undecodable bytes under the mission's key; no service took them for a fact):");
        for (AuditReport.ForeignRecord record : report.foreign()) {
            out.println("  " + record.coordinates() + ": " + record.reason() + "; dead-lettered "
                    + (record.deadLetters().isEmpty() ? "nowhere yet" : "at " + String.join(", ", record.deadLetters())));
        }
    }

    private static String signatures(FactVerifier verifier) {
        return verifier.enforces() ? "verified against " + verifier
                : "NOT checked (no trust file: --trust-file or SWARM_TRUST_FILE)";
    }

    /** Who signed an event: {@code signed by KEY} (checked) or {@code KEY (unchecked)}, or {@code unsigned}. */
    private static String signer(RecordedEvent event, FactVerifier verifier) {
        FactCheck check = verifier.check(event.event());
        if (check.signer().equals(FactCheck.UNSIGNED)) {
            return FactCheck.UNSIGNED;
        }
        return check.status() == FactCheck.Status.VERIFIED ? "signed by " + check.signer()
                : "signed by " + check.signer() + " (unchecked)";
    }

    static void printJson(AuditReport report, FactVerifier verifier, PrintStream out) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mission", report.missionId());
        json.put("signatures", verifier.enforces() ? "verified" : "unchecked");
        json.put("asOf", report.asOf() == null ? null : report.asOf().toString());
        json.put("ok", report.ok());
        json.put("head", report.head().hex());
        json.put("eventCount", report.head().count());
        json.put("events", report.events().stream().map(event -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("coordinates", event.coordinates());
            line.put("eventId", event.eventId());
            line.put("type", event.type());
            line.put("laneId", event.event().getHeader().getLaneId());
            line.put("attempt", event.event().getHeader().getAttempt());
            line.put("occurredAt", event.event().getHeader().getOccurredAt().toString());
            line.put("contentHash", event.event().getHeader().getContentHash());
            line.put("signer", verifier.check(event.event()).signer());
            line.put("summary", EventLine.details(event.event()));
            return line;
        }).toList());
        json.put("divergences", report.divergences().stream().map(d -> Map.of("coordinates", d.coordinates(),
                "eventId", String.valueOf(d.eventId()), "reason", d.reason())).toList());
        json.put("foreignRecords", report.foreign().stream().map(f -> Map.of("coordinates", f.coordinates(),
                "reason", f.reason(), "deadLetters", f.deadLetters())).toList());
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }
}
