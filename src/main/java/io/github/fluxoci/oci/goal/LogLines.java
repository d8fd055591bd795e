package io.github.fluxoci.oci.goal;

/**
 * A log line that stays one line: every line break and control character a value from the tree or a registry may
 * carry is shown escaped ({@code \n}, {@code \r}, {@code \u2028}, ...), so no value can start a line of the build's
 * output, forge a log level, or start a GitHub Actions workflow command ({@code ::error ...},
 * {@code ::stop-commands::}), which the runner reads only at the start of a line.
 */
public final class LogLines {

    private LogLines() {}

    public static String oneLine(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(line.length() + 16).append(line, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? line : out.toString();
    }

    /** How a character is shown, or null when it is shown as it is. */
    private static String escape(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        int type = Character.getType(c);
        boolean breaks = (type == Character.CONTROL && c != '\t') || c == '\u2028' || c == '\u2029';
        boolean invisible = type == Character.FORMAT && c != '\u200d';
        if (breaks || invisible) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
