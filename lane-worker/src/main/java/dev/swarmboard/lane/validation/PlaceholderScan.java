package dev.swarmboard.lane.validation;

import dev.swarmboard.schema.CheckResult;
import dev.swarmboard.schema.event.StageCompleted;
import dev.swarmboard.lane.workspace.NormalizedDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code placeholder_scan}: no artifact line holds unfinished work. Case-insensitive and word-bounded:
 * {@code TODO}, {@code TBD}, {@code FIXME}, {@code lorem ipsum}, a line (or a YAML value or list item)
 * that is only {@code ...} or {@code …}, and {@code <placeholder>}-style tokens such as
 * {@code <your-name>}, {@code <API_KEY>} or {@code <insert summary here>} (but not {@code List<String>}).
 * The same scan covers every line an applied change adds.
 */
public final class PlaceholderScan implements YieldCheck {

    public static final String NAME = "placeholder_scan";
    private static final int SHOWN = 10;

    private static final Pattern MARKER = Pattern.compile(
            "\\b(?:TODO|TBD|FIXME)\\b|\\blorem\\s+ipsum\\b"
                    + "|<\\s*(?:your|insert|enter|fill|replace|add)\\b[^<>\\n]*>"
                    + "|<(?:placeholder|tbd|todo|value|name|here)>"
                    + "|<[a-z0-9]+(?:[-_][a-z0-9]+)+>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STUB_LINE = Pattern.compile("^\\s*(?:-\\s*)?(?:[\\w.\"'-]+\\s*:\\s*)?(?:\\.\\.\\.|…)\\s*$");

    @Override
    public CheckResult check(LaneEvidence evidence) {
        List<String> findings = new ArrayList<>();
        for (var receipt : evidence.presentArtifacts()) {
            findings.addAll(scan(LaneEvidence.stage(receipt)));
        }
        for (var change : evidence.changes()) {
            List<String> added = NormalizedDiff.addedLines(change.getDiff());
            for (int i = 0; i < added.size(); i++) {
                int index = i + 1;
                finding(added.get(i)).ifPresent(found -> findings.add("the change of stage " + change.getStage()
                        + ", added line " + index + ": " + found));
            }
        }
        if (findings.isEmpty()) {
            return YieldCheck.passed(NAME, "no placeholder in any artifact");
        }
        List<String> shown = findings.subList(0, Math.min(SHOWN, findings.size()));
        String more = findings.size() > SHOWN ? " (+" + (findings.size() - SHOWN) + " more)" : "";
        return YieldCheck.failed(NAME, String.join("; ", shown) + more);
    }

    private static List<String> scan(StageCompleted stage) {
        List<String> findings = new ArrayList<>();
        List<String> lines = stage.getOutput().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            finding(lines.get(i)).ifPresent(found ->
                    findings.add(stage.getArtifact() + " line " + lineNumber + ": " + found));
        }
        return findings;
    }

    /** What on the line is a placeholder, if anything. */
    static Optional<String> finding(String line) {
        if (STUB_LINE.matcher(line).matches()) {
            return Optional.of("stub '" + line.strip() + "'");
        }
        Matcher marker = MARKER.matcher(line);
        return marker.find() ? Optional.of("'" + marker.group() + "'") : Optional.empty();
    }
}
