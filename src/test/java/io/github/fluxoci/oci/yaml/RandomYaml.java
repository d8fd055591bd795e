package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates block-style YAML documents from a seed, in many styles: indentation 2 or 4, indented or flush
 * sequences, LF or CRLF, optional byte order mark, comments with non-ASCII text, plain/single/double quoted
 * scalars holding emoji and accents. Used by the property tests of the editing helpers.
 */
final class RandomYaml {

    static final String[] WORDS = {"alpha", "béta", "gamma", "δέλτα", "🚀rocket", "ünï", "x1", "v1.2.3", "a-b_c", "名前"};

    final Random random;
    final int unit;
    final boolean flushSequences;
    final String eol;
    final boolean bom;
    final StringBuilder out = new StringBuilder();

    RandomYaml(long seed) {
        random = new Random(seed);
        unit = random.nextBoolean() ? 2 : 4;
        flushSequences = random.nextInt(3) == 0;
        eol = random.nextInt(3) == 0 ? "\r\n" : "\n";
        bom = random.nextInt(5) == 0;
    }

    String document() {
        if (bom) {
            out.append(YamlFile.BOM);
        }
        if (random.nextBoolean()) {
            out.append("# ").append(word()).append(" 🎉 commentaire").append(eol);
        }
        if (random.nextBoolean()) {
            out.append("---").append(eol);
        }
        mapping(0, 0);
        return out.toString();
    }

    private void mapping(int indent, int depth) {
        int n = 1 + random.nextInt(depth == 0 ? 5 : 4);
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = "k" + depth + "_" + i + (random.nextBoolean() ? "" : "é");
            if (used.put(key, true) != null) {
                continue;
            }
            if (random.nextInt(4) == 0) {
                out.append(" ".repeat(indent)).append("# ").append(word()).append(eol);
            }
            out.append(" ".repeat(indent)).append(key).append(":");
            int kind = depth >= 3 ? 0 : random.nextInt(4);
            if (kind == 0 || kind == 3) {
                out.append(' ').append(scalar());
                if (random.nextInt(5) == 0) {
                    out.append(" # ").append(word());
                }
                out.append(eol);
            } else if (kind == 1) {
                out.append(eol);
                mapping(indent + unit, depth + 1);
            } else {
                out.append(eol);
                int items = 1 + random.nextInt(3);
                int dashIndent = flushSequences ? indent : indent + unit;
                for (int j = 0; j < items; j++) {
                    out.append(" ".repeat(dashIndent))
                            .append("- ")
                            .append(scalar())
                            .append(eol);
                }
            }
            if (random.nextInt(6) == 0) {
                out.append(eol);
            }
        }
    }

    String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String scalar() {
        String w = word() + (random.nextBoolean() ? "" : " " + word());
        return switch (random.nextInt(3)) {
            case 0 -> w.contains(" ") ? w.replace(" ", "-") : w;
            case 1 -> YamlEdits.singleQuoted(w + (random.nextBoolean() ? "'s" : ""));
            default -> YamlEdits.doubleQuoted(w + (random.nextBoolean() ? " \"q\" #x: y" : ""));
        };
    }

    /** A new value a user might write: versions, ranges, words with quotes, colons, hashes and emoji. */
    static String newValue(Random random) {
        String[] values = {
            "1.2.3",
            ">=1.0.0",
            "3.x.x",
            "1.10",
            "true",
            "null",
            "~",
            "it's",
            "say \"hi\"",
            "a: b",
            "x #y",
            "🚀 launch",
            "crème brûlée",
            "*",
            "",
            "-dash",
            "oci://ghcr.io/a/b",
            "1.2.3+build.1",
            "[x]",
            "名前"
        };
        return values[random.nextInt(values.length)];
    }

    /** Every scalar value (not key) of a document, with its key path. */
    static List<Map.Entry<String, org.yaml.snakeyaml.nodes.ScalarNode>> scalars(
            org.yaml.snakeyaml.nodes.Node node, String path) {
        List<Map.Entry<String, org.yaml.snakeyaml.nodes.ScalarNode>> out = new ArrayList<>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                String key = ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue();
                out.addAll(scalars(t.getValueNode(), path + "/" + key));
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                out.addAll(scalars(s.getValue().get(i), path + "[" + i + "]"));
            }
        } else if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode sc) {
            out.add(Map.entry(path, sc));
        }
        return out;
    }

    /** path -> value of every scalar. */
    static Map<String, String> values(org.yaml.snakeyaml.nodes.Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, org.yaml.snakeyaml.nodes.ScalarNode> e : scalars(node, "")) {
            out.put(e.getKey(), e.getValue().getValue());
        }
        return out;
    }

    /**
     * path -> value of every scalar of the first document, resolved by SnakeYAML's own constructor (types included:
     * {@code true} is a Boolean, {@code "true"} a String): the reading a Kubernetes client makes, independent of the
     * node API the edits use.
     */
    static Map<String, Object> resolved(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object doc = new org.yaml.snakeyaml.Yaml(
                        new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .loadAll(text)
                .iterator()
                .next();
        flatten(doc, "", out);
        return out;
    }

    private static void flatten(Object value, String path, Map<String, Object> out) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(v, path + "/" + k, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(l.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, value);
        }
    }
}
