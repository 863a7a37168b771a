package dev.swarmboard.text;

/**
 * Event text made safe to show: events keep their text unchanged on the blackboard, and everything
 * printed to a terminal or written into a report goes through here. Control characters (C0 with
 * newline and tab, DEL, C1), bidirectional overrides and isolates, and line or paragraph separators
 * become visible {@code \}{@code uXXXX} escapes, so no text can clear a screen, set a window title,
 * reorder a line or forge a line of its own. {@link #markdown} also keeps text inert in Markdown.
 */
public final class ShownText {

    private ShownText() {
    }

    /** The text for one terminal line: every unsafe character escaped as {@code \}{@code uXXXX}. */
    public static String terminal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (shown == null) {
                    shown = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                shown.append(String.format("\\u%04x", (int) c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }

    /**
     * The text for a Markdown paragraph or table cell: {@link #terminal} escapes (so it stays on one
     * line and cannot open a heading, list or fence), then HTML ({@code & < >}) as entities and the
     * Markdown characters that could start a link, code span, cell or escape as backslash escapes.
     */
    public static String markdown(String text) {
        String line = terminal(text);
        StringBuilder shown = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> shown.append("&amp;");
                case '<' -> shown.append("&lt;");
                case '>' -> shown.append("&gt;");
                case '\\', '`', '|', '[', ']' -> shown.append('\\').append(c);
                default -> shown.append(c);
            }
        }
        return shown.toString();
    }

    /** Whether a character must not reach a terminal or a report raw. */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029';
    }
}
