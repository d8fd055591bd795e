package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * A block mapping that the parser need not read: the value of a key whose line ends after the colon, checked line by
 * line to lie in a subset of YAML where that check is exact. Inside the subset a line is a comment, a blank, a
 * {@code key: value} entry or a {@code - item}, keys are plain words or one-line quoted strings, values are one-line
 * plain or quoted scalars, one-line flow collections of those, or literal/folded block scalars without an indentation
 * indicator, optionally after an anchor, with the nesting SnakeYAML's scanner derives from the indentation (compact
 * {@code - key: v} items and sequences at their key's indentation included), in characters SnakeYAML reads as
 * printable. Within the subset the block is valid YAML, its keys (and so its duplicate keys) are known, and its
 * extent is its lines; anything else (a tag, an alias, a multi-line or escaped scalar, a tab outside a block scalar
 * or comment, a mis-indented line...) returns null, and the caller lets SnakeYAML read the block. An anchor is only
 * in the subset because the caller skips no block of a file that holds an alias.
 *
 * <p>Positions: offsets into the text; lines relative to the caller's line numbering.
 */
final class SkippableBlock {

    /** A key of the block: where it starts and ends (offsets), its line, value and style. */
    record Key(int offset, int endOffset, int line, String value, ScalarStyle style) {
    }

    /** The first key (the mapping starts there). */
    final Key first;
    /** Offset just after the last character of the block's last line (its line break is not part of it). */
    final int end;
    /** Line of {@link #end}. */
    final int endLine;
    /** Keys that repeat a key of their own mapping (each later occurrence), in text order. */
    final List<Key> duplicates;

    private SkippableBlock(Key first, int end, int endLine, List<Key> duplicates) {
        this.first = first;
        this.end = end;
        this.endLine = endLine;
        this.duplicates = duplicates;
    }

    /**
     * The block mapping whose lines start at {@code from} (line {@code line}) as the value of a key at column
     * {@code keyColumn}, or null when the lines are not a non-empty block mapping within the subset, or nest more than
     * {@code maxLevels} collections deep.
     */
    static SkippableBlock read(char[] text, int from, int line, int keyColumn, int maxLevels) {
        return new Reader(text, maxLevels).read(from, line, keyColumn);
    }

    /** The line by line check; one per block. */
    private static final class Reader {
        private final char[] t;
        private final int n;
        private final int maxLevels;
        private final int[] indents;
        private final boolean[] sequence;
        private final boolean[] indentless;
        private final List<Set<String>> keys = new ArrayList<>();
        private int depth;
        /** A key or item whose value starts on a later line, and the indentation of its collection. */
        private boolean pending;
        private boolean pendingKey;
        private int pendingIndent;
        /** The line being read: its start, line number, end of content (before "\r\n" or "\n"), line break end. */
        private int pos;
        private int line;
        private int contentEnd;
        private int next;
        private int lastEnd = -1;
        private int lastEndLine;
        private Key first;
        private final List<Key> duplicates = new ArrayList<>(0);
        /** The key just read by {@link #key}. */
        private String keyValue;
        private ScalarStyle keyStyle;
        private int keyEnd;

        Reader(char[] text, int maxLevels) {
            this.t = text;
            this.n = text.length;
            this.maxLevels = Math.max(1, maxLevels);
            this.indents = new int[this.maxLevels];
            this.sequence = new boolean[this.maxLevels];
            this.indentless = new boolean[this.maxLevels];
        }

        SkippableBlock read(int from, int fromLine, int keyColumn) {
            pos = from;
            line = fromLine;
            pending = true;
            pendingKey = true;
            pendingIndent = keyColumn;
            while (pos < n) {
                scanLine();
                int indent = spaces(Integer.MAX_VALUE);
                int a = pos + indent;
                if (a == contentEnd || t[a] == '#') {
                    if (!printable(a, contentEnd, true)) {
                        return null;
                    }
                    advance();
                    continue;
                }
                if (indent <= keyColumn) {
                    break;
                }
                int start = pos;
                content(contentEnd);
                if (!printable(a, contentEnd, false) || !contentLine(indent, a)) {
                    return null;
                }
                if (pos == start) {
                    advance();
                }
            }
            return first == null ? null : new SkippableBlock(first, lastEnd, lastEndLine, duplicates);
        }

        /** Finds the end of the line at {@link #pos}: its content ends before "\r\n" or "\n". */
        private void scanLine() {
            int lf = SubsetLexer.lineFeed(t, pos);
            contentEnd = SubsetLexer.contentEnd(t, pos, lf);
            next = lf < n ? lf + 1 : n;
        }

        /** Leading spaces of the line at {@link #pos}, at most {@code max}. */
        private int spaces(int max) {
            int k = 0;
            while (k < max && pos + k < contentEnd && t[pos + k] == ' ') {
                k++;
            }
            return k;
        }

        private void advance() {
            pos = next;
            line++;
        }

        private void content(int end) {
            lastEnd = end;
            lastEndLine = line;
        }

        private boolean printable(int from, int to, boolean tabs) {
            return SkippableBlock.printable(t, from, to, tabs);
        }

        /**
         * One content line at {@code indent}, its first character at {@code a}; a block scalar's header reads the
         * scalar's lines too.
         */
        private boolean contentLine(int indent, int a) {
            boolean item = isItem(a);
            if (pending) {
                pending = false;
                if (indent > pendingIndent) {
                    if (depth == 0 && item) {
                        return false; // the block is a sequence, not a mapping
                    }
                    if (!push(item, indent, false)) {
                        return false;
                    }
                } else if (pendingKey && indent == pendingIndent && item && !push(true, indent, true)) {
                    return false;
                }
            }
            while (depth > 0 && indents[depth - 1] > indent) {
                depth--;
            }
            if (depth > 0 && sequence[depth - 1] && indentless[depth - 1] && !item && indents[depth - 1] == indent) {
                depth--; // a sequence at its key's indentation ends at the next key
            }
            if (depth == 0 || indents[depth - 1] != indent || sequence[depth - 1] != item) {
                return false;
            }
            return item ? item(indent, a) : key(a) && entryAfterKey(a);
        }

        private boolean isItem(int a) {
            return t[a] == '-' && (a + 1 == contentEnd || t[a + 1] == ' ');
        }

        private boolean push(boolean seq, int indent, boolean atKeyIndent) {
            if (depth == maxLevels) {
                return false;
            }
            indents[depth] = indent;
            sequence[depth] = seq;
            indentless[depth] = atKeyIndent;
            if (keys.size() == depth) {
                keys.add(new HashSet<>());
            } else {
                keys.get(depth).clear();
            }
            depth++;
            return true;
        }

        /** {@code - ...} in the sequence at {@code indent}. */
        private boolean item(int indent, int a) {
            int r = a + 1;
            while (r < contentEnd && t[r] == ' ') {
                r++;
            }
            if (r == contentEnd || t[r] == '#') {
                return valueOrNothing(r, indent, false);
            }
            if (isItem(r)) {
                return false; // "- - x": not in the subset
            }
            if (key(r)) {
                if (!push(false, indent + (r - a), false)) {
                    return false;
                }
                return entryAfterKey(r);
            }
            return value(r, indent, false);
        }

        private int skipSpaces(int from) {
            return SubsetLexer.skipSpaces(t, from, contentEnd);
        }

        private boolean onlyComment(int from) {
            return SubsetLexer.onlyComment(t, from, contentEnd);
        }

        private int closingQuote(int a) {
            return SubsetLexer.closingQuote(t, a, contentEnd);
        }

        /** A key at {@code a} (see {@link SubsetLexer#keyColon}); sets keyValue, keyStyle and keyEnd. */
        private boolean key(int a) {
            int colon = SubsetLexer.keyColon(t, a, contentEnd);
            if (colon < 0) {
                return false;
            }
            keyEnd = colon;
            keyValue = SubsetLexer.keyValue(t, a, colon);
            keyStyle = SubsetLexer.style(t[a]);
            return true;
        }

        private void noteKey(Set<String> seen, Key k) {
            if (!"<<".equals(k.value()) && !seen.add(k.value())) {
                duplicates.add(k);
            }
        }

        /**
         * The value at {@code v} of an entry ({@code ofKey}) or item, or, when the line ends there (a comment aside),
         * the note that its value starts on a later line (or is null).
         */
        private boolean valueOrNothing(int v, int indent, boolean ofKey) {
            if (v == contentEnd || t[v] == '#') {
                pending = true;
                pendingKey = ofKey;
                pendingIndent = indent;
                return true;
            }
            return value(v, indent, ofKey);
        }

        private boolean entryAfterKey(int a) {
            int mapIndent = indents[depth - 1];
            Key k = new Key(a, keyEnd, line, keyValue, keyStyle);
            if (first == null) {
                first = k;
            }
            noteKey(keys.get(depth - 1), k);
            return valueOrNothing(skipSpaces(keyEnd + 1), mapIndent, true);
        }

        /** The value at {@code v} of an entry or item whose collection is at {@code indent}. */
        private boolean value(int v, int indent, boolean ofKey) {
            char c = t[v];
            switch (c) {
                case '"', '\'' -> {
                    int close = closingQuote(v);
                    return close >= 0 && onlyComment(close + 1);
                }
                case '[', '{' -> {
                    int end = flow(v, depth + 1);
                    return end >= 0 && onlyComment(end);
                }
                case '&' -> {
                    int e = SubsetLexer.anchorEnd(t, v, contentEnd);
                    if (e < 0) {
                        return false;
                    }
                    int w = skipSpaces(e);
                    return w < contentEnd && t[w] == '&' ? false : valueOrNothing(w, indent, ofKey);
                }
                case '|', '>' -> {
                    int h = v + 1;
                    if (h < contentEnd && (t[h] == '-' || t[h] == '+')) {
                        h++;
                    }
                    if (h < contentEnd && t[h] != ' ') {
                        return false; // an indentation indicator, or anything else
                    }
                    return onlyComment(h) && blockScalar(indent + 1);
                }
                default -> {
                    return SubsetLexer.plainEnd(t, v, contentEnd) >= 0;
                }
            }
        }

        /**
         * A flow collection at {@code p} that closes on its line: items and values are words, one-line quoted
         * strings or such collections, keys words or quoted strings followed by ": ", entries separated by commas
         * (none after the last). Returns the offset after its closing bracket, or -1.
         */
        private int flow(int p, int level) {
            if (level > maxLevels) {
                return -1;
            }
            boolean map = t[p] == '{';
            char close = map ? '}' : ']';
            Set<String> seen = map ? new HashSet<>() : null;
            int i = skipSpaces(p + 1);
            if (i < contentEnd && t[i] == close) {
                return i + 1;
            }
            while (i < contentEnd) {
                if (map) {
                    if (!key(i) || keyEnd + 1 >= contentEnd) {
                        return -1;
                    }
                    noteKey(seen, new Key(i, keyEnd, line, keyValue, keyStyle));
                    i = skipSpaces(keyEnd + 1);
                    if (i >= contentEnd) {
                        return -1;
                    }
                }
                i = flowNode(i, level);
                if (i < 0) {
                    return -1;
                }
                i = skipSpaces(i);
                if (i >= contentEnd) {
                    return -1;
                }
                if (t[i] == close) {
                    return i + 1;
                }
                if (t[i] != ',') {
                    return -1;
                }
                i = skipSpaces(i + 1);
                if (i < contentEnd && t[i] == close) {
                    return -1; // a comma after the last entry: not in the subset
                }
            }
            return -1;
        }

        private int flowNode(int i, int level) {
            char c = t[i];
            if (c == '[' || c == '{') {
                return flow(i, level + 1);
            }
            if (c == '"' || c == '\'') {
                int close = closingQuote(i);
                return close < 0 ? -1 : close + 1;
            }
            if (!SubsetLexer.wordStart(c)) {
                return -1;
            }
            int e = i + 1;
            while (e < contentEnd && SubsetLexer.wordPart(t[e])) {
                e++;
            }
            return e;
        }

        /**
         * The lines of a block scalar whose header ends the current line, read as SnakeYAML's scanner reads them: the
         * indentation is the largest of {@code minIndent}, the leading blank lines' and the first non-blank line's;
         * a line belongs to the scalar when it is blank or has that many spaces. Leaves {@link #pos} at the first
         * line after the scalar. False for a character outside printable ASCII and tabs.
         */
        private boolean blockScalar(int minIndent) {
            advance();
            int maxIndent = 0;
            int firstIndent = -1;
            while (pos < n) {
                scanLine();
                int k = spaces(Integer.MAX_VALUE);
                maxIndent = Math.max(maxIndent, k);
                if (pos + k < contentEnd) {
                    firstIndent = k;
                    break;
                }
                advance();
            }
            int indent = Math.max(minIndent, maxIndent);
            if (firstIndent != indent) {
                return true; // empty: the line is read as structure
            }
            while (pos < n) {
                scanLine();
                int k = spaces(indent);
                if (pos + k < contentEnd) {
                    if (k < indent) {
                        return true; // the line ends the scalar
                    }
                    if (!printable(pos + k, contentEnd, true)) {
                        return false;
                    }
                    content(contentEnd);
                }
                advance();
            }
            return true;
        }
    }

    /**
     * Characters SnakeYAML reads as printable and counts as one column each (tabs only where {@code tabs}): not a
     * control character, a carriage return outside "\r\n", a line break of its own (U+0085, U+2028, U+2029), a byte
     * order mark, a lone surrogate.
     */
    static boolean printable(char[] t, int from, int to, boolean tabs) {
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c >= 0x20 && c <= 0x7E || tabs && c == '\t') {
                continue;
            }
            if (c < 0xA0 || c > 0xFFFD || c == 0xFEFF || c == 0x2028 || c == 0x2029 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= to || !Character.isLowSurrogate(t[i + 1])) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
