package io.github.fluxoci.oci.migrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.EntryPoint;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;

/**
 * The namespace folders of a tree: for a release, the kustomization whose {@code namespace:} puts the release's
 * namespace on what it builds, where the component layout of {@code oci.share} includes a shared source.
 */
final class NamespaceFolders {

    private final ManifestTree tree;

    NamespaceFolders(ManifestTree tree) {
        this.tree = tree;
    }

    /**
     * The kustomization that puts the release's namespace on what it builds: above the Flux Kustomization that
     * deploys the release (its namespace folder, as in {@code apps/<namespace>/kustomization.yaml}), else above the
     * release itself; the innermost that gives a namespace-less object the release's namespace.
     */
    KustomizeFile of(ScannedRelease r) {
        ObjectInstance release = r.instance();
        String want = r.namespace().value();
        EntryPoint ep = release.entryPoint();
        if (ep.object() != null) {
            for (ObjectInstance ks : tree.instancesOf(ep.object())) {
                if (ks.cluster().equals(r.cluster())) {
                    KustomizeFile k = innermostGiving(ks.via(), ks.entryPoint(), want);
                    if (k != null) {
                        return k;
                    }
                }
            }
        }
        return innermostGiving(release.via(), ep, want);
    }

    private KustomizeFile innermostGiving(List<String> via, EntryPoint ep, String want) {
        for (int i = via.size() - 1; i >= 0; i--) {
            ManifestFile f = tree.file(via.get(i));
            KustomizeFile k = f == null ? null : tree.kustomizeFileIn(f.directory());
            if (k == null || k.namespace() == null || !"Kustomization".equals(k.kind())) {
                continue;
            }
            String effective = ep.targetNamespace();
            for (int j = 0; effective == null && j <= i; j++) {
                ManifestFile outer = tree.file(via.get(j));
                KustomizeFile ok = outer == null ? null : tree.kustomizeFileIn(outer.directory());
                effective = ok == null ? null : ok.namespace();
            }
            return want.equals(effective) ? k : null;
        }
        return null;
    }

    /**
     * Where new components go: beside the tree's components (the folder most of them sit in), else
     * {@code components} two levels above a namespace folder ({@code apps/media} -> {@code components}).
     */
    String componentsFolder(KustomizeFile namespaceFolder) {
        Map<String, Integer> parents = new LinkedHashMap<>();
        for (KustomizeFile k : tree.kustomizeFiles()) {
            if ("Component".equals(k.kind())) {
                String dir = k.directory();
                int slash = dir.lastIndexOf('/');
                parents.merge(slash < 0 ? "" : dir.substring(0, slash), 1, Integer::sum);
            }
        }
        if (!parents.isEmpty()) {
            return parents.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .get()
                    .getKey();
        }
        String parent = parentOf(parentOf(namespaceFolder.directory()));
        return SharedSources.join(parent, "components");
    }

    private static String parentOf(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash < 0 ? "" : dir.substring(0, slash);
    }
}
