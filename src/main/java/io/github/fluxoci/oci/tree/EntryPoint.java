package io.github.fluxoci.oci.tree;

import java.util.List;

/**
 * Something Flux applies from this repository: a Flux {@code Kustomization}'s {@code spec.path}, a flux-operator
 * {@code FluxInstance}'s {@code spec.sync.path}, a cluster folder that {@code flux bootstrap} wrote (it holds
 * {@code flux-system/gotk-sync.yaml}), or, in a tree with none of these, one top kustomization (or a loose
 * file) of the whole-tree build.
 *
 * @param kind            what declares it
 * @param cluster         the cluster it belongs to: the root it is reached from ({@code ""} for the whole tree)
 * @param object          the Flux Kustomization or FluxInstance (null for a cluster folder and the whole-tree build)
 * @param path            the directory it builds, relative to the scanned root; null when it cannot be resolved
 * @param declaredPath    {@code spec.path} as written (null for the whole-tree build)
 * @param targetNamespace {@code spec.targetNamespace}, or null
 * @param dependsOn       {@code spec.dependsOn} as {@code namespace/name} or {@code name}
 */
public record EntryPoint(
        Kind kind,
        String cluster,
        KubeObject object,
        String path,
        String declaredPath,
        String targetNamespace,
        List<String> dependsOn) {

    public enum Kind {
        FLUX_KUSTOMIZATION,
        FLUX_INSTANCE,
        CLUSTER_FOLDER,
        WHOLE_TREE
    }

    public EntryPoint {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** For messages: {@code Kustomization flux-system/apps (clusters/staging/apps.yaml:3)}, or the built directory. */
    public String describe() {
        if (object == null) {
            return path == null || path.isEmpty() ? "the whole tree" : path;
        }
        return object.describe() + " (" + object.file().relativePath() + ":" + object.line() + ")";
    }
}
