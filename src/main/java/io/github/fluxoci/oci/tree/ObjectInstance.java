package io.github.fluxoci.oci.tree;

import java.util.List;

/**
 * One object as one build yields it: the same document built by two entry points (or twice by one, through a
 * component included by two folders) gives two instances, each with the namespace that build applies.
 *
 * @param object     the document
 * @param entryPoint the build that yields it
 * @param via        the kustomization files from the entry point down to the object's file, outermost first
 * @param namespace  its effective namespace in that build (Flux targetNamespace, else the outermost
 *                   kustomization's {@code namespace:}, else {@code metadata.namespace})
 */
public record ObjectInstance(KubeObject object, EntryPoint entryPoint, List<String> via, ResolvedNamespace namespace) {

    public ObjectInstance {
        via = List.copyOf(via);
    }

    /** The cluster it is applied to ({@code ""} in a tree without entry points). */
    public String cluster() {
        return entryPoint.cluster();
    }

    /** The namespace, or null when nothing sets one. */
    public String namespaceValue() {
        return namespace.value();
    }
}
