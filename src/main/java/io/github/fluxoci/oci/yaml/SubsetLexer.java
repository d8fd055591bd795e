package io.github.fluxoci.oci.yaml;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * The pieces of one line of YAML's simple block subset ({@link SkippableBlock}, {@link SubsetComposer}): keys, one-line
 * scalars, anchors, trailing comments, each recognised only where SnakeYAML's scanner reads it the same way. Every
 * method looks at {@code t[from..end)}, one line's content, and answers -1 (or false) for anything outside the subset.
 */
final class SubsetLexer {

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private SubsetLexer() {
    }

    static boolean wordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '/';
    }

    static boolean wordPart(char c) {
        return wordStart(c) || c == '-';
    }

    static boolean anchorChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** The offset of the line feed that ends the line starting at {@code pos}, or the text's length. */
    static int lineFeed(char[] t, int pos) {
        int lf = pos;
        while (lf < t.length && t[lf] != '\n') {
            lf++;
        }
        return lf;
    }

    /** Where the content of the line from {@code pos} to its {@code lineFeed} ends: before "\r\n" or "\n". */
    static int contentEnd(char[] t, int pos, int lineFeed) {
        return lineFeed < t.length && lineFeed > pos && t[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
    }

    static int skipSpaces(char[] t, int from, int end) {
        int i = from;
        while (i < end && t[i] == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The offset of the colon after a key at {@code a}: a plain word of letters, digits and {@code _ . / -} (not
     * starting with {@code -}) or a one-line quoted string, followed by a colon and a space or the line's end.
     */
    static int keyColon(char[] t, int a, int end) {
        char c = t[a];
        int close;
        if (c == '"' || c == '\'') {
            close = closingQuote(t, a, end);
            if (close < 0) {
                return -1;
            }
            close++;
        } else {
            if (!wordStart(c)) {
                return -1;
            }
            close = a + 1;
            while (close < end && wordPart(t[close])) {
                close++;
            }
        }
        if (close - a > 1000 || close >= end || t[close] != ':' || (close + 1 < end && t[close + 1] != ' ')) {
            return -1;
        }
        return close;
    }

    /** The value of the key between {@code a} and its colon. */
    static String keyValue(char[] t, int a, int colon) {
        return quotedOrPlain(t, a, colon);
    }

    static ScalarStyle style(char first) {
        return first == '"' ? ScalarStyle.DOUBLE_QUOTED : first == '\'' ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
    }

    /** The value of a one-line scalar from {@code a} to {@code end} (quotes included, if any). */
    static String quotedOrPlain(char[] t, int a, int end) {
        char c = t[a];
        if (c == '"') {
            return new String(t, a + 1, end - a - 2);
        }
        if (c == '\'') {
            String s = new String(t, a + 1, end - a - 2);
            return s.indexOf('\'') >= 0 ? s.replace("''", "'") : s;
        }
        return new String(t, a, end - a);
    }

    /**
     * The closing quote of a one-line quoted scalar at {@code a}, or -1: a double-quoted one holds no backslash (no
     * escapes), a single-quoted one may hold {@code ''}.
     */
    static int closingQuote(char[] t, int a, int end) {
        char q = t[a];
        int i = a + 1;
        while (i < end) {
            char c = t[i];
            if (q == '"' && c == '\\') {
                return -1;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < end && t[i + 1] == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Nothing but spaces up to the line's end, or spaces and then a comment. */
    static boolean onlyComment(char[] t, int from, int end) {
        int i = skipSpaces(t, from, end);
        return i == end || (t[i] == '#' && i > from);
    }

    /**
     * The end of a one-line plain scalar at {@code v} (after its last character that is not a space, before any
     * comment), or -1: no indicator first, no ": " inside, no ":" at its end.
     */
    static int plainEnd(char[] t, int v, int end) {
        char c = t[v];
        if (INDICATORS.indexOf(c) >= 0 && !(c == '-' && v + 1 < end && t[v + 1] != ' ')) {
            return -1;
        }
        int last = v + 1;
        for (int i = v; i < end; i++) {
            char x = t[i];
            if (x == '#' && t[i - 1] == ' ') {
                break; // a comment ends it
            }
            if (x == ':' && (i + 1 == end || t[i + 1] == ' ')) {
                return -1;
            }
            if (x != ' ') {
                last = i + 1;
            }
        }
        return last;
    }

    /** The end of an anchor at {@code v} ({@code &name}, then a space or the line's end), or -1. */
    static int anchorEnd(char[] t, int v, int end) {
        int e = v + 1;
        while (e < end && anchorChar(t[e])) {
            e++;
        }
        return e == v + 1 || (e < end && t[e] != ' ') ? -1 : e;
    }
}
