package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.catalog.OciSource;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Where the tree itself already pulls charts from OCI: for every OCIRepository a HelmRelease's {@code chartRef}
 * names, its chart (the url's last segment) and url. A release of the same chart on an HTTP repository that the
 * catalog does not know can move to that url (provenance {@value #PROVENANCE}); a chart the tree pulls from two
 * different urls teaches nothing.
 */
public final class TreeChartSources {

    public static final String PROVENANCE = "this tree";

    /** chart name -> normalized url -> the first OCIRepository that uses it */
    private final Map<String, Map<String, KubeObject>> byChart;

    private TreeChartSources(Map<String, Map<String, KubeObject>> byChart) {
        this.byChart = byChart;
    }

    public static TreeChartSources none() {
        return new TreeChartSources(Map.of());
    }

    public static TreeChartSources of(ManifestTree tree) {
        Map<String, Map<String, KubeObject>> out = new LinkedHashMap<>();
        for (KubeObject hr : tree.helmReleases()) {
            if (tree.isPatchFile(hr.file())
                    || !"OCIRepository".equals(Nodes.text(hr.root(), "spec", "chartRef", "kind"))) {
                continue;
            }
            String name = Nodes.text(hr.root(), "spec", "chartRef", "name");
            String ns = Nodes.text(hr.root(), "spec", "chartRef", "namespace");
            KubeObject oci = name == null || name.contains("${")
                    ? null
                    : SourceLookup.object(tree, "OCIRepository", name, ns != null ? ns : hr.metadataNamespace(), null);
            String url = oci == null ? null : Nodes.text(oci.root(), "spec", "url");
            if (url == null || url.contains("${") || !url.startsWith("oci://")) {
                continue;
            }
            String normalized = ChartUrls.normalize(url);
            out.computeIfAbsent(ChartUrls.lastSegment(normalized), c -> new LinkedHashMap<>())
                    .putIfAbsent(normalized, oci);
        }
        return new TreeChartSources(out);
    }

    /**
     * The url the tree pulls {@code chart} from, when it uses exactly one and that url looks like the same
     * publisher's as the Helm repository (they share an owner: {@code foo.github.io} and {@code ghcr.io/foo/...},
     * {@code charts.foo.io} and {@code registry.foo.io/...}); two publishers' charts of one name are not mixed up.
     */
    public Optional<OciSource> sourceFor(String chart, String helmRepositoryUrl, ChartCatalog catalog) {
        Map<String, KubeObject> urls = byChart.get(chart);
        if (urls == null || urls.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, KubeObject> e = urls.entrySet().iterator().next();
        if (!samePublisher(helmRepositoryUrl, e.getKey())) {
            return Optional.empty();
        }
        KubeObject oci = e.getValue();
        Optional<ChartCatalog.BuiltInEntry> known = catalog.describe(e.getKey());
        String tagPrefix = known.map(ChartCatalog.BuiltInEntry::tagPrefix).orElse(null);
        boolean cosign = known.map(ChartCatalog.BuiltInEntry::cosign).orElse(false);
        return Optional.of(new OciSource(
                e.getKey(),
                OciSource.TREE,
                PROVENANCE,
                "this tree already pulls " + chart
                        + " from " + e.getKey() + " (OCIRepository " + oci.describe() + ", "
                        + oci.file().relativePath() + ":"
                        + oci.line() + ")",
                tagPrefix,
                cosign));
    }

    /** The one url the tree pulls a chart from, even when it looks like another publisher's (for messages); or null. */
    public String onlyUrl(String chart) {
        Map<String, KubeObject> urls = byChart.get(chart);
        return urls == null || urls.size() != 1
                ? null
                : urls.keySet().iterator().next();
    }

    /**
     * True when the two URLs share an owner name: a GitHub Pages owner, a host label or a path segment of the Helm
     * repository (other than generic words such as {@code charts}, {@code helm}, {@code github}) appears as a host
     * label or path segment of the OCI url.
     */
    static boolean samePublisher(String helmRepositoryUrl, String ociUrl) {
        if (helmRepositoryUrl == null || ociUrl == null) {
            return false;
        }
        Set<String> oci = new HashSet<>(List.of(
                ociUrl.toLowerCase(Locale.ROOT).replaceFirst("^oci://", "").split("[/.:]")));
        String helm = helmRepositoryUrl.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        for (String token : helm.split("[/.:]")) {
            if (!token.isEmpty() && !GENERIC.contains(token) && oci.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> GENERIC = Set.of(
            "charts",
            "chart",
            "helm",
            "helm-charts",
            "github",
            "io",
            "com",
            "org",
            "dev",
            "net",
            "www",
            "raw",
            "githubusercontent",
            "master",
            "main",
            "stable",
            "release",
            "releases",
            "pkgs",
            "storage",
            "googleapis",
            "gitlab",
            "oci",
            "registry");

    /** The urls a chart is pulled from when there are several (none learned then), for messages. */
    public List<String> conflicting(String chart) {
        Map<String, KubeObject> urls = byChart.get(chart);
        return urls == null || urls.size() < 2 ? List.of() : new ArrayList<>(urls.keySet());
    }
}
