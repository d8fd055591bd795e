package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes a text that lies wholly in YAML's simple block subset into the nodes SnakeYAML's composer gives it, with
 * the same positions, tags, styles and anchors, without SnakeYAML's scanner and parser: in a cold JVM they are most
 * of a tree's load (a large state machine run once per file, interpreted before it is compiled). The subset is the
 * one of {@link SkippableBlock} for the structure (entries, items, compact mappings in items, sequences at their
 * key's indentation), with one-line plain and quoted scalars, empty flow collections, anchors and aliases (an alias
 * is the anchored node itself, as SnakeYAML's composer gives it), comments, {@code ---} and {@code ...} markers, each
 * document a mapping at column 0. Anything else (a tag, a merge key, an alias of a collection it is inside, a block
 * scalar or flow collection outside a skipped block, a multi-line or escaped scalar, a tab, a character beyond one
 * UTF-16 unit, an empty document, a directive...) gives null, and SnakeYAML reads the text.
 *
 * <p>The blocks {@link SkippedValues} found become the empty mapping {@link YamlFile#dropValue} leaves, once the
 * composed tree shows each is the first {@code spec.values} of a document {@code release} accepts.
 */
final class SubsetComposer {

    private static final int[] NO_WINDOW = new int[0];

    private final String text;
    private final char[] t;
    private final int n;
    private final Resolver resolver;
    private final int maxLevels;
    private final int maxCollectionAliases;
    private int collectionAliases;
    /** The anchors of the current document (SnakeYAML's composer forgets them at each document's end). */
    private final Map<String, Node> anchors = new HashMap<>();
    private final List<SkippedValues.Candidate> skipped;
    private int nextSkipped;
    private final Map<SkippedValues.Candidate, MappingNode> placeholders = new IdentityHashMap<>();

    private final CollectionNode<?>[] nodes;
    private final int[] indents;
    private final boolean[] indentless;
    private int depth;
    private final List<Node> documents = new ArrayList<>();
    /** The current document has content; it was opened by "---"; "..." ended it. */
    private boolean open;
    private boolean explicit;
    private boolean ended;

    /** A key or item whose value starts on a later line: its key (null for an item), indentation, marks, anchor. */
    private boolean pending;
    private ScalarNode pendingKey;
    private int pendingIndent;
    private Mark pendingEmpty;
    private String pendingAnchor;
    private Mark pendingAnchorMark;

    private int pos;
    private int line;
    private int contentEnd;
    private int next;

    private SubsetComposer(String text, char[] t, List<SkippedValues.Candidate> skipped, Resolver resolver,
            int maxLevels, int maxCollectionAliases) {
        this.text = text;
        this.t = t;
        this.n = t.length;
        this.resolver = resolver;
        this.maxLevels = Math.max(1, maxLevels);
        this.maxCollectionAliases = maxCollectionAliases;
        this.skipped = skipped;
        this.nodes = new CollectionNode<?>[this.maxLevels];
        this.indents = new int[this.maxLevels];
        this.indentless = new boolean[this.maxLevels];
    }

    /**
     * The documents of {@code text}, or null when it is not wholly in the subset or a skipped block is not what the
     * tree confirms; {@code duplicates} receives the skipped blocks' duplicate keys. At most
     * {@code maxCollectionAliases} aliases of collections, as SnakeYAML's limit.
     */
    static List<Node> compose(String text, char[] t, List<SkippedValues.Candidate> skipped,
            Predicate<MappingNode> release, Resolver resolver, int maxLevels, int maxCollectionAliases,
            List<ScalarNode> duplicates) {
        if (SkippedValues.hasSurrogates(text)) {
            return null;
        }
        SubsetComposer c = new SubsetComposer(text, t, skipped, resolver, maxLevels, maxCollectionAliases);
        if (!c.read()) {
            return null;
        }
        for (SkippedValues.Candidate candidate : skipped) {
            // each placeholder is the value of the first spec.values of a release document, at its key
            MappingNode placeholder = c.placeholders.get(candidate);
            SkippedValues.ValuesEntry values = SkippedValues.firstValues(c.documents, candidate.keyOffset(), release);
            if (placeholder == null || values == null || values.entry().getValueNode() != placeholder) {
                return null;
            }
            SkippedValues.addDuplicates(text, false, candidate.block(), values.key().getStartMark().getLine(), resolver,
                    duplicates);
        }
        return c.documents;
    }

    private static Mark mark(int index, int line, int column) {
        return new Mark("'reader'", index, line, column, NO_WINDOW, 0);
    }

    private Mark markAt(int offset) {
        return mark(offset, line, offset - pos);
    }

    private boolean read() {
        while (pos < n) {
            int lf = SubsetLexer.lineFeed(t, pos);
            contentEnd = SubsetLexer.contentEnd(t, pos, lf);
            next = lf < n ? lf + 1 : n;
            int indent = SubsetLexer.skipSpaces(t, pos, contentEnd) - pos;
            int a = pos + indent;
            if (a == contentEnd || t[a] == '#') {
                if (!SkippableBlock.printable(t, a, contentEnd, true)) {
                    return false;
                }
            } else if (!SkippableBlock.printable(t, a, contentEnd, false) || !contentLine(indent, a)) {
                return false;
            }
            pos = next;
            line++;
        }
        // the end of the text: after its last line feed, or on its last line when it ends without one
        int breaks = n > 0 && t[n - 1] != '\n' ? line - 1 : line;
        return endDocument(mark(n, breaks, n - (text.lastIndexOf('\n') + 1)));
    }

    private boolean marker(int a, char c) {
        return a + 3 <= contentEnd && t[a] == c && t[a + 1] == c && t[a + 2] == c
                && (a + 3 == contentEnd || t[a + 3] == ' ');
    }

    private boolean contentLine(int indent, int a) {
        if (indent == 0 && (marker(a, '-') || marker(a, '.'))) {
            boolean start = t[a] == '-';
            if (!SubsetLexer.onlyComment(t, a + 3, contentEnd) || (!start && !open)) {
                return false;
            }
            if (!endDocument(markAt(a))) {
                return false;
            }
            explicit = start;
            ended = !start;
            return true;
        }
        if (indent == 0 && t[a] == '%') {
            return false;
        }
        if (!open) {
            if (ended || indent != 0 || isItem(a)) {
                return false; // content after "..." without "---", an indented or non-mapping root
            }
            MappingNode root = new MappingNode(Tag.MAP, true, new ArrayList<>(), markAt(a), null, FlowStyle.BLOCK);
            documents.add(root);
            open = true;
            push(root, 0, false);
        }
        return structure(indent, a);
    }

    /** Ends the open document (its collections end at {@code end}); false for an empty explicit one. */
    private boolean endDocument(Mark end) {
        if (!open) {
            return !explicit; // "---" and nothing: SnakeYAML reads an empty document
        }
        if (pending && !resolvePendingAsEmpty()) {
            return false;
        }
        while (depth > 0) {
            pop(end);
        }
        anchors.clear();
        open = false;
        explicit = false;
        return true;
    }

    private boolean isItem(int a) {
        return t[a] == '-' && (a + 1 == contentEnd || t[a + 1] == ' ');
    }

    private boolean push(CollectionNode<?> node, int indent, boolean atKeyIndent) {
        if (depth == maxLevels) {
            return false;
        }
        nodes[depth] = node;
        indents[depth] = indent;
        indentless[depth] = atKeyIndent;
        depth++;
        return true;
    }

    private void pop(Mark end) {
        depth--;
        nodes[depth].setEndMark(end);
        nodes[depth] = null;
    }

    /** Adds a value to the collection on top: to the pending key's entry, or as an item. */
    private void attach(ScalarNode key, Node value) {
        Node top = nodes[depth - 1];
        if (top instanceof MappingNode m) {
            m.getValue().add(new NodeTuple(key, value));
        } else {
            ((SequenceNode) top).getValue().add(value);
        }
    }

    private boolean resolvePendingAsEmpty() {
        pending = false;
        if (pendingAnchor != null) {
            return false; // an anchored empty value: not in the subset
        }
        attach(pendingKey, new ScalarNode(resolver.resolve(NodeId.scalar, "", true), true, "", pendingEmpty,
                pendingEmpty, ScalarStyle.PLAIN));
        return true;
    }

    private boolean structure(int indent, int a) {
        boolean item = isItem(a);
        Mark here = markAt(a);
        if (pending) {
            Mark start = pendingAnchorMark != null ? pendingAnchorMark : here;
            if (indent > pendingIndent || (pendingKey != null && indent == pendingIndent && item)) {
                pending = false;
                CollectionNode<?> child = item ? new SequenceNode(Tag.SEQ, true, new ArrayList<>(), start, null, FlowStyle.BLOCK)
                        : new MappingNode(Tag.MAP, true, new ArrayList<>(), start, null, FlowStyle.BLOCK);
                anchor(child, pendingAnchor);
                attach(pendingKey, child);
                if (!push(child, indent, indent == pendingIndent)) {
                    return false;
                }
            } else if (!resolvePendingAsEmpty()) {
                return false;
            }
        }
        while (depth > 0 && indents[depth - 1] > indent) {
            pop(here);
        }
        if (depth > 0 && indentless[depth - 1] && !item && indents[depth - 1] == indent) {
            pop(here); // a sequence at its key's indentation ends at the next key
        }
        if (depth == 0 || indents[depth - 1] != indent || (nodes[depth - 1] instanceof SequenceNode) != item) {
            return false;
        }
        return item ? item(indent, a) : entry(indent, a);
    }

    private boolean item(int indent, int a) {
        int r = SubsetLexer.skipSpaces(t, a + 1, contentEnd);
        if (r == contentEnd || t[r] == '#') {
            setPending(null, indent, markAt(a + 1), null, null);
            return true;
        }
        if (isItem(r)) {
            return false;
        }
        if (SubsetLexer.keyColon(t, r, contentEnd) >= 0) {
            MappingNode compact = new MappingNode(Tag.MAP, true, new ArrayList<>(), markAt(r), null, FlowStyle.BLOCK);
            attach(null, compact);
            return push(compact, indent + (r - a), false) && entry(indent + (r - a), r);
        }
        return value(null, r, indent);
    }

    private void setPending(ScalarNode key, int indent, Mark empty, String anchor, Mark anchorMark) {
        pending = true;
        pendingKey = key;
        pendingIndent = indent;
        pendingEmpty = empty;
        pendingAnchor = anchor;
        pendingAnchorMark = anchorMark;
    }

    private boolean entry(int indent, int a) {
        int colon = SubsetLexer.keyColon(t, a, contentEnd);
        if (colon < 0) {
            return false;
        }
        String value = SubsetLexer.keyValue(t, a, colon);
        ScalarStyle style = SubsetLexer.style(t[a]);
        ScalarNode key = new ScalarNode(resolver.resolve(NodeId.scalar, value, style == ScalarStyle.PLAIN), true, value,
                markAt(a), markAt(colon), style);
        int v = SubsetLexer.skipSpaces(t, colon + 1, contentEnd);
        if (nextSkipped < skipped.size() && skipped.get(nextSkipped).keyOffset() == a) {
            return skip(key, indent, skipped.get(nextSkipped++));
        }
        if (v == contentEnd || t[v] == '#') {
            setPending(key, indent, markAt(colon + 1), null, null);
            return true;
        }
        return value(key, v, indent);
    }

    /** A skipped block: the empty mapping in its place, a level that ends where the next token is. */
    private boolean skip(ScalarNode key, int indent, SkippedValues.Candidate c) {
        SkippableBlock block = c.block();
        MappingNode placeholder = new MappingNode(Tag.MAP, true, new ArrayList<>(0),
                SkippedValues.mark(text, false, block.first.offset(), line + block.first.line()), null, FlowStyle.BLOCK);
        attach(key, placeholder);
        placeholders.put(c, placeholder);
        if (!push(placeholder, indent + 1, false)) {
            return false;
        }
        // go on after the block's last line (read() moves to the line after "next")
        line += block.endLine;
        int lf = SubsetLexer.lineFeed(t, block.end);
        next = lf < n ? lf + 1 : n;
        return true;
    }

    /** The value at {@code v} of {@code key}'s entry (or of an item when null), its collection at {@code indent}. */
    private boolean value(ScalarNode key, int v, int indent) {
        String anchor = null;
        Mark anchorMark = null;
        int at = v;
        if (t[v] == '&') {
            int e = SubsetLexer.anchorEnd(t, v, contentEnd);
            if (e < 0) {
                return false;
            }
            anchor = new String(t, v + 1, e - v - 1);
            anchorMark = markAt(v);
            at = SubsetLexer.skipSpaces(t, e, contentEnd);
            if (at == contentEnd || t[at] == '#') {
                setPending(key, indent, null, anchor, anchorMark);
                return true;
            }
        }
        Mark start = anchorMark != null ? anchorMark : markAt(at);
        char c = t[at];
        Node node;
        if (c == '*') {
            return anchor == null && alias(key, at);
        }
        if (c == '"' || c == '\'') {
            int close = SubsetLexer.closingQuote(t, at, contentEnd);
            if (close < 0 || !SubsetLexer.onlyComment(t, close + 1, contentEnd)) {
                return false;
            }
            String value = SubsetLexer.quotedOrPlain(t, at, close + 1);
            node = new ScalarNode(resolver.resolve(NodeId.scalar, value, false), true, value, start, markAt(close + 1),
                    SubsetLexer.style(c));
        } else if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            if (at + 1 >= contentEnd || t[at + 1] != close || !SubsetLexer.onlyComment(t, at + 2, contentEnd)) {
                return false; // only empty flow collections
            }
            node = c == '[' ? new SequenceNode(Tag.SEQ, true, new ArrayList<>(0), start, markAt(at + 2), FlowStyle.FLOW)
                    : new MappingNode(Tag.MAP, true, new ArrayList<>(0), start, markAt(at + 2), FlowStyle.FLOW);
        } else {
            int end = SubsetLexer.plainEnd(t, at, contentEnd);
            if (end < 0) {
                return false;
            }
            String value = new String(t, at, end - at);
            node = new ScalarNode(resolver.resolve(NodeId.scalar, value, true), true, value, start, markAt(end),
                    ScalarStyle.PLAIN);
        }
        anchor(node, anchor);
        attach(key, node);
        return true;
    }

    private void anchor(Node node, String name) {
        if (name != null) {
            node.setAnchor(name);
            anchors.put(name, node);
        }
    }

    /**
     * An alias at {@code at} ({@code *name}, then nothing but a comment): the anchored node itself. Not in the
     * subset: an unknown name (SnakeYAML's error), an alias of a collection it is inside, one alias of a collection
     * more than the limit allows.
     */
    private boolean alias(ScalarNode key, int at) {
        int e = at + 1;
        while (e < contentEnd && SubsetLexer.anchorChar(t[e])) {
            e++;
        }
        if (e == at + 1 || !SubsetLexer.onlyComment(t, e, contentEnd) || (e < contentEnd && t[e] != ' ')) {
            return false;
        }
        Node node = anchors.get(new String(t, at + 1, e - at - 1));
        if (node == null) {
            return false;
        }
        if (node instanceof CollectionNode<?>) {
            for (int i = 0; i < depth; i++) {
                if (nodes[i] == node) {
                    return false;
                }
            }
            if (++collectionAliases > maxCollectionAliases) {
                return false;
            }
        }
        attach(key, node);
        return true;
    }
}
