package io.github.fluxoci.oci.yaml;

import java.util.List;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds {@link TextEdit}s for one parsed file in the file's own style: quote style of the scalar
 * being replaced, indentation width, sequence indentation, and line ending. New blocks are given
 * with {@code \n} line breaks and two spaces per nesting level; they are re-indented to the file's
 * unit and column.
 *
 * <p>Whole entries are located by lines, not by node end marks: the end mark of a block collection
 * runs past trailing comments and blank lines that belong to what follows.
 *
 * <p>Large because every edit the plugin makes to existing text is here, sharing one model of indentation, line
 * ends, comments and scalar styles; splitting it would split that model.
 */
public final class YamlEdits {

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./$^(=+~][^\\n\\r\\t#,\\[\\]{}]*");
    private static final Resolver RESOLVER = new Resolver();

    private final YamlFile file;
    private final String text;
    private int indentUnit = -1;

    public YamlEdits(YamlFile file) {
        this.file = file;
        this.text = file.text();
    }

    public YamlFile file() {
        return file;
    }

    // ---------------------------------------------------------------- scalars

    /** Replaces a scalar's value, keeping its quote style (a plain scalar is quoted only where it must be). */
    public TextEdit replaceScalar(ScalarNode node, String value) {
        int start = valueStart(node);
        int end = file.endOffset(node);
        return new TextEdit(start, end, formatScalar(node, value));
    }

    /** The scalar text that a node of the same style would need to hold {@code value}. */
    public static String formatScalar(ScalarNode like, String value) {
        ScalarStyle style = like.getScalarStyle();
        if (style == ScalarStyle.SINGLE_QUOTED && value.indexOf('\n') < 0) {
            return singleQuoted(value);
        }
        if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            return doubleQuoted(value);
        }
        if (style != ScalarStyle.PLAIN) {
            throw new EditConflictException("cannot replace a block scalar (| or >) in place");
        }
        Tag was = RESOLVER.resolve(NodeId.scalar, like.getValue(), true);
        return plainOrQuoted(value, was);
    }

    /** {@code value} as a plain scalar when it stays a plain scalar of tag {@code tag}, else double-quoted. */
    public static String plainOrQuoted(String value, Tag tag) {
        boolean safe = PLAIN_SAFE.matcher(value).matches()
                && !value.endsWith(" ")
                && !value.endsWith(":")
                && !value.contains(": ")
                && !value.contains(" #")
                && RESOLVER.resolve(NodeId.scalar, value, true).equals(tag);
        return safe ? value : doubleQuoted(value);
    }

    /** A string scalar: plain when YAML would read it back as that same string, else double-quoted. */
    public static String stringScalar(String value) {
        return plainOrQuoted(value, Tag.STR);
    }

    public static String singleQuoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String doubleQuoted(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A scalar's text as written (quotes included, anchor and tag left out). */
    public String sourceText(Node node) {
        return text.substring(valueStart(node), file.endOffset(node));
    }

    /** Offset where a node's own text starts, after any {@code &anchor} or {@code !tag} properties. */
    public int valueStart(Node node) {
        int p = file.startOffset(node);
        while (p < text.length() && (text.charAt(p) == '&' || text.charAt(p) == '!')) {
            while (p < text.length() && !Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
        }
        return p;
    }

    /**
     * True when an entry's value is an alias ({@code key: *name}): SnakeYAML hands back the anchored
     * node, whose marks lie where the anchor was defined, so editing it would edit every use.
     */
    public static boolean isAlias(NodeTuple entry) {
        return entry.getValueNode().getStartMark().getIndex()
                < entry.getKeyNode().getEndMark().getIndex();
    }

    // ---------------------------------------------------------------- mapping entries

    /** The lines that hold {@code key:} of a block mapping and its whole value. */
    public LineRange entryLines(MappingNode map, String key) {
        NodeTuple entry = ownEntry(map, key);
        Node keyNode = entry.getKeyNode();
        int keyOffset = file.startOffset(keyNode);
        int lineStart = file.lineStart(keyOffset);
        requireBlank(lineStart, keyOffset, "entry \"" + key + "\"");
        Node value = entry.getValueNode();
        // a block sequence may sit at the key's own indentation ("key:\n- a"): its dash lines belong to the entry
        boolean flushSequence = value instanceof SequenceNode seq
                && isBlock(seq)
                && !isAlias(entry)
                && !seq.getValue().isEmpty()
                && dashColumn(seq.getValue().get(0)) == keyOffset - lineStart;
        int end = blockEnd(keyOffset, keyOffset - lineStart, flushSequence);
        boolean blockCollection = (value instanceof MappingNode || value instanceof SequenceNode) && isBlock(value);
        if (!blockCollection && !isAlias(entry)) {
            int valueEnd = file.endOffset(value);
            end = Math.max(end, file.lineEnd(Math.max(valueEnd - 1, keyOffset)));
        }
        return new LineRange(lineStart, end);
    }

    /** Removes {@code key:} and its value, whole lines. */
    public TextEdit removeEntry(MappingNode map, String key) {
        LineRange r = entryLines(map, key);
        return TextEdit.delete(r.start(), r.end());
    }

    /** Replaces {@code key:} and its value by {@code block} (two-space relative indentation) at the same column. */
    public TextEdit replaceEntry(MappingNode map, String key, String block) {
        LineRange r = entryLines(map, key);
        int column = file.startOffset(ownEntry(map, key).getKeyNode()) - r.start();
        String replacement = indentBlock(block, column);
        if (r.end() == text.length() && !endsWithLineBreak(text)) {
            replacement = stripTrailingLineEnding(replacement);
        }
        return new TextEdit(r.start(), r.end(), replacement);
    }

    /** Inserts {@code block} as new entries of a block mapping, after {@code afterKey} or at the end. */
    public TextEdit insertEntry(MappingNode map, String block, String afterKey) {
        if (!isBlock(map) || map.getValue().isEmpty()) {
            throw new EditConflictException("can only insert into a non-empty block mapping");
        }
        List<NodeTuple> entries = map.getValue();
        String anchorKey = afterKey != null
                ? afterKey
                : ((ScalarNode) entries.get(entries.size() - 1).getKeyNode()).getValue();
        LineRange r = entryLines(map, anchorKey);
        int column = file.startOffset(entries.get(0).getKeyNode())
                - file.lineStart(file.startOffset(entries.get(0).getKeyNode()));
        String insert = indentBlock(block, column);
        if (r.end() == text.length() && !endsWithLineBreak(text)) {
            insert = file.lineEnding() + stripTrailingLineEnding(insert);
        }
        return TextEdit.insert(r.end(), insert);
    }

    // ---------------------------------------------------------------- sequences

    /** Inserts a scalar or block item into a sequence at {@code index} ({@code size()} appends). */
    public TextEdit insertSequenceItem(SequenceNode seq, int index, String item) {
        List<Node> items = seq.getValue();
        if (index < 0 || index > items.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (!isBlock(seq)) {
            return insertFlowItem(seq, index, item);
        }
        if (items.isEmpty()) {
            throw new EditConflictException("empty block sequence");
        }
        Node like = items.get(Math.min(index, items.size() - 1));
        int dash = dashOffset(like);
        int lineStart = file.lineStart(dash);
        requireBlank(lineStart, dash, "sequence item");
        int column = dash - lineStart;
        int itemStart = valueStart(like);
        String gap = file.lineStart(itemStart) == lineStart ? text.substring(dash + 1, itemStart) : " ";
        String[] lines = item.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == 0) {
                sb.append(" ".repeat(column)).append('-').append(gap).append(lines[0]);
            } else if (!lines[i].isEmpty()) {
                sb.append(" ".repeat(column + 1 + gap.length())).append(reindent(lines[i]));
            }
            sb.append(file.lineEnding());
        }
        String insert = sb.toString();
        int at;
        if (index < items.size()) {
            at = lineStart;
        } else {
            at = blockEnd(dash, column);
            if (at == text.length() && !endsWithLineBreak(text)) {
                insert = file.lineEnding() + stripTrailingLineEnding(insert);
            }
        }
        return TextEdit.insert(at, insert);
    }

    private TextEdit insertFlowItem(SequenceNode seq, int index, String item) {
        List<Node> items = seq.getValue();
        if (items.isEmpty()) {
            int close = file.endOffset(seq) - 1;
            return TextEdit.insert(close, item);
        }
        if (index < items.size()) {
            return TextEdit.insert(file.startOffset(items.get(index)), item + ", ");
        }
        return TextEdit.insert(file.endOffset(items.get(items.size() - 1)), ", " + item);
    }

    /** Offset of the {@code -} that introduces a block sequence item. */
    public int dashOffset(Node item) {
        int p = file.startOffset(item) - 1;
        while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        if (p < 0 || text.charAt(p) != '-') {
            throw new EditConflictException(
                    "no '-' before sequence item at line " + file.lineNumber(file.startOffset(item)));
        }
        return p;
    }

    private int dashColumn(Node item) {
        int dash = dashOffset(item);
        return dash - file.lineStart(dash);
    }

    /** The whole lines of a block sequence item (its dash line and every deeper line). */
    public LineRange itemLines(Node item) {
        int dash = dashOffset(item);
        int lineStart = file.lineStart(dash);
        requireBlank(lineStart, dash, "sequence item");
        int end = blockEnd(dash, dash - lineStart);
        if (!(item instanceof MappingNode || item instanceof SequenceNode) || !isBlock(item)) {
            end = Math.max(end, file.lineEnd(Math.max(file.endOffset(item) - 1, dash)));
        }
        return new LineRange(lineStart, end);
    }

    // ---------------------------------------------------------------- documents

    /**
     * Where document {@code index} begins: its {@code ---} line, with the comment and blank lines between that
     * marker and its content (a schema comment belongs to the document it precedes). Without a marker, the
     * first comment line above the content.
     */
    public int documentStart(int index) {
        Node root = file.documents().get(index);
        int p = file.lineStart(file.startOffset(root));
        while (p > 0) {
            int prev = file.lineStart(p - 1);
            String line = text.substring(prev, p).strip();
            if (line.startsWith("---")) {
                return prev;
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                break;
            }
            p = prev;
        }
        return p;
    }

    /** True when document {@code index} starts with an explicit {@code ---} marker. */
    public boolean hasDocumentMarker(int index) {
        int start = documentStart(index);
        return text.startsWith("---", start);
    }

    /** The whole text of document {@code index}: from its start to the next document's start (or the end). */
    public LineRange documentRange(int index) {
        int end = index + 1 < file.documents().size() ? documentStart(index + 1) : text.length();
        return new LineRange(documentStart(index), end);
    }

    /** Re-indents a document written with two spaces per level to the file's unit and line ending. */
    public String documentText(String document) {
        return indentBlock(document, 0);
    }

    // ---------------------------------------------------------------- layout

    /** The file's indentation step: the first nested block mapping's extra indentation, else 2. */
    public int indentUnit() {
        if (indentUnit < 0) {
            int found = 0;
            for (Node doc : file.documents()) {
                found = findIndent(doc, 0);
                if (found > 0) {
                    break;
                }
            }
            indentUnit = found > 0 ? found : 2;
        }
        return indentUnit;
    }

    private int findIndent(Node node, int depth) {
        if (depth > 20 || !(node instanceof MappingNode map) || !isBlock(map)) {
            return 0;
        }
        for (NodeTuple t : map.getValue()) {
            if (isAlias(t)) {
                continue;
            }
            Node value = t.getValueNode();
            if (value instanceof MappingNode child
                    && isBlock(child)
                    && !child.getValue().isEmpty()) {
                int keyCol = column(t.getKeyNode());
                int childCol = column(child.getValue().get(0).getKeyNode());
                if (childCol > keyCol
                        && file.lineNumber(file.startOffset(child))
                                > file.lineNumber(file.startOffset(t.getKeyNode()))) {
                    return childCol - keyCol;
                }
            }
        }
        for (NodeTuple t : map.getValue()) {
            int inner = isAlias(t) ? 0 : findIndent(t.getValueNode(), depth + 1);
            if (inner > 0) {
                return inner;
            }
        }
        return 0;
    }

    /** Column (0-based, in UTF-16 units from the line start) of a node's first character. */
    public int column(Node node) {
        int offset = file.startOffset(node);
        return offset - file.lineStart(offset);
    }

    /**
     * Re-indents a block written with two spaces per level to the file's unit, shifts it to {@code column},
     * and ends every line with the file's line ending.
     */
    public String indentBlock(String block, int column) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            sb.append(" ".repeat(column)).append(reindent(line)).append(file.lineEnding());
        }
        return sb.toString();
    }

    private String reindent(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return " ".repeat(spaces / 2 * indentUnit() + spaces % 2) + line.substring(spaces);
    }

    // ---------------------------------------------------------------- internals

    /**
     * End of the block that starts on the line of {@code from}: every following line that is deeper
     * than {@code indent}, plus blank and comment lines between such lines (not after the last one).
     */
    int blockEnd(int from, int indent) {
        return blockEnd(from, indent, false);
    }

    private int blockEnd(int from, int indent, boolean dashesAtIndent) {
        int end = file.lineEnd(from);
        int p = end;
        while (p < text.length()) {
            int lineEnd = file.lineEnd(p);
            int i = p;
            while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            boolean blank = i >= lineEnd || text.charAt(i) == '\n' || text.charAt(i) == '\r';
            boolean comment = !blank && text.charAt(i) == '#';
            int lineIndent = i - p;
            if (!blank && !comment) {
                boolean dash = dashesAtIndent
                        && lineIndent == indent
                        && text.charAt(i) == '-'
                        && (i + 1 >= lineEnd || Character.isWhitespace(text.charAt(i + 1)));
                if (lineIndent <= indent && !dash) {
                    break;
                }
                end = lineEnd;
            } else if (comment && lineIndent > indent) {
                end = lineEnd;
            }
            p = lineEnd;
        }
        return end;
    }

    private NodeTuple ownEntry(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t;
            }
        }
        throw new EditConflictException(
                "no entry \"" + key + "\" in the mapping at line " + file.lineNumber(file.startOffset(map)));
    }

    private void requireBlank(int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                throw new EditConflictException(what + " at line " + file.lineNumber(to)
                        + " does not start its own line; it cannot be edited by lines");
            }
        }
    }

    private static boolean isBlock(Node node) {
        if (node instanceof MappingNode m) {
            return m.getFlowStyle() == FlowStyle.BLOCK;
        }
        if (node instanceof SequenceNode s) {
            return s.getFlowStyle() == FlowStyle.BLOCK;
        }
        return false;
    }

    private static boolean endsWithLineBreak(String s) {
        return s.endsWith("\n") || s.endsWith("\r");
    }

    private String stripTrailingLineEnding(String s) {
        String le = file.lineEnding();
        return s.endsWith(le) ? s.substring(0, s.length() - le.length()) : s;
    }
}
