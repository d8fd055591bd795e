package io.github.fluxoci.oci.migrate;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Where the tree keeps sources of one namespace ({@code oci.shareNamespace}) that its releases share: the folder a
 * shared OCIRepository of the namespace layout goes to, found from the sources already deployed there.
 */
final class SharedFolders {

    private final ManifestTree tree;
    private final String namespace;
    /** folder -> clusters that deploy its sources in the namespace, and how many; counted once, on first use */
    private final Map<String, Set<String>> ociFolders = new LinkedHashMap<>();

    private final Map<String, Integer> ociCount = new LinkedHashMap<>();
    private final Map<String, Set<String>> repoFolders = new LinkedHashMap<>();
    private final Map<String, Integer> repoCount = new LinkedHashMap<>();
    private boolean counted;

    SharedFolders(ManifestTree tree, String namespace) {
        this.tree = tree;
        this.namespace = namespace;
    }

    /** Counts, per folder, the OCIRepositories and HelmRepositories the namespace gets from it (outside release files). */
    private void count() {
        if (counted) {
            return;
        }
        counted = true;
        for (ObjectInstance i : tree.instances()) {
            KubeObject o = i.object();
            boolean oci = o.is(ManifestTree.SOURCE_GROUP, "OCIRepository");
            boolean repo = o.is(ManifestTree.SOURCE_GROUP, "HelmRepository");
            if ((!oci && !repo) || !namespace.equals(i.namespaceValue()) || !withoutRelease(o.file())) {
                continue;
            }
            String dir = o.file().directory();
            (oci ? ociFolders : repoFolders)
                    .computeIfAbsent(dir, d -> new LinkedHashSet<>())
                    .add(i.cluster());
            (oci ? ociCount : repoCount).merge(dir, 1, Integer::sum);
        }
    }

    /**
     * The folder of shared sources for releases (the first of them given; all deployed in these clusters): the one
     * holding the most OCIRepositories of the share namespace (outside release files) deployed in all the clusters;
     * else the releases' HelmRepository folder (or that folder's sibling {@code oci}, when one kustomization lists both
     * and neither sets a namespace); else the folder with the most HelmRepositories of that namespace.
     */
    String folderFor(ScannedRelease first, Set<String> clusters) {
        count();
        String best = mostUsed(ociFolders, ociCount, clusters);
        if (best != null) {
            return best;
        }
        KubeObject repo = first.source() == null
                ? null
                : SourceLookup.object(
                        tree,
                        "HelmRepository",
                        first.source().name(),
                        first.source().namespace(),
                        first.cluster());
        if (repo != null
                && repoFolders.containsKey(repo.file().directory())
                && repoFolders.get(repo.file().directory()).containsAll(clusters)) {
            return siblingOciFolder(repo.file().directory());
        }
        best = mostUsed(repoFolders, repoCount, clusters);
        return best == null ? null : siblingOciFolder(best);
    }

    private static String mostUsed(Map<String, Set<String>> folders, Map<String, Integer> count, Set<String> clusters) {
        return folders.entrySet().stream()
                .filter(e -> e.getValue().containsAll(clusters))
                .max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> count.get(e.getKey()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** {@code .../helm} -> {@code .../oci} when the same kustomization lists both and neither sets a namespace. */
    private String siblingOciFolder(String helmFolder) {
        int slash = helmFolder.lastIndexOf('/');
        if (!helmFolder.substring(slash + 1).equals("helm")) {
            return helmFolder;
        }
        String oci = helmFolder.substring(0, slash + 1) + "oci";
        KustomizeFile helmK = tree.kustomizeFileIn(helmFolder);
        KustomizeFile ociK = tree.kustomizeFileIn(oci);
        if (helmK == null
                || ociK == null
                || helmK.namespace() != null
                || ociK.namespace() != null
                || ociK.root() == null
                || !(Nodes.get(ociK.root(), "resources") instanceof SequenceNode)) {
            return helmFolder;
        }
        Set<KustomizeFile> helmListers = new HashSet<>();
        tree.listersOf(helmFolder).forEach(e -> helmListers.add(e.owner()));
        boolean sameLister = tree.listersOf(oci).stream().anyMatch(e -> helmListers.contains(e.owner()));
        return sameLister ? oci : helmFolder;
    }

    /** The clusters whose builds put the object in this namespace. */
    Set<String> clustersDeploying(KubeObject o, String namespace) {
        Set<String> out = new HashSet<>();
        for (ObjectInstance i : tree.instancesOf(o)) {
            if (namespace.equals(i.namespaceValue())) {
                out.add(i.cluster());
            }
        }
        return out;
    }

    /** True when no HelmRelease shares the file (a file of sources, not an app's). */
    static boolean withoutRelease(ManifestFile f) {
        return f.objects().stream().noneMatch(o -> o.is(ManifestTree.HELM_GROUP, "HelmRelease"));
    }
}
