package io.github.fluxoci.oci.tree;

/**
 * The namespace an object instance ends up in, and where that came from.
 *
 * @param value  the namespace, or null when nothing in the tree sets it
 * @param source {@code flux-kustomization} (a Flux Kustomization's {@code targetNamespace}), {@code kustomization}
 *               (the outermost kustomization.yaml on the build path that sets {@code namespace:}, or a component),
 *               {@code metadata}, or {@code unknown}
 * @param setBy  the file that sets it (relative path), or null
 */
public record ResolvedNamespace(String value, String source, String setBy) {

    public static final ResolvedNamespace UNKNOWN = new ResolvedNamespace(null, "unknown", null);

    public boolean known() {
        return value != null;
    }

    public static ResolvedNamespace ofMetadata(KubeObject o) {
        return o.metadataNamespace() != null
                ? new ResolvedNamespace(
                        o.metadataNamespace(), "metadata", o.file().relativePath())
                : UNKNOWN;
    }
}
