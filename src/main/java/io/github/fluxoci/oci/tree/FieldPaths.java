package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * kustomize field paths as {@code replacements} write them: {@code spec.targetNamespace},
 * {@code spec.template.spec.containers.[name=app].image}, {@code metadata.annotations.[a.b/c]}, {@code subjects.0}.
 */
final class FieldPaths {

    private FieldPaths() {}

    /** The segments of a path: dots separate them, except inside brackets. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == '.' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** The node at a path, or null. */
    static Node node(Node root, String path) {
        Node n = root;
        for (String segment : segments(path)) {
            n = step(n, segment);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The scalar at a path, or null. */
    static String text(Node root, String path) {
        return node(root, path) instanceof ScalarNode s ? s.getValue() : null;
    }

    private static Node step(Node n, String segment) {
        if (n instanceof MappingNode m) {
            String key = segment.startsWith("[") && segment.endsWith("]") && !segment.contains("=")
                    ? segment.substring(1, segment.length() - 1)
                    : segment;
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
            return null;
        }
        if (n instanceof SequenceNode s) {
            if (segment.matches("\\d+")) {
                int i = Integer.parseInt(segment);
                return i < s.getValue().size() ? s.getValue().get(i) : null;
            }
            if (segment.startsWith("[") && segment.endsWith("]") && segment.contains("=")) {
                String inner = segment.substring(1, segment.length() - 1);
                String key = inner.substring(0, inner.indexOf('='));
                String value = inner.substring(inner.indexOf('=') + 1);
                for (Node item : s.getValue()) {
                    if (step(item, key) instanceof ScalarNode v && v.getValue().equals(value)) {
                        return item;
                    }
                }
            }
        }
        return null;
    }
}
