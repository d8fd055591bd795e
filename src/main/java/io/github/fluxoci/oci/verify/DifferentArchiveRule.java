package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.fluxoci.oci.catalog.CatalogAnswer;
import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.catalog.HelmRepositoryRef;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.ScannedHelmRepository;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Online only ({@code -Doci.online=true}): a chart OCIRepository that pins a tag whose chart archive differs from the
 * archive the HelmRepository it replaced serves for the same version, when that HelmRepository is still known (still
 * in the tree, or named by URL in {@code <mappings>}). A migration should be a no-op for the chart's content; a
 * different archive (a mirror that repackaged, a publisher that pushed another build) deserves a review.
 */
public final class DifferentArchiveRule extends DeclaredRule {

    public DifferentArchiveRule() {
        super(
                "different-archive",
                Severity.WARNING,
                "(online) the chart archive an OCIRepository pins is the one its former HelmRepository serves (same digest)");
    }

    private record Pinned(KubeObject oci, String url, String tag, String chart, List<String> repositories) {}

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        if (context.registry() == null || context.helm() == null || context.catalog() == null) {
            return out;
        }
        List<Pinned> pinned = new ArrayList<>();
        Map<String, Set<String>> chartsByRepository = new LinkedHashMap<>();
        for (OciRepositories.PinnedTag p : OciRepositories.pinnedByTag(context)) {
            if (!p.url().startsWith("oci://")) {
                continue;
            }
            String chart = ChartUrls.lastSegment(ChartUrls.normalize(p.url()));
            List<String> repositories = formerRepositories(context, context.catalog(), p.url(), chart);
            if (!repositories.isEmpty()) {
                pinned.add(new Pinned(p.oci(), p.url(), p.tag(), chart, repositories));
                repositories.forEach(r -> chartsByRepository
                        .computeIfAbsent(r, k -> new HashSet<>())
                        .add(chart));
            }
        }
        for (Pinned p : pinned) {
            for (String repository : p.repositories()) {
                HelmIndexClient.Index index = context.helm().index(repository, chartsByRepository.get(repository));
                ChartProof proof = ChartProof.prove(
                        context.registry(),
                        index,
                        repository,
                        p.chart(),
                        p.tag().replace('_', '+'),
                        p.url(),
                        p.tag());
                if (proof.verdict() == ChartProof.Verdict.DIFFERENT) {
                    out.add(VerifyContext.at(
                            this,
                            p.oci(),
                            Nodes.get(p.oci().root(), "spec", "ref", "tag"),
                            p.url() + ":"
                                    + p.tag() + " is not the archive " + repository + " serves for " + p.chart() + " "
                                    + p.tag().replace('_', '+') + ": Helm repository " + proof.helmDigest() + ", OCI "
                                    + proof.ociDigest() + "; " + ChartProof.DIFFERENT_ADVICE));
                }
            }
        }
        return out;
    }

    /** The HTTP Helm repositories that served this chart before: in the tree (the catalog maps them here), or mapped by URL. */
    private static List<String> formerRepositories(
            VerifyContext context, ChartCatalog catalog, String ociUrl, String chart) {
        Set<String> out = new LinkedHashSet<>();
        String wanted = ChartUrls.normalize(ociUrl);
        for (ScannedHelmRepository h : context.scan().helmRepositories()) {
            if (h.url() == null || !h.url().startsWith("http")) {
                continue;
            }
            CatalogAnswer answer =
                    catalog.lookup(new HelmRepositoryRef(h.name(), h.namespace(), h.url(), h.type()), chart);
            if (answer instanceof CatalogAnswer.Found found
                    && ChartUrls.normalize(found.source().url()).equals(wanted)) {
                out.add(h.url());
            }
        }
        out.addAll(catalog.configuredRepositoriesOf(ociUrl, chart));
        return new ArrayList<>(out);
    }
}
