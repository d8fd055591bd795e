package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The {@code spec.values} blocks of a file's HelmReleases that SnakeYAML need not read: most of a release file, and a
 * tree's goals read none of it ({@link YamlFile#dropValue} drops it after parsing). Found in the text (a line
 * {@code values:} directly under a column-0 {@code spec:}) and checked line by line ({@link SkippableBlock}); the
 * parser then reads the text without those lines ({@link Shortened}: its marks are put back where they are in the
 * whole text, so every other node keeps its position), and each block becomes the empty mapping {@code dropValue}
 * leaves, with the same positions, and with the block's duplicate keys kept for {@link YamlFile#duplicateKeys()}. A block is only taken for what it is once the
 * parsed tree confirms that its key is the first {@code values} of the {@code spec} of a document the caller names a
 * HelmRelease, in block style; anything else, and the caller parses the text as it is.
 */
final class SkippedValues {

    private static final int[] NO_WINDOW = new int[0];

    /** A skippable block: the offset of its {@code values} key, the start of its first line, and the block. */
    record Candidate(int keyOffset, int from, SkippableBlock block) {
    }

    private SkippedValues() {
    }

    /**
     * The blocks of {@code text} ({@code t} its characters) that can be skipped; none in a text that may hold an alias
     * (a {@code *}).
     */
    static List<Candidate> find(String text, char[] t, int maxLevels) {
        if (!text.contains("HelmRelease") || !text.contains("values:") || text.indexOf('*') >= 0) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(1);
        int n = t.length;
        int pos = 0;
        boolean inSpec = false;
        int childIndent = -1;
        while (pos < n) {
            int lf = SubsetLexer.lineFeed(t, pos);
            int end = SubsetLexer.contentEnd(t, pos, lf);
            int next = lf < n ? lf + 1 : n;
            int k = 0;
            while (pos + k < end && t[pos + k] == ' ') {
                k++;
            }
            int a = pos + k;
            if (a < end && t[a] != '#') {
                if (k == 0) {
                    inSpec = text.startsWith("spec:", a) && onlyComment(t, a + 5, end);
                    childIndent = -1;
                } else if (inSpec) {
                    if (childIndent < 0) {
                        childIndent = k;
                    }
                    if (k == childIndent && text.startsWith("values:", a) && onlyComment(t, a + 7, end)) {
                        SkippableBlock block = SkippableBlock.read(t, next, 1, k, maxLevels);
                        if (block != null) {
                            out.add(new Candidate(a, next, block));
                            next = block.end; // the rest of its last line is read next
                        }
                    }
                }
            }
            pos = next;
        }
        return out;
    }

    private static boolean onlyComment(char[] t, int from, int end) {
        int i = from;
        while (i < end && t[i] == ' ') {
            i++;
        }
        if (i == end) {
            return true;
        }
        // a comment, without a line break SnakeYAML knows and this scan does not
        return t[i] == '#' && i > from && SkippableBlock.printable(t, i, end, true);
    }

    /**
     * The text the parser reads: the candidates' lines taken out (from the first line of each block to the end of its
     * last, which leaves an empty line), and how to put SnakeYAML's marks, which count code points in the text it
     * reads, back where they are in the whole text. Per block: where it was taken out (a code point index into the
     * shortened text), and the code points, line breaks and columns (of its last line) it held.
     */
    record Shortened(String text, int[] at, int[] codePoints, int[] lines, int[] columns) {

        /** A text read whole. */
        static Shortened whole(String text) {
            return new Shortened(text, new int[0], new int[0], new int[0], new int[0]);
        }

        /** A mark of the whole text from a position in the shortened one. */
        Mark mark(int index, int line, int column) {
            int i = index;
            int l = line;
            int c = column;
            for (int k = 0; k < at.length && at[k] <= index; k++) {
                i += codePoints[k];
                l += lines[k];
                if (index == at[k]) {
                    c += columns[k]; // on the emptied line: where the block's last line ended
                }
            }
            return new Mark("'reader'", i, l, c, NO_WINDOW, 0);
        }
    }

    static Shortened shorten(String text, List<Candidate> candidates, boolean surrogates) {
        int size = candidates.size();
        int[] at = new int[size];
        int[] codePoints = new int[size];
        int[] lines = new int[size];
        int[] columns = new int[size];
        StringBuilder b = new StringBuilder(text.length());
        int previous = 0;
        int removed = 0;
        for (int k = 0; k < size; k++) {
            Candidate c = candidates.get(k);
            int from = c.from();
            int end = c.block().end;
            b.append(text, previous, from);
            at[k] = (surrogates ? text.codePointCount(0, from) : from) - removed;
            codePoints[k] = surrogates ? text.codePointCount(from, end) : end - from;
            lines[k] = c.block().endLine - 1;
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            columns[k] = surrogates ? text.codePointCount(lineStart, end) : end - lineStart;
            removed += codePoints[k];
            previous = end;
        }
        b.append(text, previous, text.length());
        return new Shortened(b.toString(), at, codePoints, lines, columns);
    }

    /** True when a character of the text takes two UTF-16 units (instant for a text of Latin-1 characters). */
    static boolean hasSurrogates(String text) {
        return text.codePointCount(0, text.length()) != text.length();
    }

    /**
     * Puts, in the tree parsed from the shortened text, the empty mapping of each candidate in place of the empty value
     * its key got, and adds the blocks' duplicate keys to {@code duplicates}. False (the tree is then unusable) when a
     * candidate is not the first {@code spec.values} of a block-style document that {@code release} accepts.
     */
    static boolean substitute(String text, boolean surrogates, List<Node> documents, List<Candidate> candidates,
            Predicate<MappingNode> release, Resolver resolver, List<ScalarNode> duplicates) {
        for (Candidate c : candidates) {
            if (!substitute(text, surrogates, documents, c, release, resolver, duplicates)) {
                return false;
            }
        }
        return true;
    }

    private static boolean substitute(String text, boolean surrogates, List<Node> documents, Candidate c,
            Predicate<MappingNode> release, Resolver resolver, List<ScalarNode> duplicates) {
        ValuesEntry values = firstValues(documents, surrogates ? text.codePointCount(0, c.keyOffset()) : c.keyOffset(),
                release);
        if (values == null || !(values.entry().getValueNode() instanceof ScalarNode empty) || !empty.getValue().isEmpty()
                || empty.getScalarStyle() != ScalarStyle.PLAIN) {
            return false; // the parser gave the key an empty value: its lines were taken out
        }
        int keyLine = values.key().getStartMark().getLine();
        Mark end = nextToken(text, surrogates, c.block().end, keyLine + c.block().endLine);
        if (end == null) {
            return false;
        }
        MappingNode placeholder = new MappingNode(Tag.MAP, true, new ArrayList<>(0),
                mark(text, surrogates, c.block().first.offset(), keyLine + c.block().first.line()), end, FlowStyle.BLOCK);
        values.entries().set(values.index(), new NodeTuple(values.key(), placeholder));
        addDuplicates(text, surrogates, c.block(), keyLine, resolver, duplicates);
        return true;
    }

    /** An entry of a spec: the spec's entries and its index among them. */
    record ValuesEntry(List<NodeTuple> entries, int index) {

        NodeTuple entry() {
            return entries.get(index);
        }

        ScalarNode key() {
            return (ScalarNode) entry().getKeyNode();
        }
    }

    /**
     * The first {@code values} entry of the spec of the block-style document holding the code point index
     * {@code keyIndex}, when {@code release} accepts that document and the entry's key is plain and starts there; null
     * otherwise (a skipped block is then not what its text looked like).
     */
    static ValuesEntry firstValues(List<Node> documents, int keyIndex, Predicate<MappingNode> release) {
        for (Node doc : documents) {
            if (!(doc instanceof MappingNode root) || root.getFlowStyle() != FlowStyle.BLOCK
                    || root.getStartMark().getIndex() > keyIndex || root.getEndMark().getIndex() < keyIndex) {
                continue;
            }
            if (!release.test(root) || !(Nodes.get(root, "spec") instanceof MappingNode spec)
                    || spec.getFlowStyle() != FlowStyle.BLOCK) {
                return null;
            }
            List<NodeTuple> tuples = spec.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                if (tuples.get(i).getKeyNode() instanceof ScalarNode key && "values".equals(key.getValue())) {
                    return key.getStartMark().getIndex() == keyIndex && key.getScalarStyle() == ScalarStyle.PLAIN
                            ? new ValuesEntry(tuples, i) : null;
                }
            }
            return null;
        }
        return null;
    }

    /** Adds the nodes of a skipped block's duplicate keys, as the parser would have made them; its key on line keyLine. */
    static void addDuplicates(String text, boolean surrogates, SkippableBlock block, int keyLine, Resolver resolver,
            List<ScalarNode> duplicates) {
        for (SkippableBlock.Key k : block.duplicates) {
            Tag tag = resolver.resolve(NodeId.scalar, k.value(), k.style() == ScalarStyle.PLAIN);
            duplicates.add(new ScalarNode(tag, true, k.value(), mark(text, surrogates, k.offset(), keyLine + k.line()),
                    mark(text, surrogates, k.endOffset(), keyLine + k.line()), k.style()));
        }
    }

    /** SnakeYAML's mark of an offset on a line that holds no line break but "\n" before it: code points count. */
    static Mark mark(String text, boolean surrogates, int offset, int line) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return surrogates
                ? new Mark("'reader'", text.codePointCount(0, offset), line, text.codePointCount(lineStart, offset),
                        NO_WINDOW, 0)
                : new Mark("'reader'", offset, line, offset - lineStart, NO_WINDOW, 0);
    }

    /**
     * Where SnakeYAML's scanner finds the next token after {@code from} (line {@code line}): past spaces, comments and
     * line breaks, as its {@code scanToNextToken} goes; the block that ends before it ends there. Null for a byte
     * order mark on the way (it does not count as a column).
     */
    static Mark nextToken(String text, boolean surrogates, int from, int line) {
        int n = text.length();
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int i = from;
        int column = surrogates ? text.codePointCount(lineStart, from) : from - lineStart;
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
                column++;
            }
            if (i < n && text.charAt(i) == '#') {
                while (i < n && !lineBreak(text.charAt(i)) && text.charAt(i) != '\0') {
                    char c = text.charAt(i);
                    if (c == '\uFEFF') {
                        return null;
                    }
                    column += Character.isLowSurrogate(c) ? 0 : 1;
                    i++;
                }
            }
            if (i < n && lineBreak(text.charAt(i))) {
                i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                column = 0;
                continue;
            }
            return new Mark("'reader'", surrogates ? text.codePointCount(0, i) : i, line, column, NO_WINDOW, 0);
        }
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
