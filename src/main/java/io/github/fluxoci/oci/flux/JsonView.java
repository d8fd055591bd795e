package io.github.fluxoci.oci.flux;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A YAML document as the API server receives it from Flux, with the node each value came from. Scalars are typed as
 * kustomize's kyaml (go-yaml v3) types them, the YAML 1.2 core schema: {@code yes}, {@code on} and {@code 0.5.0}
 * are strings, {@code 60} an integer, {@code true} a boolean; a quoted scalar is a string. A key whose value is null
 * is left out, as the API server prunes nulls from a field that is not {@code nullable} (none in the Flux CRDs).
 *
 * @param json  the document as JSON
 * @param nodes JSON pointer ({@code /spec/chart}) to the YAML node it came from
 */
public record JsonView(JsonNode json, Map<String, Node> nodes) {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final int MAX_DEPTH = 200;

    public static JsonView of(Node document) {
        Map<String, Node> nodes = new HashMap<>();
        JsonNode json = convert(document, "", nodes, 0);
        return new JsonView(json == null ? F.objectNode() : json, nodes);
    }

    /** The YAML node at a JSON pointer, or the nearest enclosing one (a missing field: its mapping). */
    public Node nearest(String pointer) {
        String p = pointer;
        while (true) {
            Node n = nodes.get(p);
            if (n != null || p.isEmpty()) {
                return n;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Node> nodes, int depth) {
        if (depth > MAX_DEPTH) {
            return F.textNode("");
        }
        nodes.putIfAbsent(pointer, node);
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String child = pointer + "/" + key.getValue().replace("~", "~0").replace("/", "~1");
                JsonNode v = convert(t.getValueNode(), child, nodes, depth + 1);
                if (v != null && !o.has(key.getValue())) {
                    o.set(key.getValue(), v); // a key twice: the first, as duplicate-key reports
                }
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            int i = 0;
            for (Node item : s.getValue()) {
                JsonNode v = convert(item, pointer + "/" + i, nodes, depth + 1);
                a.add(v == null ? F.nullNode() : v);
                i++;
            }
            return a;
        }
        return node instanceof ScalarNode scalar ? scalar(scalar) : null;
    }

    /** A scalar as go-yaml v3 resolves it (resolve.go): plain scalars by the core schema, others strings. */
    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        if (!s.isPlain()) {
            return F.textNode(v);
        }
        if (Nodes.text(s) == null) {
            return null; // a YAML null, as Nodes reads one: ~, null, nothing
        }
        if (BOOL.matcher(v).matches()) {
            return F.booleanNode(v.charAt(0) == 't' || v.charAt(0) == 'T');
        }
        if (INT.matcher(v).matches()) {
            String digits = v.replace("_", "");
            int radix = radix(digits);
            return F.numberNode(new BigInteger(radix == 10 ? digits : digits.substring(2), radix));
        }
        if (FLOAT.matcher(v).matches()) {
            try {
                return F.numberNode(new BigDecimal(v));
            } catch (NumberFormatException e) {
                return F.numberNode(Double.NaN); // .inf, .nan: numbers all the same
            }
        }
        return F.textNode(v);
    }

    private static int radix(String v) {
        if (v.startsWith("0x")) {
            return 16;
        }
        if (v.startsWith("0o")) {
            return 8;
        }
        return v.startsWith("0b") ? 2 : 10;
    }
}
