package io.github.fluxoci.oci.migrate;

import java.util.Locale;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;

/** Where a new OCIRepository goes. */
public enum Layout {
    /** an {@code ocirepository.yaml} beside the file that holds the release, listed in its kustomization (the guide) */
    FILE,
    /** a new document right before the HelmRelease's document, in the same file (onedr0p, billimek) */
    INLINE,
    /** follow what the tree already does with its OCIRepositories; {@code FILE} when there are none */
    AUTO;

    /** What {@code auto} means for a tree: inline when most OCIRepositories share a file with a HelmRelease, else file. */
    static Layout ofTree(ManifestTree tree) {
        int inline = 0;
        int own = 0;
        for (KubeObject oci : tree.ociRepositories()) {
            if (oci.file().objects().stream().anyMatch(o -> o.is(ManifestTree.HELM_GROUP, "HelmRelease"))) {
                inline++;
            } else {
                own++;
            }
        }
        return inline > own ? INLINE : FILE;
    }

    public static Layout parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("layout \"" + value + "\" is not one of file, inline, auto");
        }
    }
}
