package dev.swarmboard.digest.report;

import dev.swarmboard.blackboard.RecordedEvent;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a report before delivery: every section present in order, a BLUF of two or three
 * sentences, at least one evidence ref, every ref resolving to a mission event with exactly that
 * content hash, every {@code [En]} citation listed, and a diagram in the checked Mermaid dialect.
 * Each problem is a reason naming where it is.
 */
public final class ReportValidator {

    private static final Pattern CITATION = Pattern.compile("\\[(E\\d+)]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");
    private static final String FENCE_OPEN = "```mermaid\n";
    private static final String FENCE_CLOSE = "```";

    private ReportValidator() {
    }

    public static List<Reason> validate(DigestReport report, List<RecordedEvent> events) {
        List<Reason> reasons = new ArrayList<>();
        checkSections(report.markdown(), reasons);
        checkBluf(report.bluf(), reasons);
        checkEvidence(report.evidenceRefs(), events, reasons);
        checkCitations(report, reasons);
        checkDiagram(report.markdown(), reasons);
        return reasons;
    }

    private static void checkSections(String markdown, List<Reason> reasons) {
        int from = 0;
        for (String section : ReportRenderer.SECTIONS) {
            int at = markdown.indexOf("\n## " + section + "\n", from);
            if (at < 0) {
                reasons.add(reason("SECTION_MISSING", "markdown", "section '" + section + "' missing or out of order"));
            } else {
                from = at + 1;
            }
        }
    }

    private static void checkBluf(String bluf, List<Reason> reasons) {
        long sentences = SENTENCE_END.matcher(bluf.strip()).results().count();
        if (sentences < 2 || sentences > 3) {
            reasons.add(reason("BLUF_LENGTH", "bluf", "BLUF has " + sentences + " sentences, 2 to 3 required"));
        }
    }

    private static void checkEvidence(List<EvidenceRef> refs, List<RecordedEvent> events, List<Reason> reasons) {
        if (refs.isEmpty()) {
            reasons.add(reason("EVIDENCE_MISSING", "evidence_refs", "the report cites no evidence"));
        }
        Map<String, String> hashes = new HashMap<>();
        events.forEach(e -> hashes.putIfAbsent(e.eventId(), e.event().getHeader().getContentHash()));
        for (int i = 0; i < refs.size(); i++) {
            EvidenceRef ref = refs.get(i);
            String recorded = hashes.get(ref.getEventId());
            if (recorded == null) {
                reasons.add(reason("EVIDENCE_UNRESOLVED", "evidence_refs[" + i + "]",
                        "event " + ref.getEventId() + " is not in the mission's log"));
            } else if (!recorded.equals(ref.getContentHash())) {
                reasons.add(reason("EVIDENCE_HASH_MISMATCH", "evidence_refs[" + i + "]", "event " + ref.getEventId()
                        + " has content hash " + recorded + ", the report cites " + ref.getContentHash()));
            }
        }
    }

    private static void checkCitations(DigestReport report, List<Reason> reasons) {
        Set<String> listed = report.evidenceRefs().stream()
                .map(ref -> ref.getLabel().substring(0, Math.max(0, ref.getLabel().indexOf(':'))))
                .collect(Collectors.toSet());
        String[] lines = report.markdown().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher citation = CITATION.matcher(lines[i]);
            while (citation.find()) {
                if (!listed.contains(citation.group(1))) {
                    reasons.add(reason("CITATION_UNKNOWN", "markdown line " + (i + 1),
                            citation.group(1) + " is cited but not among the evidence refs"));
                }
            }
        }
    }

    private static void checkDiagram(String markdown, List<Reason> reasons) {
        int open = markdown.indexOf(FENCE_OPEN);
        int close = open < 0 ? -1 : markdown.indexOf("\n" + FENCE_CLOSE, open + FENCE_OPEN.length());
        if (close < 0) {
            reasons.add(reason("DIAGRAM_MISSING", "markdown", "no closed ```mermaid block"));
            return;
        }
        for (String problem : MermaidCheck.check(markdown.substring(open + FENCE_OPEN.length(), close))) {
            reasons.add(reason("DIAGRAM_INVALID", "diagram " + problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 2)));
        }
    }

    private static Reason reason(String code, String field, String message) {
        return new Reason(code, field, message, List.of());
    }
}
