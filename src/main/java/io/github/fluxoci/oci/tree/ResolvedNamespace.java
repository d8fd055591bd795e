package io.github.fluxoci.oci.tree;

/**
 * The namespace an object ends up in, and where that came from.
 *
 * @param value  the namespace, or null when nothing in the tree sets it
 * @param source {@code metadata}, {@code kustomization} (with the file that sets it), {@code flux-kustomization}
 *               (the Flux Kustomization's {@code targetNamespace}), or {@code unknown}
 * @param setBy  the file that sets it (relative path), or null
 */
public record ResolvedNamespace(String value, String source, String setBy) {

    public static final ResolvedNamespace UNKNOWN = new ResolvedNamespace(null, "unknown", null);

    public boolean known() {
        return value != null;
    }
}
