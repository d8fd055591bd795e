package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.migrate.FileChange;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigratedRelease;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.OnlineChecks;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.DifferentArchiveRule;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.UnverifiedSignatureRule;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online proof against the real registry: chart archives built here are pushed with Helm's media types, and a Helm
 * repository on loopback serves an {@code index.yaml} with the digests of the same (or of other) archives. Covers
 * identical, different and missing digests, an image index wrapping the chart, a cosign signature tag, discovery by
 * digest, migrate's {@code oci.verify=cosign}, the verify rules, and that each repository and tag is asked once.
 */
class ChartProofRegistryTest {

    @TempDir
    Path dir;

    LoopbackRegistry registry;
    HttpServer helm;
    String proxy;
    String helmUrl;
    final Map<String, byte[]> archives = new HashMap<>();
    final AtomicInteger indexRequests = new AtomicInteger();
    String sameManifest;
    String wrappedIndex;

    private static String hex(byte[] archive) {
        return LoopbackRegistry.sha256(archive).substring("sha256:".length());
    }

    @BeforeEach
    void start() throws Exception {
        registry = LoopbackRegistry.start(dir, "");
        proxy = registry.countingProxy();
        for (String[] a : new String[][] {
            {"same", "1.0.0", "s"},
            {"other", "2.0.0", "helm build"},
            {"other-oci", "2.0.0", "oci build"},
            {"nodigest", "1.0.0", "n"},
            {"wrapped", "1.0.0", "w"},
            {"found", "3.0.0", "f"},
            {"linked", "1.5.0", "l"},
            {"lookalike", "1.0.0", "helm"},
            {"lookalike-oci", "1.0.0", "another publisher"}
        }) {
            archives.put(a[0], LoopbackRegistry.chartArchive(a[0].replace("-oci", ""), a[1], a[2]));
        }
        sameManifest = registry.pushChart("charts/same", "1.0.0", archives.get("same"), null);
        registry.pushSignatureTag("charts/same", sameManifest);
        registry.pushChart("charts/other", "2.0.0", archives.get("other-oci"), null);
        registry.pushChart("charts/nodigest", "1.0.0", archives.get("nodigest"), null);
        wrappedIndex = registry.pushChartInIndex("charts/wrapped", "1.0.0", archives.get("wrapped"));
        registry.pushChart("discovered/found", "3.0.0", archives.get("found"), null);
        registry.pushChart("discovered/lookalike", "1.0.0", archives.get("lookalike-oci"), null);
        registry.pushChart("elsewhere/linked", "1.5.0", archives.get("linked"), null);
        registry.requests.clear();

        String index = "apiVersion: v1\nentries:\n"
                + "  same:\n    - version: 1.0.0\n      digest: " + hex(archives.get("same")) + "\n"
                + "      urls:\n        - https://charts.example.invalid/same-1.0.0.tgz\n"
                + "  other:\n    - version: 2.0.0\n      digest: " + hex(archives.get("other")) + "\n"
                + "  nodigest:\n    - version: 1.0.0\n      urls: [nodigest-1.0.0.tgz]\n"
                + "  wrapped:\n    - version: 1.0.0\n      digest: " + hex(archives.get("wrapped")) + "\n"
                + "  found:\n    - version: 3.0.0\n      digest: " + hex(archives.get("found")) + "\n"
                + "  lookalike:\n    - version: 1.0.0\n      digest: " + hex(archives.get("lookalike")) + "\n"
                + "  linked:\n    - version: 1.5.0\n      digest: " + hex(archives.get("linked")) + "\n"
                + "      home: https://linked.example.invalid\n      sources:\n        - oci://" + proxy
                + "/elsewhere/linked\n";
        helm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        helm.createContext("/charts/index.yaml", ex -> {
            indexRequests.incrementAndGet();
            OnlineClientsTest.reply(ex, 200, index, Map.of());
        });
        helm.start();
        helmUrl = "http://127.0.0.1:" + helm.getAddress().getPort() + "/charts";
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (helm != null) {
            helm.stop(0);
        }
        if (registry != null) {
            registry.close();
        }
    }

    private static String release(String name, String chart, String version) {
        return "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  interval: 1h\n  chart:\n    spec:\n      chart: " + chart + "\n      version: " + version + "\n"
                + "      sourceRef:\n        kind: HelmRepository\n        name: local\n        namespace: flux-system\n";
    }

    private ManifestTree tree() throws IOException {
        return new TreeFixture(dir.resolve("tree"))
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "releases.yaml", "repo.yaml"))
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: local\n"
                                + "  namespace: flux-system\nspec:\n  interval: 1h\n  url: " + helmUrl + "\n")
                .file(
                        "releases.yaml",
                        release("same-a", "same", "1.0.0")
                                + release("same-b", "same", "1.0.0")
                                + release("other", "other", "2.0.0")
                                + release("nodigest", "nodigest", "1.0.0")
                                + release("wrapped", "wrapped", "1.0.0")
                                + release("found", "found", "3.0.0")
                                + release("lookalike", "lookalike", "1.0.0")
                                + release("linked", "linked", "1.5.0"))
                .load();
    }

    private ChartCatalog catalog() {
        List<ChartMapping> mappings = new java.util.ArrayList<>();
        for (String chart : List.of("same", "other", "nodigest", "wrapped")) {
            mappings.add(new ChartMapping(helmUrl, chart, "oci://" + proxy + "/charts/" + chart, null, null));
        }
        return new ChartCatalog(
                mappings,
                List.of(),
                List.of(new ChartCatalog.Guess(
                        Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/charts"),
                        List.of("oci://" + proxy + "/discovered/{chart}"),
                        "test guess")));
    }

    /** The scan with the online checks, one run's clients. */
    private ScanResult onlineScan(ManifestTree tree) {
        ChartCatalog catalog = catalog();
        OnlineOptions options = OnlineOptions.defaults();
        return OnlineChecks.apply(
                tree,
                new Scanner(catalog).scan(tree),
                new OciRegistryClient(options),
                new HelmIndexClient(options),
                catalog);
    }

    private static ScannedRelease named(ScanResult scan, String name) {
        return scan.releases().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theArchivesBuiltHereAreRealCharts() throws Exception {
        Path tgz = dir.resolve("same-1.0.0.tgz");
        Files.write(tgz, archives.get("same"));
        Process tar = new ProcessBuilder("tar", "-tzf", tgz.toString())
                .redirectErrorStream(true)
                .start();
        String listing = LoopbackRegistry.read(tar.getInputStream());
        assertThat(tar.waitFor()).as(listing).isZero();
        assertThat(listing.lines()).containsExactly("same/Chart.yaml", "same/values.yaml");
    }

    @Test
    void scanComparesDigestsFindsSignaturesAndDiscoversByDigestAskingEachTagOnce() throws Exception {
        ManifestTree tree = tree();
        ScanResult scan = onlineScan(tree);

        String same = LoopbackRegistry.sha256(archives.get("same"));
        for (String name : List.of("same-a", "same-b")) {
            ChartProof p = named(scan, name).oci().proof();
            assertThat(p.verdict()).isEqualTo(ChartProof.Verdict.IDENTICAL);
            assertThat(p.helmDigest()).isEqualTo(same);
            assertThat(p.ociDigest()).isEqualTo(same);
            assertThat(p.manifestDigest()).isEqualTo(sameManifest);
            assertThat(p.signature()).isEqualTo(ChartProof.Signing.SIGNED);
            assertThat(p.signatureNote()).contains(sameManifest.replace(':', '-') + ".sig");
        }

        ScannedRelease other = named(scan, "other");
        assertThat(other.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(other.oci().proof().verdict()).isEqualTo(ChartProof.Verdict.DIFFERENT);
        assertThat(other.oci().proof().helmDigest()).isEqualTo(LoopbackRegistry.sha256(archives.get("other")));
        assertThat(other.oci().proof().ociDigest()).isEqualTo(LoopbackRegistry.sha256(archives.get("other-oci")));
        assertThat(other.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("the OCI chart is a different archive: review it before moving")
                        .contains(LoopbackRegistry.sha256(archives.get("other"))));

        ChartProof nodigest = named(scan, "nodigest").oci().proof();
        assertThat(nodigest.verdict()).isEqualTo(ChartProof.Verdict.UNKNOWN);
        assertThat(nodigest.reason()).isEqualTo(helmUrl + " lists no digest for nodigest 1.0.0");
        assertThat(nodigest.ociDigest()).isEqualTo(LoopbackRegistry.sha256(archives.get("nodigest")));
        assertThat(nodigest.signature()).isEqualTo(ChartProof.Signing.UNSIGNED);

        ChartProof wrapped = named(scan, "wrapped").oci().proof();
        assertThat(wrapped.verdict()).as(wrapped.reason()).isEqualTo(ChartProof.Verdict.IDENTICAL);
        assertThat(wrapped.manifestDigest())
                .as("the index is what the tag names, and what a signature would sign")
                .isEqualTo(wrappedIndex);

        ScannedRelease found = named(scan, "found");
        assertThat(found.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(found.oci().url()).isEqualTo("oci://" + proxy + "/discovered/found");
        assertThat(found.oci().provenance()).isEqualTo("verified by digest");
        assertThat(found.oci().proof().identical()).isTrue();
        assertThat(found.warnings())
                .anySatisfy(w -> assertThat(w).contains("<oci>oci://" + proxy + "/discovered/found</oci>"));

        ScannedRelease linked = named(scan, "linked");
        assertThat(linked.status()).as("the index entry's sources name it").isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(linked.oci().url()).isEqualTo("oci://" + proxy + "/elsewhere/linked");

        ScannedRelease lookalike = named(scan, "lookalike");
        assertThat(lookalike.status()).isEqualTo(ReleaseStatus.UNKNOWN);
        assertThat(lookalike.warnings())
                .anySatisfy(
                        w -> assertThat(w)
                                .startsWith(
                                        "suggestion: oci://" + proxy
                                                + "/discovered/lookalike publishes version 1.0.0, but the OCI chart is a different archive"));

        // each repository and tag asked at most once in the run, the Helm index once
        assertThat(registry.requests).isNotEmpty();
        registry.requests.forEach(
                (request, n) -> assertThat(n.get()).as(request).isEqualTo(1));
        assertThat(registry.count("GET /v2/charts/same/manifests/1.0.0")).isEqualTo(1);
        assertThat(registry.count("GET /v2/charts/same/tags/list")).isEqualTo(1);
        assertThat(registry.count("GET /v2/charts/same/referrers/" + sameManifest))
                .as("the .sig tag answered")
                .isZero();
        assertThat(indexRequests.get()).isEqualTo(1);
    }

    @Test
    void migrateWritesNoCosignVerificationWithoutTheSignersIdentity() throws Exception {
        ManifestTree tree = tree();
        ScanResult scan = onlineScan(tree);
        MigrationPlan plan = MigrationPlanner.plan(
                tree,
                scan,
                new MigrateOptions(List.of("same-a", "wrapped"), List.of(), null, null, "", null, false, null, true));
        List<String> written = new java.util.ArrayList<>();
        plan.changes().stream()
                .filter(FileChange::isNew)
                .forEach(c -> written.addAll(List.of(c.after().split("(?m)^---\n"))));
        // signed, but by whom the catalog does not know: a verify without matchOIDCIdentity would pin no signer
        assertThat(written)
                .anySatisfy(text -> assertThat(text)
                        .contains("url: oci://" + proxy + "/charts/same\n")
                        .doesNotContain("verify:"));
        assertThat(plan.migrated().stream()
                        .filter(m -> m.release().name().equals("same-a"))
                        .findFirst()
                        .orElseThrow()
                        .notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("oci.verify=cosign: spec.verify not written: oci://" + proxy
                                + "/charts/same is signed, but the catalog does not know by whom"));
        assertThat(written)
                .anySatisfy(text -> assertThat(text)
                        .contains("url: oci://" + proxy + "/charts/wrapped\n")
                        .doesNotContain("verify:"));
        MigratedRelease wrapped = plan.migrated().stream()
                .filter(m -> m.release().name().equals("wrapped"))
                .findFirst()
                .orElseThrow();
        assertThat(wrapped.notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("oci.verify=cosign: spec.verify not written, oci://" + proxy
                                + "/charts/wrapped:1.0.0 carries no cosign signature"));
    }

    @Test
    void verifyWarnsOfADifferentArchiveAndOfASignatureFluxDoesNotCheck() throws Exception {
        String oci = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: %s\nspec:\n"
                + "  interval: 1h\n  url: oci://" + proxy + "/charts/%s\n  ref:\n    tag: %s\n"
                + "  layerSelector:\n    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n    operation: copy\n%s";
        String hr =
                "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: %s\nspec:\n  interval: 1h\n"
                        + "  chartRef:\n    kind: OCIRepository\n    name: %s\n";
        ManifestTree tree = new TreeFixture(dir.resolve("migrated"))
                .file(
                        "kustomization.yaml",
                        TreeFixture.kustomization(
                                "apps", "same.yaml", "verified.yaml", "other.yaml", "wrapped.yaml", "repo.yaml"))
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: local\n"
                                + "spec:\n  interval: 1h\n  url: " + helmUrl + "\n")
                .file("same.yaml", String.format(oci, "same", "same", "1.0.0", "") + String.format(hr, "same", "same"))
                .file(
                        "verified.yaml",
                        String.format(oci, "verified", "same", "1.0.0", "  verify:\n    provider: cosign\n")
                                + String.format(hr, "verified", "verified"))
                .file(
                        "other.yaml",
                        String.format(oci, "other", "other", "2.0.0", "") + String.format(hr, "other", "other"))
                .file(
                        "wrapped.yaml",
                        String.format(oci, "wrapped", "wrapped", "1.0.0", "") + String.format(hr, "wrapped", "wrapped"))
                .load();
        ChartCatalog catalog = catalog();
        OnlineOptions options = OnlineOptions.defaults();
        VerifyContext context = new VerifyContext(
                tree,
                new Scanner(catalog).scan(tree),
                List.of(),
                List.of(),
                new OciRegistryClient(options),
                new HelmIndexClient(options),
                catalog);

        List<Finding> different = new DifferentArchiveRule().check(context);
        assertThat(different).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("other.yaml");
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.message())
                    .contains(LoopbackRegistry.sha256(archives.get("other")))
                    .contains(LoopbackRegistry.sha256(archives.get("other-oci")))
                    .contains("review it before moving");
        });
        List<Finding> unverified = new UnverifiedSignatureRule().check(context);
        assertThat(unverified).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("same.yaml");
            assertThat(f.message()).contains("is signed with cosign").contains("add spec.verify.provider: cosign");
        });
        // the same questions again: answered from the run's cache
        registry.requests.clear();
        new UnverifiedSignatureRule().check(context);
        new DifferentArchiveRule().check(context);
        assertThat(registry.requests).isEmpty();
    }
}
