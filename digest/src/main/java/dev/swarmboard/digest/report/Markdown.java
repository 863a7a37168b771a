package dev.swarmboard.digest.report;

import java.util.List;

/** The few Markdown constructs the report uses, with cell text escaped so a table stays a table. */
final class Markdown {

    private Markdown() {
    }

    static String heading(String title) {
        return "## " + title + "\n\n";
    }

    static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(Markdown::cell).toList()) + " |\n";
    }

    static String separator(int columns) {
        return "|" + "---|".repeat(columns) + "\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
