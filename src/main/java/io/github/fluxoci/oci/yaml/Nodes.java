package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Read access to SnakeYAML nodes by key path. Understands {@code <<} merge keys when looking up. */
public final class Nodes {

    private static final String MERGE_KEY = "<<";

    private Nodes() {}

    /** The entry of {@code key} in a mapping (own entries first, then merged ones), or null. */
    public static @Nullable NodeTuple entry(@Nullable Node map, String key) {
        if (!(map instanceof MappingNode m)) {
            return null;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t;
            }
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && MERGE_KEY.equals(k.getValue())) {
                Node merged = t.getValueNode();
                List<Node> sources = merged instanceof SequenceNode s ? s.getValue() : List.of(merged);
                for (Node source : sources) {
                    NodeTuple found = entry(source, key);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    /** The value node at a key path, or null. */
    public static @Nullable Node get(@Nullable Node node, String... path) {
        Node current = node;
        for (String key : path) {
            NodeTuple t = entry(current, key);
            if (t == null) {
                return null;
            }
            current = t.getValueNode();
        }
        return current;
    }

    /** The scalar text at a key path, or null when absent or not a scalar. An empty/null scalar gives null too. */
    public static @Nullable String text(@Nullable Node node, String... path) {
        Node n = get(node, path);
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                    && (v.isEmpty() || "~".equals(v) || "null".equals(v) || "Null".equals(v) || "NULL".equals(v))) {
                return null;
            }
            return v;
        }
        return null;
    }

    public static Optional<MappingNode> mapping(Node node, String... path) {
        Node n = get(node, path);
        return n instanceof MappingNode m ? Optional.of(m) : Optional.empty();
    }

    /** The items of a sequence at a key path (empty when absent or not a sequence). */
    public static List<Node> items(Node node, String... path) {
        Node n = get(node, path);
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** Scalar items of a sequence at a key path. */
    public static List<String> texts(Node node, String... path) {
        List<String> out = new ArrayList<>();
        for (Node item : items(node, path)) {
            if (item instanceof ScalarNode s) {
                out.add(s.getValue());
            }
        }
        return out;
    }

    /** The scalar keys of a mapping at a key path, in order (empty when absent or not a mapping). */
    public static List<String> keys(Node node, String... path) {
        List<String> out = new ArrayList<>();
        if (get(node, path) instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.add(k.getValue());
                }
            }
        }
        return out;
    }

    public static boolean has(Node node, String... path) {
        return get(node, path) != null;
    }
}
