package io.github.fluxoci.oci.tree;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

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
 * @param lists        lists the build's strategic-merge patches replace, by dotted path
 *                     ({@code spec.postBuild.substituteFrom})
 * @param substitution the postBuild variables of the build ({@link Substitution#NONE} when it has none)
 */
public record ObjectInstance(
        KubeObject object,
        EntryPoint entryPoint,
        List<String> via,
        ResolvedNamespace namespace,
        String name,
        Map<String, String> fields,
        Map<String, List<Node>> lists,
        Substitution substitution) {

    public ObjectInstance {
        via = List.copyOf(via);
        fields = Map.copyOf(fields);
        lists = Map.copyOf(lists);
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

    /** The items of a list field as this build yields it (replaced by a patch of the build, else as written). */
    public List<Node> items(String... path) {
        List<Node> patched = lists.get(String.join(".", path));
        return patched != null ? patched : Nodes.items(object.root(), path);
    }

    /** True when the build's patches set fields below this dotted path ({@code spec.postBuild}). */
    boolean patchedBelow(String path) {
        return fields.keySet().stream().anyMatch(k -> k.startsWith(path + "."))
                || lists.keySet().stream().anyMatch(k -> k.equals(path) || k.startsWith(path + "."));
    }

    /** The same instance for another entry point (another cluster's build of the same path). */
    ObjectInstance in(EntryPoint other) {
        return new ObjectInstance(object, other, via, namespace, name, fields, lists, substitution);
    }
}
