package dev.swarmboard.digest.report;

import dev.swarmboard.text.ShownText;
import java.util.List;

/**
 * The few Markdown constructs the report uses. Event text in a cell or a paragraph goes through
 * {@link ShownText#markdown}, so it stays on its line and in its cell, shows control characters as
 * escapes, and cannot open HTML, a link, a code span or a fence.
 */
final class Markdown {

    private Markdown() {
    }

    static String heading(String title) {
        return "## " + title + "\n\n";
    }

    /** A table row of cells that are already Markdown: event text in them went through {@link #text}. */
    static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String separator(int columns) {
        return "|" + "---|".repeat(columns) + "\n";
    }

    /** The most characters of one piece of event text a report shows, so a report grows linearly with lanes. */
    static final int SHOWN_CHARS = 300;

    /** Event text for a paragraph or a cell: at most {@link #SHOWN_CHARS} characters, then escaped. */
    static String text(String eventText) {
        String text = eventText == null ? "" : eventText;
        if (text.length() > SHOWN_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(SHOWN_CHARS - 2)) ? SHOWN_CHARS - 2 : SHOWN_CHARS - 1;
            text = text.substring(0, end) + "…";
        }
        return ShownText.markdown(text);
    }

    /** Every cell is event text. */
    static String textRow(List<String> cells) {
        return row(cells.stream().map(Markdown::text).toList());
    }
}
