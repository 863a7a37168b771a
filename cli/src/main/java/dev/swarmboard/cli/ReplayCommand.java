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
import dev.swarmboard.text.ShownText;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code swarm replay}: audits one mission from its blackboard partition alone — the timeline, every
 * content hash, the head hash, every verdict re-derived by the verifier's code — and says REPLAY OK
 * (exit 0) or names the first event that diverges (exit 3).
 */
@Command(name = "replay", description = "Audit a mission from the blackboard: timeline, hashes, head, re-derived verdicts.")
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

    @Override
    public Integer call() throws Exception {
        Instant cut = parseAsOf();
        Map<String, Object> client = kafka.clientProperties();
        Codecs codecs = Codecs.create();
        String source = topic != null ? topic : kafka.common().catalogue().blackboard();
        new SchemaTopic(client, kafka.common().catalogue().schemas()).loadInto(codecs.registry());
        MissionLog log;
        try (BlackboardReader reader = new BlackboardReader(client, source, codecs)) {
            log = reader.readMission(missionId);
        }
        if (log.events().isEmpty() && log.undecodable().isEmpty()) {
            throw new UsageException("mission " + missionId + " has no events on " + source);
        }
        AuditReport report = MissionAudit.audit(log, codecs.events().codec(), cut);
        if (json) {
            printJson(report, System.out);
        } else {
            printText(report, System.out);
        }
        return report.ok() ? 0 : DIVERGED;
    }

    private Instant parseAsOf() {
        try {
            return asOf == null ? null : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of " + asOf + " is not an ISO-8601 instant such as 2026-11-22T02:00:00Z");
        }
    }

    static void printText(AuditReport report, PrintStream out) {
        out.println("mission " + ShownText.terminal(report.missionId()) + (report.asOf() == null ? "" : " as of " + report.asOf())
                + ": " + report.events().size() + " events");
        for (RecordedEvent event : report.events()) {
            out.println("  " + EventLine.render(event.event()) + "   [" + event.coordinates() + "]");
        }
        out.println("head " + report.head().hex() + " over " + report.head().count() + " events");
        if (report.ok()) {
            out.println("REPLAY OK: every content hash intact, head recomputed, every verdict re-derived byte for byte");
        } else {
            AuditReport.Divergence first = report.divergences().get(0);
            out.println(ShownText.terminal("REPLAY DIVERGED at " + first.coordinates()
                    + (first.eventId() == null ? "" : " event " + first.eventId()) + ": " + first.reason()));
            report.divergences().stream().skip(1).forEach(more -> out.println(ShownText.terminal("  also at "
                    + more.coordinates() + ": " + more.reason())));
        }
    }

    static void printJson(AuditReport report, PrintStream out) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mission", report.missionId());
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
            line.put("summary", EventLine.details(event.event()));
            return line;
        }).toList());
        json.put("divergences", report.divergences().stream().map(d -> Map.of("coordinates", d.coordinates(),
                "eventId", String.valueOf(d.eventId()), "reason", d.reason())).toList());
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }
}
