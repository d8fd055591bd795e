package io.github.fluxoci.oci.tree;

import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * One object as one build yields it: the same document built by two entry points (or twice by one, through a
 * component included by two folders) gives two instances, each with the name, namespace and fields that build
 * gives it.
 *
 * @param object       the document
 * @param entryPoint   the build that yields it
 * @param via          the kustomization files from the entry point down to the object's file, outermost first
 * @param namespace    its effective namespace in that build (Flux targetNamespace, else the outermost
 *                     kustomization's {@code namespace:}, else {@code metadata.namespace}; replacements, JSON
 *                     patches and postBuild variables applied)
 * @param name         its effective name in that build ({@code namePrefix}/{@code nameSuffix}, replacements, JSON
 *                     patches and postBuild variables applied); null when it has none
 * @param fields       other fields the build's replacements and patches set, by dotted path
 *                     ({@code spec.targetNamespace})
 * @param substitution the postBuild variables of the build ({@link Substitution#NONE} when it has none)
 */
public record ObjectInstance(
        KubeObject object,
        EntryPoint entryPoint,
        List<String> via,
        ResolvedNamespace namespace,
        String name,
        Map<String, String> fields,
        Substitution substitution) {

    public ObjectInstance {
        via = List.copyOf(via);
        fields = Map.copyOf(fields);
    }

    /** The cluster it is applied to ({@code ""} in a tree without entry points). */
    public String cluster() {
        return entryPoint.cluster();
    }

    /** The namespace, or null when nothing sets one. */
    public String namespaceValue() {
        return namespace.value();
    }

    /**
     * A scalar field as this build yields it: set by a replacement or patch of the build, else as written, with
     * the build's postBuild variables applied; null when absent.
     */
    public String text(String... path) {
        String key = String.join(".", path);
        if (fields.containsKey(key)) {
            return fields.get(key);
        }
        String written = Nodes.text(object.root(), path);
        return substitution.appliesTo(object) ? substitution.apply(written) : written;
    }

    /** The same instance for another entry point (another cluster's build of the same path). */
    ObjectInstance in(EntryPoint other) {
        return new ObjectInstance(object, other, via, namespace, name, fields, substitution);
    }
}
