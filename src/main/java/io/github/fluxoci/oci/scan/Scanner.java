package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.flux.FluxApis;
import io.github.fluxoci.oci.flux.FluxVersionFinder;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.Nodes;

/** Inventories a manifests tree: every HelmRelease classified, every HelmRepository with its users. */
public final class Scanner {

    private final ChartCatalog catalog;
    private final String fluxVersion;

    /** A scanner for trees that state their Flux version (or run the newest, said so). */
    public Scanner(ChartCatalog catalog) {
        this(catalog, null);
    }

    /** {@code fluxVersion}: {@code oci.fluxVersion}, which overrides what the tree states; null for none. */
    public Scanner(ChartCatalog catalog, String fluxVersion) {
        this.catalog = catalog;
        this.fluxVersion = fluxVersion;
    }

    /**
     * Scans a tree.
     *
     * @throws IllegalArgumentException when {@code oci.fluxVersion} is not a Flux version or range
     */
    public ScanResult scan(ManifestTree tree) {
        FluxVersions flux = new FluxVersionFinder(FluxApis.shipped()).find(tree, fluxVersion);
        ReleaseClassifier classifier = new ReleaseClassifier(catalog, flux);
        List<ScannedRelease> releases = new ArrayList<>();
        List<ReleasePatch> patches = new ArrayList<>();
        TreeChartSources learned = TreeChartSources.of(tree);
        for (KubeObject hr : tree.helmReleases()) {
            if (tree.isPatchFile(hr.file())) {
                patches.add(patchOf(tree, hr));
            } else if (tree.instancesOf(hr).isEmpty()) {
                releases.add(classifier.classify(tree, hr, null, learned));
            } else {
                for (ObjectInstance i : tree.instancesOf(hr)) {
                    releases.add(classifier.classify(tree, hr, i, learned));
                }
            }
        }
        releases.sort(Comparator.comparing(ScannedRelease::file)
                .thenComparingInt(ScannedRelease::line)
                .thenComparing(r -> Objects.toString(r.cluster(), ""))
                .thenComparing(r -> Objects.toString(r.namespace().value(), "")));

        Map<KubeObject, List<String>> usedBy = new IdentityHashMap<>();
        for (ScannedRelease r : releases) {
            if (r.source() != null && "HelmRepository".equals(r.source().kind())) {
                KubeObject repo = SourceLookup.object(
                        tree, "HelmRepository", r.source().name(), r.source().namespace(), r.cluster());
                if (repo != null) {
                    List<String> users = usedBy.computeIfAbsent(repo, k -> new ArrayList<>());
                    if (!users.contains(r.qualifiedName())) {
                        users.add(r.qualifiedName());
                    }
                }
            }
        }
        List<ScannedHelmRepository> repositories = new ArrayList<>();
        for (KubeObject repo : tree.helmRepositories()) {
            String type = Nodes.text(repo.root(), "spec", "type");
            String ns = tree.instancesOf(repo).isEmpty()
                    ? repo.metadataNamespace()
                    : tree.instancesOf(repo).get(0).namespaceValue();
            repositories.add(new ScannedHelmRepository(
                    repo,
                    repo.name(),
                    ns,
                    Nodes.text(repo.root(), "spec", "url"),
                    type == null ? "default" : type,
                    List.copyOf(usedBy.getOrDefault(repo, List.of()))));
        }
        repositories.sort(Comparator.comparing(ScannedHelmRepository::file)
                .thenComparingInt(r -> r.object().line()));
        int parsedFiles = tree.files().size();
        return new ScanResult(
                tree.root(), parsedFiles, releases, patches, repositories, tree.problems(), flux, tree.notices());
    }

    private static ReleasePatch patchOf(ManifestTree tree, KubeObject hr) {
        List<String> by = tree.listersOf(hr.file().relativePath()).stream()
                .map(e -> e.owner().file().relativePath())
                .distinct()
                .toList();
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
