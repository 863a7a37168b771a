package dev.swarmboard.digest.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately narrow Mermaid dialect that every Mermaid parser accepts: the header
 * {@code flowchart TD}, then lines that are either a node {@code id["label"]} or an edge
 * {@code a --> b}. Ids are plain ({@code [A-Za-z0-9_]}, not {@code end}), labels are quoted and use
 * only {@link #LABEL_CHARACTERS}, every id is declared once, and edges join declared nodes.
 */
public final class MermaidCheck {

    public static final String HEADER = "flowchart TD";
    /** Characters a label may hold: no quotes, brackets, braces, angle brackets, pipes, semicolons or hashes. */
    public static final String LABEL_CHARACTERS = "A-Za-z0-9 .,:_/()'+=-";

    private static final Pattern NODE = Pattern.compile("([A-Za-z0-9_]+)\\[\"([" + LABEL_CHARACTERS + "]*)\"]");
    private static final Pattern EDGE = Pattern.compile("([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)");
    private static final Pattern UNSAFE = Pattern.compile("[^" + LABEL_CHARACTERS + "]");

    private MermaidCheck() {
    }

    /** The label with every character outside {@link #LABEL_CHARACTERS} replaced by an underscore. */
    public static String safeLabel(String text) {
        return UNSAFE.matcher(text).replaceAll("_");
    }

    /** Every problem, each naming its line (1 = the header); empty when the diagram is safe. */
    public static List<String> check(String diagram) {
        String[] lines = diagram.split("\n", -1);
        List<String> problems = new ArrayList<>();
        if (!lines[0].strip().equals(HEADER)) {
            problems.add("line 1: expected '" + HEADER + "'");
        }
        Set<String> nodes = new HashSet<>();
        List<String[]> edges = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (line.isEmpty()) {
                continue;
            } else if (node.matches()) {
                checkId(node.group(1), i + 1, problems);
                if (!nodes.add(node.group(1))) {
                    problems.add("line " + (i + 1) + ": node " + node.group(1) + " declared twice");
                }
            } else if (edge.matches()) {
                edges.add(new String[] {edge.group(1), edge.group(2), Integer.toString(i + 1)});
            } else {
                problems.add("line " + (i + 1) + ": neither a node id[\"label\"] nor an edge a --> b: " + line);
            }
        }
        for (String[] edge : edges) {
            for (int end = 0; end < 2; end++) {
                if (!nodes.contains(edge[end])) {
                    problems.add("line " + edge[2] + ": edge names undeclared node " + edge[end]);
                }
            }
        }
        return problems;
    }

    private static void checkId(String id, int line, List<String> problems) {
        if (id.toLowerCase(Locale.ROOT).equals("end")) {
            problems.add("line " + line + ": 'end' is a Mermaid keyword, not a node id");
        }
    }
}
