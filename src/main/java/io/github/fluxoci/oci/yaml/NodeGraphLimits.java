package io.github.fluxoci.oci.yaml;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses, at parse time, the node graphs that would make every later walk hang or overflow: an alias that
 * contains itself ({@code &a {<<: *a}}), and aliases or merge keys that expand a small text into a huge tree
 * (the "billion laughs" shape, or long chains of {@code <<: *prev} merges). Real manifests use aliases for a few
 * scalars and maps; the expanded size of a document may be at most {@value #EXPANSION_FACTOR} times its node count
 * or {@link YamlLimits#maxExpandedNodes()} nodes (100,000 unless configured), whichever is larger. After this check every recursive walk over a document
 * terminates, and its cost is bounded by that size.
 */
final class NodeGraphLimits {

    static final int EXPANSION_FACTOR = 10;

    private NodeGraphLimits() {}

    static void check(Node document, int minExpanded) throws YamlParseException {
        int unique = countUnique(document);
        long limit = Math.max(minExpanded, (long) EXPANSION_FACTOR * unique);
        Walk walk = new Walk(limit);
        walk.visit(document);
    }

    /** Nodes of the document, each counted once (iterative: aliases make it a graph, possibly with cycles). */
    private static int countUnique(Node document) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(document);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    stack.push(t.getKeyNode());
                    stack.push(t.getValueNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(stack::push);
            }
        }
        return seen.size();
    }

    /** Depth-first over the expanded tree: a node met again on its own path is a cycle; the count is capped. */
    private static final class Walk {
        private final long limit;
        private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
        private long expanded;

        Walk(long limit) {
            this.limit = limit;
        }

        void visit(Node n) throws YamlParseException {
            if (++expanded > limit) {
                throw at(
                        n,
                        "aliases and merge keys expand this document to more than " + limit + " nodes (an alias"
                                + " bomb or a long chain of << merges); write the values out, raise -Doci.maxYamlNodes, or exclude the file with"
                                + " oci.excludes");
            }
            if (!(n instanceof MappingNode) && !(n instanceof SequenceNode)) {
                return;
            }
            if (!path.add(n)) {
                throw at(
                        n,
                        "an alias refers to a node that contains it (a recursive alias"
                                + (n.getAnchor() != null ? " *" + n.getAnchor() : "") + "); Kubernetes cannot read it");
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    visit(t.getKeyNode());
                    visit(t.getValueNode());
                }
            } else {
                for (Node item : ((SequenceNode) n).getValue()) {
                    visit(item);
                }
            }
            path.remove(n);
        }

        private static YamlParseException at(Node n, String message) {
            Mark m = n.getStartMark();
            return new YamlParseException(
                    message, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, null);
        }
    }
}
