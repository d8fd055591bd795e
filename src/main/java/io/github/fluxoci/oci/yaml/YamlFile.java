package io.github.fluxoci.oci.yaml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML text with its documents as SnakeYAML's node API gives them (no type resolution: {@code 1.10}
 * stays the string {@code 1.10}), composed by SnakeYAML. Knows how to turn SnakeYAML marks, which count code points, into
 * offsets of {@link #text()}, which count UTF-16 units. A UTF-8 byte order mark is kept aside:
 * {@link #text()} is the text after it and {@link #render(String)} puts it back.
 */
public final class YamlFile {

    public static final String BOM = "\uFEFF";

    /** Read-only after construction, so shared by all parsing threads. */
    private static final LoaderOptions DEFAULT_OPTIONS = YamlLimits.DEFAULT.loaderOptions();

    private final String text;
    private final YamlLimits limits;
    private final boolean bom;
    private final String lineEnding;
    private final List<Node> documents;
    /** code point index -> UTF-16 offset when the text holds surrogate pairs; empty otherwise. */
    private final int[] codePointOffsets;

    /** Where each line starts; empty until first asked. */
    private int[] lineStarts = new int[0];
    /** Duplicate keys of the subtrees {@link #dropValue} dropped, found before they went. */
    private final List<ScalarNode> droppedDuplicates = new ArrayList<>(0);

    private YamlFile(String text, YamlLimits limits, boolean bom, List<Node> documents) {
        this.text = text;
        this.limits = limits;
        this.bom = bom;
        this.documents = documents;
        this.lineEnding = detectLineEnding(text);
        this.codePointOffsets =
                text.codePointCount(0, text.length()) != text.length() ? codePointOffsets(text) : new int[0];
    }

    /** Parses a whole file's text (which may start with a byte order mark) within the default limits. */
    public static YamlFile parse(String content) throws YamlParseException {
        return parse(content, YamlLimits.DEFAULT);
    }

    /** Parses a whole file's text (which may start with a byte order mark) within the given limits. */
    public static YamlFile parse(String content, YamlLimits limits) throws YamlParseException {
        return parse(content, limits, null);
    }

    /**
     * Parses a whole file's text as {@link #parse(String, YamlLimits)} does, and then {@link #dropValue drops} the
     * {@code spec.values} of each document {@code release} accepts. {@code release} null: nothing dropped.
     */
    public static YamlFile parse(String content, YamlLimits limits, @Nullable Predicate<MappingNode> release)
            throws YamlParseException {
        boolean bom = content.startsWith(BOM);
        String text = bom ? content.substring(1) : content;
        YamlFile file = new YamlFile(text, limits, bom, compose(text, limits));
        if (release != null) {
            for (Node doc : file.documents) {
                if (doc instanceof MappingNode root
                        && release.test(root)
                        && Nodes.get(root, "spec") instanceof MappingNode spec) {
                    file.dropValue(spec, "values");
                }
            }
        }
        return file;
    }

    /** The documents of a text, composed by SnakeYAML within the limits; see {@link SeparatingTabs}. */
    private static List<Node> compose(String text, YamlLimits limits) throws YamlParseException {
        String read = text;
        for (int tabs = 0; ; tabs++) {
            try {
                return composeAsIs(read, limits);
            } catch (YamlParseException e) {
                int tab = SeparatingTabs.find(read, e);
                if (tab < 0 || tabs >= SeparatingTabs.MAX) {
                    throw e;
                }
                read = read.substring(0, tab) + ' ' + read.substring(tab + 1);
            }
        }
    }

    private static List<Node> composeAsIs(String text, YamlLimits limits) throws YamlParseException {
        LoaderOptions options = limits.equals(YamlLimits.DEFAULT) ? DEFAULT_OPTIONS : limits.loaderOptions();
        List<Node> docs = new ArrayList<>();
        try {
            Composer composer = new LeanComposer(
                    new ParserImpl(new LeanStreamReader(new StringReader(text)), options), new Resolver(), options);
            boolean mayHaveAliases = text.indexOf('*') >= 0; // without an alias the nodes form a plain tree
            while (composer.checkNode()) {
                Node doc = composer.getNode();
                if (mayHaveAliases) {
                    NodeGraphLimits.check(doc, limits.maxExpandedNodes());
                }
                docs.add(doc);
            }
        } catch (MarkedYAMLException e) {
            throw parseError(e);
        } catch (YAMLException e) {
            throw limitError(e, limits);
        } catch (StackOverflowError e) {
            throw new YamlParseException("nested too deeply to read", 0, 0, null);
        }
        return List.copyOf(docs);
    }

    private static YamlParseException parseError(MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        // "but got <stream end>" points past the last line: the construct that was left open is the place to fix
        if (e.getContextMark() != null
                && e.getProblem() != null
                && e.getProblem().contains("<stream end>")) {
            m = e.getContextMark();
        }
        String what = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
        if (e.getContext() != null && e.getProblem() != null) {
            what = e.getContext() + ": " + e.getProblem();
        }
        return new YamlParseException(
                what.trim(), m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, e);
    }

    private static YamlParseException limitError(YAMLException e, YamlLimits limits) {
        String message = String.valueOf(e.getMessage()).trim();
        if (message.startsWith("Nesting Depth exceeded")) {
            message = "nested more than " + limits.maxDepth()
                    + " levels deep; raise -Doci.maxYamlDepth, or exclude the file with oci.excludes";
        } else if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            message = "more than " + limits.maxExpandedNodes()
                    + " aliases (an alias bomb); raise -Doci.maxYamlNodes, or exclude the file with oci.excludes";
        }
        return new YamlParseException(message, 0, 0, e);
    }

    /**
     * Keys that appear a second time in the same mapping (each later occurrence), in document order. SnakeYAML is
     * told to accept them so that the rest of the file can be read; kustomize refuses them ("already defined").
     * Computed on demand (only the gate asks), and for subtrees this file dropped ({@link #dropValue}), before.
     */
    public List<ScalarNode> duplicateKeys() {
        List<ScalarNode> out = duplicateKeys(documents);
        if (!droppedDuplicates.isEmpty()) {
            out.addAll(droppedDuplicates);
            out.sort(Comparator.comparingInt(k -> k.getStartMark().getIndex()));
        }
        return out;
    }

    private static List<ScalarNode> duplicateKeys(List<Node> roots) {
        List<ScalarNode> out = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n instanceof MappingNode m) {
                Set<String> keys = new HashSet<>();
                List<Node> children = new ArrayList<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k
                            && !"<<".equals(k.getValue())
                            && !keys.add(k.getValue())) {
                        out.add(k);
                    }
                    children.add(t.getValueNode());
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            } else if (n instanceof SequenceNode q) {
                for (int i = q.getValue().size() - 1; i >= 0; i--) {
                    stack.push(q.getValue().get(i));
                }
            }
        }
        return out;
    }

    /**
     * Drops the nodes below {@code owner}'s {@code key} that no goal reads (a HelmRelease's {@code spec.values}: the
     * bulk of most release files), keeping an empty mapping or sequence with the same position, tag and style in
     * their place, and the subtree's duplicate keys for {@link #duplicateKeys()}. Not done in a file that may hold an
     * alias (a {@code *}): an edit must see every use of an anchor. Returns true when dropped.
     */
    public boolean dropValue(MappingNode owner, String key) {
        if (text.indexOf('*') >= 0) {
            return false;
        }
        List<NodeTuple> tuples = owner.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            if (!(t.getKeyNode() instanceof ScalarNode k) || !key.equals(k.getValue())) {
                continue;
            }
            Node value = t.getValueNode();
            Node empty;
            if (value instanceof MappingNode m) {
                empty = new MappingNode(
                        m.getTag(), true, new ArrayList<>(0), m.getStartMark(), m.getEndMark(), m.getFlowStyle());
            } else if (value instanceof SequenceNode q) {
                empty = new SequenceNode(
                        q.getTag(), true, new ArrayList<>(0), q.getStartMark(), q.getEndMark(), q.getFlowStyle());
            } else {
                return false;
            }
            empty.setAnchor(value.getAnchor());
            droppedDuplicates.addAll(duplicateKeys(List.of(value)));
            tuples.set(i, new NodeTuple(t.getKeyNode(), empty));
            return true;
        }
        return false;
    }

    /** The limits this file was read within; an edit of it is read back within the same. */
    public YamlLimits limits() {
        return limits;
    }

    /** The text after any byte order mark. All offsets refer to it. */
    public String text() {
        return text;
    }

    public boolean hasBom() {
        return bom;
    }

    /** The file's first line break: {@code "\r\n"}, {@code "\r"} alone, or {@code "\n"} (also without any). */
    public String lineEnding() {
        return lineEnding;
    }

    /** The root node of each document, in order. */
    public List<Node> documents() {
        return documents;
    }

    /** A text as it must be written for this file: with the byte order mark if the file had one. */
    public String render(String editedText) {
        return bom ? BOM + editedText : editedText;
    }

    /** UTF-16 offset into {@link #text()} of a SnakeYAML mark. */
    public int offset(Mark mark) {
        int index = mark.getIndex();
        if (codePointOffsets.length == 0) {
            return Math.min(index, text.length());
        }
        return codePointOffsets[Math.min(index, codePointOffsets.length - 1)];
    }

    public int startOffset(Node node) {
        return offset(node.getStartMark());
    }

    public int endOffset(Node node) {
        return offset(node.getEndMark());
    }

    /** 1-based column of a UTF-16 offset (the form of file:line:column). */
    public int columnNumber(int offset) {
        return offset - lineStart(offset) + 1;
    }

    /** 1-based line number of an offset. */
    public int lineNumber(int offset) {
        int[] starts = lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Offset at which the line holding {@code offset} starts. */
    public int lineStart(int offset) {
        return lineStarts()[lineNumber(offset) - 1];
    }

    /** Offset just after the line break that ends the line holding {@code offset} (or the text's end). */
    public int lineEnd(int offset) {
        int[] starts = lineStarts();
        int line = lineNumber(offset);
        return line < starts.length ? starts[line] : text.length();
    }

    /** Number of lines (a final line without a line break counts; an empty text has one line). */
    public int lineCount() {
        return lineStarts().length;
    }

    /** Offset at which a 1-based line starts. */
    public int lineStartOf(int lineNumber) {
        return lineStarts()[lineNumber - 1];
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts.length == 0) {
            int[] found = new int[16];
            int count = 1;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if ((c == '\n'
                                || c == '\u0085'
                                || c == '\u2028'
                                || c == '\u2029'
                                || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')))
                        && i + 1 < n) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            starts = Arrays.copyOf(found, count);
            lineStarts = starts;
        }
        return starts;
    }

    static String detectLineEnding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                // CR alone ends lines too (YAML's b-char; go-yaml v3 reads it so): kept, as CRLF is
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
        }
        return "\n";
    }

    private static int[] codePointOffsets(String text) {
        int count = text.codePointCount(0, text.length());
        int[] offsets = new int[count + 1];
        int offset = 0;
        for (int cp = 0; cp < count; cp++) {
            offsets[cp] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsets[count] = text.length();
        return offsets;
    }
}
