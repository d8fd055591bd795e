package io.github.fluxoci.oci.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * An object instance while its build is walked: what the kustomize transformers met so far have made of its name,
 * namespace and other fields. Becomes an {@link ObjectInstance} when the build is done.
 */
final class InstanceDraft {

    final KubeObject object;
    final List<String> via;
    ResolvedNamespace namespace;
    String name;
    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, List<Node>> lists = new LinkedHashMap<>();

    InstanceDraft(KubeObject object, List<String> via) {
        this.object = object;
        this.via = via;
        this.namespace = ResolvedNamespace.ofMetadata(object);
        this.name = object.name();
    }

    /** A scalar field as the build has it so far (dotted path), or null. */
    String get(String path) {
        return switch (path) {
            case "metadata.name" -> name;
            case "metadata.namespace" -> namespace.value();
            default -> fields.containsKey(path) ? fields.get(path) : FieldPaths.text(object.root(), path);
        };
    }

    /** True when the field exists (set by the build or written). */
    boolean has(String path) {
        return switch (path) {
            case "metadata.name" -> name != null;
            case "metadata.namespace" -> namespace.value() != null;
            default -> fields.containsKey(path) || FieldPaths.node(object.root(), path) != null;
        };
    }

    /** Sets a field, {@code by} naming the file whose transformer sets it. */
    void set(String path, String value, String by) {
        switch (path) {
            case "metadata.name" -> name = value;
            case "metadata.namespace" -> namespace = new ResolvedNamespace(value, "kustomization", by);
            default -> fields.put(path, value);
        }
    }

    /** The object's label value, as written (labels kustomize adds are not modelled). */
    String label(String key) {
        Node labels = Nodes.get(object.root(), "metadata", "labels");
        return Nodes.text(labels, key);
    }

    boolean hasLabel(String key) {
        return Nodes.get(object.root(), "metadata", "labels", key) != null;
    }

    ObjectInstance toInstance(EntryPoint entryPoint, Substitution substitution) {
        ResolvedNamespace ns = namespace;
        String n = name;
        Map<String, String> f = new LinkedHashMap<>(fields);
        if (substitution.appliesTo(object)) {
            if (ns.value() != null) {
                ns = new ResolvedNamespace(substitution.apply(ns.value()), ns.source(), ns.setBy());
            }
            n = substitution.apply(n);
            f.replaceAll((k, v) -> substitution.apply(v));
        }
        f.values().removeIf(v -> v == null);
        return new ObjectInstance(object, entryPoint, via, ns, n, f, lists, substitution);
    }
}
