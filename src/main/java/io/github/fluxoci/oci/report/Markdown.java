package io.github.fluxoci.oci.report;

/** Small helpers for Markdown tables. */
final class Markdown {

    private Markdown() {}

    /** A table cell: pipes escaped, line breaks folded, null as an em dash. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "—";
        }
        return oneLine(text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;"));
    }

    /** Inline code, or an em dash for null. */
    static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "—";
        }
        return "`" + oneLine(text.replace("|", "\\|").replace("`", "'")) + "`";
    }

    /** Every line break (CR, LF, NEL, U+2028, U+2029) and other control character folded to a space: one table row. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\u2028\\u2029&&[^\\t]]", " ");
    }

    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** The first {@code max} items. */
    static <T> java.util.List<T> first(java.util.List<T> all, int max) {
        return all.size() <= max ? all : all.subList(0, max);
    }

    /**
     * After a table's last row: a line saying how many rows more the full report has (it ends the table, whatever
     * its width), or nothing when all were shown.
     */
    static String rest(int total, int max, String full) {
        return total <= max ? "" : "\n... and " + (total - max) + " more in `" + full + "`.\n";
    }

    /** Keeps the text under {@code maxChars}: past that, it ends at a line break with a pointer to the full report. */
    static String fit(String text, int maxChars, String full) {
        if (text.length() <= maxChars) {
            return text;
        }
        String note = "\n\n_Cut here to fit a pull request description: the rest is in `" + full + "`._\n";
        int cut = text.lastIndexOf('\n', maxChars - note.length());
        return text.substring(0, Math.max(cut, 0)) + note;
    }

    /**
     * The report with a line after its title that says which run wrote it ({@code From `mvn oci:scan` at
     * 2026-12-07T15:30:00Z.}), so that a report a later run kept is not taken for that run's; unchanged when
     * {@code run} is null.
     */
    static String fromRun(String md, String run) {
        return run == null
                ? md
                : md.replaceFirst(
                        "\n\n", java.util.regex.Matcher.quoteReplacement("\n\nFrom " + oneLine(run) + ".\n\n"));
    }
}
