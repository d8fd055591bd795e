package io.github.fluxoci.oci.report;

/** Small helpers for Markdown tables. */
final class Markdown {

    private Markdown() {
    }

    /** A table cell: pipes escaped, line breaks folded, null as an em dash. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "—";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "").replace("\n", " ");
    }

    /** Inline code, or an em dash for null. */
    static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "—";
        }
        return "`" + text.replace("|", "\\|").replace("`", "'") + "`";
    }

    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
