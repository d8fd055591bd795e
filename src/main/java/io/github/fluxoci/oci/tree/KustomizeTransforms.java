package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlFile;
import io.github.fluxoci.oci.yaml.YamlParseException;

/**
 * The transformers of one kustomization that move objects or rename them, as kustomize runs them over what the
 * kustomization has accumulated (its resources, then its components'): patches ({@link #patch}: JSON 6902
 * operations, and strategic-merge patches with a {@code target}, as far as they set scalar fields), then the
 * namespace ({@code BuildWalker}), then {@link #rename}: {@code namePrefix}/{@code nameSuffix} and
 * {@code replacements} (inline and {@code path:}). {@code KustomizeOracleTest} checks the result against
 * {@code kubectl kustomize}. Flux Kustomization {@code spec.patches} go through {@link #patch} too.
 */
final class KustomizeTransforms {

    private final FileIndex index;

    KustomizeTransforms(FileIndex index) {
        this.index = index;
    }

    /** {@code namePrefix}/{@code nameSuffix}, then {@code replacements}, of a kustomization (its root node). */
    void rename(MappingNode root, String directory, String file, List<InstanceDraft> drafts) {
        String prefix = Nodes.text(root, "namePrefix");
        String suffix = Nodes.text(root, "nameSuffix");
        if (prefix != null || suffix != null) {
            for (InstanceDraft d : drafts) {
                if (d.name != null && renamedByPrefix(d.object)) {
                    d.name = (prefix == null ? "" : prefix) + d.name + (suffix == null ? "" : suffix);
                }
            }
        }
        for (Node r : Nodes.items(root, "replacements")) {
            String path = Nodes.text(r, "path");
            if (path == null) {
                replace(r, file, drafts);
                continue;
            }
            ManifestFile f = index.file(KustomizeGraph.normalize(directory, path));
            if (f != null && f.parsed()) {
                for (Node doc : f.yaml().documents()) {
                    List<Node> items = doc instanceof SequenceNode s ? s.getValue() : List.of(doc);
                    items.forEach(item -> replace(item, file, drafts));
                }
            }
        }
    }

    /**
     * The inline {@code transformers:} that are kustomize's builtin {@code NamespaceTransformer} (with
     * {@code unsetOnly}, the namespace goes only to objects without one); kustomize runs them after its builtin ones.
     * Other transformers are plugins the model does not run ({@link ModelLimits} says so).
     */
    static void namespaceTransformers(MappingNode root, String file, List<InstanceDraft> drafts) {
        for (Node t : Nodes.items(root, "transformers")) {
            Node config = builtinNamespaceTransformer(t);
            String namespace = Nodes.text(config, "metadata", "namespace");
            if (namespace == null) {
                continue;
            }
            boolean unsetOnly = "true".equals(Nodes.text(config, "unsetOnly"));
            for (InstanceDraft d : drafts) {
                if (!unsetOnly || d.namespace.value() == null) {
                    d.namespace = new ResolvedNamespace(namespace, "kustomization", file);
                }
            }
        }
    }

    /** An inline {@code transformers:} item that configures kustomize's builtin NamespaceTransformer, or null. */
    static Node builtinNamespaceTransformer(Node item) {
        if (!(item instanceof ScalarNode s) || !s.getValue().contains("NamespaceTransformer")) {
            return null;
        }
        try {
            List<Node> docs = YamlFile.parse(s.getValue()).documents();
            Node config = docs.isEmpty() ? null : docs.get(0);
            return "builtin".equals(Nodes.text(config, "apiVersion"))
                            && "NamespaceTransformer".equals(Nodes.text(config, "kind"))
                    ? config
                    : null;
        } catch (YamlParseException | RuntimeException e) {
            return null;
        }
    }

    /** Patches ({@code patches} items: {@code patch} or {@code path}, and a {@code target}) that set fields. */
    void patch(List<Node> patches, String directory, String file, List<InstanceDraft> drafts) {
        for (Node p : patches) {
            Node target = Nodes.get(p, "target");
            List<Node> documents = patchDocuments(p, directory);
            for (Node doc : documents) {
                if (doc instanceof SequenceNode ops) {
                    for (InstanceDraft d : drafts) {
                        if (target != null && selects(target, d)) {
                            jsonPatch(ops, d, file);
                        }
                    }
                } else if (doc instanceof MappingNode smp && target != null) {
                    for (InstanceDraft d : drafts) {
                        if (selects(target, d)) {
                            mergeLeaves(smp, "", d, file);
                        }
                    }
                }
            }
        }
    }

    private List<Node> patchDocuments(Node patch, String directory) {
        String inline = Nodes.text(patch, "patch");
        if (inline != null) {
            try {
                return YamlFile.parse(inline).documents();
            } catch (YamlParseException | RuntimeException e) {
                return List.of(); // a patch kustomize cannot read fails the build; the model leaves it out
            }
        }
        String path = Nodes.text(patch, "path");
        ManifestFile f = path == null ? null : index.file(KustomizeGraph.normalize(directory, path));
        return f != null && f.parsed() ? f.yaml().documents() : List.of();
    }

    private static void jsonPatch(SequenceNode ops, InstanceDraft d, String file) {
        for (Node op : ops.getValue()) {
            String kind = Nodes.text(op, "op");
            String pointer = Nodes.text(op, "path");
            if (pointer == null || !("add".equals(kind) || "replace".equals(kind)) || !pointer.startsWith("/")) {
                continue;
            }
            String value = Nodes.text(op, "value");
            if (value != null) {
                String path = pointer.substring(1).replace("~1", "/").replace("~0", "~");
                d.set(String.join(".", path.split("/")).replace("/", "."), value, file);
            }
        }
    }

    /** The scalar leaves of a strategic-merge patch below mappings, except the target's own name and namespace. */
    private static void mergeLeaves(MappingNode m, String prefix, InstanceDraft d, String file) {
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            String path = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
            if (path.equals("metadata.name")
                    || path.equals("metadata.namespace")
                    || path.equals("apiVersion")
                    || path.equals("kind")) {
                continue;
            }
            if (t.getValueNode() instanceof MappingNode inner) {
                mergeLeaves(inner, path, d, file);
            } else if (t.getValueNode() instanceof ScalarNode s
                    && !"null".equals(s.getTag().getValue())) {
                d.set(path, s.getValue(), file);
            }
        }
    }

    /** One replacement: a value read from one source object, written into the selected fields of targets. */
    private static void replace(Node replacement, String file, List<InstanceDraft> drafts) {
        Node source = Nodes.get(replacement, "source");
        if (source == null) {
            return;
        }
        List<InstanceDraft> sources = new ArrayList<>();
        for (InstanceDraft d : drafts) {
            if (selects(source, d)) {
                sources.add(d);
            }
        }
        if (sources.size() != 1) {
            return; // kustomize fails the build: no source, or more than one
        }
        String fieldPath = Nodes.text(source, "fieldPath");
        String value = sources.get(0).get(fieldPath == null ? "metadata.name" : fieldPath);
        value = part(value, Nodes.get(source, "options"));
        if (value == null) {
            return;
        }
        for (Node target : Nodes.items(replacement, "targets")) {
            Node select = Nodes.get(target, "select");
            Node options = Nodes.get(target, "options");
            boolean create = "true".equals(Nodes.text(options, "create"));
            for (InstanceDraft d : drafts) {
                if (select == null || !selects(select, d) || rejected(target, d)) {
                    continue;
                }
                for (String fieldPath2 : Nodes.texts(target, "fieldPaths")) {
                    if (!d.has(fieldPath2) && !create) {
                        continue;
                    }
                    String written = withPart(d.get(fieldPath2), value, options);
                    if (written != null) {
                        d.set(fieldPath2, written, file);
                    }
                }
            }
        }
    }

    private static boolean rejected(Node target, InstanceDraft d) {
        for (Node reject : Nodes.items(target, "reject")) {
            if (selects(reject, d)) {
                return true;
            }
        }
        return false;
    }

    /** {@code options: {delimiter, index}} on a source: the part of the value. */
    private static String part(String value, Node options) {
        String delimiter = Nodes.text(options, "delimiter");
        if (value == null || delimiter == null || delimiter.isEmpty()) {
            return value;
        }
        String[] parts = value.split(Pattern.quote(delimiter), -1);
        int i = index(options);
        return i >= 0 && i < parts.length ? parts[i] : null;
    }

    /** {@code options: {delimiter, index}} on a target: the current value with one part replaced. */
    private static String withPart(String current, String value, Node options) {
        String delimiter = Nodes.text(options, "delimiter");
        if (delimiter == null || delimiter.isEmpty()) {
            return value;
        }
        if (current == null) {
            return value;
        }
        String[] parts = current.split(Pattern.quote(delimiter), -1);
        int i = index(options);
        if (i < 0 || i >= parts.length) {
            return null; // kustomize: index out of bounds, the build fails
        }
        parts[i] = value;
        return String.join(delimiter, parts);
    }

    private static int index(Node options) {
        String text = Nodes.text(options, "index");
        return text == null || !text.matches("-?\\d+") ? 0 : Integer.parseInt(text);
    }

    /** A kustomize selector: group, version, kind, name, namespace (anchored regular expressions) and labels. */
    static boolean selects(Node selector, InstanceDraft d) {
        KubeObject o = d.object;
        return matches(Nodes.text(selector, "group"), o.group() == null ? "" : o.group())
                && matches(Nodes.text(selector, "version"), o.version())
                && matches(Nodes.text(selector, "kind"), o.kind())
                && matches(Nodes.text(selector, "name"), d.name)
                && matches(Nodes.text(selector, "namespace"), d.namespace.value())
                && labelsMatch(Nodes.text(selector, "labelSelector"), d)
                && Nodes.text(selector, "annotationSelector") == null;
    }

    private static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        try {
            return Pattern.compile("^(?:" + pattern + ")$").matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return pattern.equals(value);
        }
    }

    /** Kubernetes label selectors: {@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}. */
    static boolean labelsMatch(String selector, InstanceDraft d) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        for (String term : selector.split(",(?![^(]*\\))")) {
            String t = term.trim();
            java.util.regex.Matcher set =
                    Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(t);
            if (set.matches()) {
                List<String> values = List.of(set.group(3).replace(" ", "").split(","));
                boolean in = d.hasLabel(set.group(1)) && values.contains(d.label(set.group(1)));
                if (set.group(2).equals("in") != in) {
                    return false;
                }
            } else if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                if (kv[1].trim().equals(d.label(kv[0].trim()))) {
                    return false;
                }
            } else if (t.contains("=")) {
                String[] kv = t.split("==?", 2);
                if (!kv[1].trim().equals(d.label(kv[0].trim()))) {
                    return false;
                }
            } else if (t.startsWith("!")) {
                if (d.hasLabel(t.substring(1).trim())) {
                    return false;
                }
            } else if (!d.hasLabel(t)) {
                return false;
            }
        }
        return true;
    }

    /** kustomize leaves the names of these kinds alone under {@code namePrefix}/{@code nameSuffix}. */
    private static boolean renamedByPrefix(KubeObject o) {
        return !("".equals(o.group()) && "Namespace".equals(o.kind()))
                && !("apiextensions.k8s.io".equals(o.group()) && "CustomResourceDefinition".equals(o.kind()));
    }
}
