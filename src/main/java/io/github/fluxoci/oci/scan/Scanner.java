package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/** Inventories a manifests tree: every HelmRelease classified, every HelmRepository with its users. */
public final class Scanner {

    private final ReleaseClassifier classifier;

    public Scanner(ChartCatalog catalog) {
        this.classifier = new ReleaseClassifier(catalog);
    }

    public ScanResult scan(ManifestTree tree) {
        List<ScannedRelease> releases = new ArrayList<>();
        List<ReleasePatch> patches = new ArrayList<>();
        for (KubeObject hr : tree.helmReleases()) {
            if (tree.isPatchFile(hr.file())) {
                patches.add(patchOf(tree, hr));
            } else {
                releases.add(classifier.classify(tree, hr));
            }
        }
        releases.sort(Comparator.comparing(ScannedRelease::file).thenComparingInt(ScannedRelease::line));

        Map<KubeObject, List<String>> usedBy = new IdentityHashMap<>();
        for (ScannedRelease r : releases) {
            if (r.source() != null && "HelmRepository".equals(r.source().kind())) {
                KubeObject repo = tree.find(ManifestTree.SOURCE_GROUP, "HelmRepository", r.source().name(), r.source().namespace());
                if (repo != null) {
                    usedBy.computeIfAbsent(repo, k -> new ArrayList<>()).add(r.qualifiedName());
                }
            }
        }
        List<ScannedHelmRepository> repositories = new ArrayList<>();
        for (KubeObject repo : tree.helmRepositories()) {
            String type = Nodes.text(repo.root(), "spec", "type");
            repositories.add(new ScannedHelmRepository(repo, repo.name(), tree.namespaceOf(repo).value(),
                    Nodes.text(repo.root(), "spec", "url"), type == null ? "default" : type,
                    List.copyOf(usedBy.getOrDefault(repo, List.of()))));
        }
        repositories.sort(Comparator.comparing(ScannedHelmRepository::file).thenComparingInt(r -> r.object().line()));
        int parsedFiles = tree.files().size();
        return new ScanResult(tree.root(), parsedFiles, releases, patches, repositories, tree.problems());
    }

    private static ReleasePatch patchOf(ManifestTree tree, KubeObject hr) {
        List<String> by = tree.listersOf(hr.file().relativePath()).stream()
                .map(e -> e.owner().file().relativePath()).distinct().toList();
        List<String> fields = new ArrayList<>();
        leafPaths(Nodes.get(hr.root(), "spec", "chart"), "spec.chart", fields);
        return new ReleasePatch(hr, hr.name(), by, fields);
    }

    private static void leafPaths(Node node, String path, List<String> out) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    leafPaths(t.getValueNode(), path + "." + key.getValue(), out);
                }
            }
        } else if (node != null) {
            out.add(path);
        }
    }
}
