package dev.swarmboard.digest.publish;

import dev.swarmboard.blackboard.EncodedSize;
import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.blackboard.HeadHash;
import dev.swarmboard.blackboard.MissionLog;
import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.digest.report.DigestReport;
import dev.swarmboard.digest.report.ReportRenderer;
import dev.swarmboard.digest.report.ReportValidator;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.Reason;
import dev.swarmboard.schema.event.DigestPublished;
import dev.swarmboard.schema.event.DigestRejected;
import dev.swarmboard.schema.event.IntegrationCompleted;
import dev.swarmboard.schema.event.IntegrationFailed;
import dev.swarmboard.schema.event.PlanIssued;
import dev.swarmboard.schema.event.QuorumReached;
import dev.swarmboard.signing.FactSigner;
import dev.swarmboard.verifier.quorum.Quorum;
import dev.swarmboard.verifier.quorum.QuorumReplay;
import dev.swarmboard.verifier.quorum.ReplayedVerdict;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from a mission's log alone, whether a digest may be published. Only a PASS verdict that
 * the verifier's replay re-derives from the log qualifies, whatever the request says; the report is
 * rendered from the events up to that verdict and validated before it may be delivered. For a
 * workspace plan the verdict alone is not enough: its IntegrationCompleted must follow, and the report
 * covers the events up to it. Outcome
 * events have deterministic ids, so a second request for the same verdict records nothing new.
 */
public final class DigestDecision {

    /** The largest DigestPublished record the digest writes: below Kafka's default 1 MiB. */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    public static final String PRODUCER = "digest";

    private DigestDecision() {
    }

    /**
     * @param verdictEventId the verdict to digest, or null for the mission's latest PASS verdict
     * @param reportPath     where the report file will be written, recorded in the event
     */
    public static DigestOutcome decide(MissionLog log, String verdictEventId, String reportPath, Instant now) {
        List<RecordedEvent> events = log.events();
        Optional<Integer> position = verdictPosition(events, verdictEventId);
        if (position.isEmpty()) {
            return reject(log, verdictEventId, events, now, reason("NO_PASS_VERDICT", verdictEventId == null
                    ? "mission " + log.missionId() + " has no PASS verdict"
                    : "event " + verdictEventId + " is not a PASS verdict of mission " + log.missionId()));
        }
        List<RecordedEvent> upToVerdict = events.subList(0, position.get() + 1);
        RecordedEvent verdict = upToVerdict.get(position.get());
        Optional<ReplayedVerdict> replayed = replayedAt(events, position.get());
        if (replayed.isEmpty()) {
            return reject(log, verdict.eventId(), upToVerdict, now, reason("VERDICT_NOT_REPRODUCIBLE", "verdict "
                    + verdict.eventId() + " is not the verdict the verifier derives from the mission's events"));
        }
        List<RecordedEvent> covered = upToVerdict;
        Optional<BlackboardEvent> integration = Optional.empty();
        if (integrates(replayed.get())) {
            Optional<Integer> integrated = integrationPosition(events, verdict.eventId());
            if (integrated.isEmpty()) {
                return reject(log, verdict.eventId(), upToVerdict, now, reason("INTEGRATION_NOT_PASSED", "verdict "
                        + verdict.eventId() + " passed a workspace plan whose changes have no IntegrationCompleted:"
                        + " only a passed integration lets the digest publish"));
            }
            covered = events.subList(0, integrated.get() + 1);
            integration = Optional.of(covered.get(integrated.get()).event());
        }
        Optional<BlackboardEvent> audit = Optional.empty();
        if (AuditOutcome.planned(replayed.get())) {
            Optional<Integer> audited = AuditOutcome.position(events, replayed.get().payload().getRound());
            if (audited.isEmpty()) {
                return reject(log, verdict.eventId(), covered, now, reason("AUDIT_NOT_ENDED", "the plan of verdict "
                        + verdict.eventId() + " has an audit lane that has not ended: the report waits for its text"));
            }
            covered = events.subList(0, Math.max(covered.size(), audited.get() + 1));
            audit = Optional.of(events.get(audited.get()).event());
        }
        DigestReport report = ReportRenderer.render(covered, replayed.get(), integration, patchName(reportPath),
                audit);
        List<Reason> problems = ReportValidator.validate(report, covered);
        if (!problems.isEmpty()) {
            return reject(log, verdict.eventId(), covered, now, problems.toArray(Reason[]::new));
        }
        DigestPublished published = DigestPublished.newBuilder()
                .setBluf(report.bluf()).setMarkdown(report.markdown()).setHeadHash(head(log, covered).hex())
                .setVerdictEventId(verdict.eventId()).setEvidenceRefs(report.evidenceRefs()).setReportPath(reportPath)
                .build();
        long size = EncodedSize.of(published);
        if (size > MAX_RECORD_BYTES) {
            return reject(log, verdict.eventId(), upToVerdict, now, reason("REPORT_TOO_LARGE", "the DigestPublished"
                    + " record would be " + size + " bytes, over the digest's record limit of " + MAX_RECORD_BYTES));
        }
        return record(log, new DigestOutcome.Publish(Events.create(publishedId(log.missionId(), verdict.eventId()),
                origin(log, verdict.eventId()), published, now), report));
    }

    /**
     * Whether the verdict passed a workspace plan whose integration has not ended yet (neither an
     * IntegrationCompleted nor an IntegrationFailed follows it): the digest waits rather than reject.
     */
    public static boolean awaitsIntegration(MissionLog log, String verdictEventId) {
        List<RecordedEvent> events = log.events();
        Optional<Integer> position = verdictPosition(events, verdictEventId);
        if (position.isEmpty()) {
            return false;
        }
        Optional<ReplayedVerdict> replayed = replayedAt(events, position.get());
        boolean ended = events.stream().anyMatch(event -> (event.event().getPayload() instanceof IntegrationCompleted c
                && c.getVerdictEventId().equals(verdictEventId)) || (event.event().getPayload() instanceof IntegrationFailed f
                && f.getVerdictEventId().equals(verdictEventId)));
        return replayed.isPresent() && integrates(replayed.get()) && !ended;
    }

    /**
     * Whether the verdict's plan has an audit lane that has not ended at the verdict's round: the digest
     * waits for it rather than reject (its outcome triggers the digest).
     */
    public static boolean awaitsAudit(MissionLog log, String verdictEventId) {
        List<RecordedEvent> events = log.events();
        Optional<Integer> position = verdictPosition(events, verdictEventId);
        if (position.isEmpty()) {
            return false;
        }
        Optional<ReplayedVerdict> replayed = replayedAt(events, position.get());
        return replayed.isPresent() && AuditOutcome.planned(replayed.get())
                && AuditOutcome.position(events, replayed.get().payload().getRound()).isEmpty();
    }

    /**
     * The verifier's derivation of the recorded verdict at {@code position}, replayed from the events up to
     * it; empty when the events do not derive it. The record carries the verifier's signature, the
     * derivation none: they are compared unsigned.
     */
    private static Optional<ReplayedVerdict> replayedAt(List<RecordedEvent> events, int position) {
        BlackboardEvent recorded = FactSigner.unsigned(events.get(position).event());
        return QuorumReplay.replay(events.subList(0, position + 1)).stream()
                .filter(candidate -> candidate.verdict().equals(recorded)).findFirst();
    }

    /** The patch file written beside a report: {@code <mission>.patch}. */
    public static String patchName(String reportPath) {
        String name = java.nio.file.Path.of(reportPath).getFileName().toString();
        return (name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".patch";
    }

    /** The first IntegrationCompleted of the verdict, as the orchestrator's integration task names it. */
    public static Optional<Integer> integrationPosition(List<RecordedEvent> events, String verdictEventId) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            if (seen.add(event.eventId()) && event.event().getPayload() instanceof IntegrationCompleted completed
                    && completed.getVerdictEventId().equals(verdictEventId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean integrates(ReplayedVerdict replayed) {
        var lanes = ((PlanIssued) replayed.planEvent().getPayload()).getPlan().getLanes();
        return !lanes.isEmpty() && lanes.stream().allMatch(lane -> lane.getWorkspace() != null);
    }

    /**
     * The answer when the broker refused the DigestPublished record (a topic with a smaller
     * max.message.bytes): a DigestRejected naming the error, so the loop goes on.
     */
    public static DigestOutcome refused(MissionLog log, String verdictEventId, String problem, Instant now) {
        return reject(log, verdictEventId, log.events(), now, reason("RECORD_REFUSED", problem));
    }

    public static String publishedId(String missionId, String verdictEventId) {
        return Events.deterministicId(missionId, "DigestPublished", verdictEventId);
    }

    /** The position of the requested (or latest) PASS verdict; a later copy of an event id never counts. */
    private static Optional<Integer> verdictPosition(List<RecordedEvent> events, String verdictEventId) {
        Set<String> seen = new HashSet<>();
        Integer found = null;
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            boolean wanted = verdictEventId == null || verdictEventId.equals(event.eventId());
            if (seen.add(event.eventId()) && wanted && event.event().getPayload() instanceof QuorumReached verdict
                    && Quorum.passed(verdict)) {
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    private static DigestOutcome reject(MissionLog log, String verdictEventId, List<RecordedEvent> covered,
                                        Instant now, Reason... reasons) {
        String id = Events.deterministicId(log.missionId(), "DigestRejected",
                verdictEventId == null ? "" : verdictEventId, head(log, covered).hex());
        return record(log, new DigestOutcome.Reject(Events.create(id, origin(log, verdictEventId),
                new DigestRejected(List.of(reasons)), now)));
    }

    private static DigestOutcome record(MissionLog log, DigestOutcome outcome) {
        String id = outcome.event().getHeader().getEventId();
        return log.events().stream().filter(event -> event.eventId().equals(id)).findFirst()
                .<DigestOutcome>map(existing -> new DigestOutcome.AlreadyRecorded(existing.event())).orElse(outcome);
    }

    private static EventOrigin origin(MissionLog log, String causationId) {
        return EventOrigin.mission(log.missionId(), PRODUCER).causedBy(causationId);
    }

    private static HeadHash head(MissionLog log, List<RecordedEvent> prefix) {
        return new MissionLog(log.missionId(), prefix, List.of()).head();
    }

    private static Reason reason(String code, String message) {
        return new Reason(code, "verdict", message, List.of());
    }
}
