package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.OnlineChecks;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.OciTagExistsRule;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Scan and verify asking a registry and a Helm repository served on loopback. */
class OnlineChecksTest {

    @TempDir
    Path dir;

    HttpServer server;
    String host;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/v2/charts/app/tags/list",
                ex -> OnlineClientsTest.reply(ex, 200, "{\"tags\":[\"1.0.0\",\"1.1.0\",\"1.2.3_build.1\"]}", Map.of()));
        server.createContext(
                "/v2/mirror/app/tags/list",
                ex -> OnlineClientsTest.reply(ex, 200, "{\"tags\":[\"4.12.0\",\"4.13.0\"]}", Map.of()));
        server.createContext(
                "/helm/index.yaml",
                ex -> OnlineClientsTest.reply(
                        ex,
                        200,
                        "apiVersion: v1\nentries:\n  app:\n    - version: 4.14.1\n    - version: 4.13.0\n    - version: 1.1.0\n",
                        Map.of()));
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ScanResult scan(String version, String ociPath) throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "helmrelease.yaml", "repo.yaml"))
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: local\n"
                                + "  namespace: flux-system\nspec:\n  url: http://" + host + "/helm\n")
                .file(
                        "helmrelease.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                                + "spec:\n  chart:\n    spec:\n      chart: app\n"
                                + (version == null ? "" : "      version: \"" + version + "\"\n")
                                + "      sourceRef:\n        kind: HelmRepository\n        name: local\n        namespace: flux-system\n");
        ManifestTree tree = t.load();
        ChartCatalog catalog = ChartCatalog.withBuiltIn(
                List.of(new ChartMapping("local", "app", "oci://" + host + "/" + ociPath, null, null)));
        OnlineOptions options = OnlineOptions.defaults();
        return OnlineChecks.apply(
                tree,
                new Scanner(catalog).scan(tree),
                new OciRegistryClient(options),
                new HelmIndexClient(options),
                catalog);
    }

    @Test
    void aCriticalReleaseWithARangeIsPinnedToTheNewestPublishedMatch() throws IOException {
        OciRegistryClient registry = new OciRegistryClient(OnlineOptions.defaults());
        ScanResult scan = scan("~1.1 || 1.0.x", "charts/app");
        ScannedRelease pinned = CriticalReleases.apply(scan, List.of("apps/app"), registry)
                .releases()
                .get(0);
        assertThat(pinned.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(pinned.oci().tag()).isEqualTo("1.1.0");
        assertThat(pinned.oci().semver()).isNull();
        assertThat(pinned.warnings()).anyMatch(w -> w.contains("range \"~1.1 || 1.0.x\" pinned to 1.1.0"));

        ScannedRelease offline =
                CriticalReleases.apply(scan, List.of("apps"), null).releases().get(0);
        assertThat(offline.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(CriticalReleases.blocked(offline)).isTrue();

        ScannedRelease noMatch = CriticalReleases.apply(scan("~9.0", "charts/app"), List.of("app"), registry)
                .releases()
                .get(0);
        assertThat(noMatch.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(noMatch.reasons())
                .as("the online check blocks it first")
                .anyMatch(x -> x.contains("no version matching"));

        ScannedRelease notCritical = CriticalReleases.apply(scan, List.of("other"), registry)
                .releases()
                .get(0);
        assertThat(notCritical.oci().semver()).isEqualTo("~1.1 || 1.0.x");
    }

    @Test
    void tagPresentStaysMigratable() throws IOException {
        ScannedRelease r = scan("1.2.3+build.1", "charts/app").releases().get(0);
        assertThat(r.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(r.oci().tag()).isEqualTo("1.2.3_build.1");
    }

    @Test
    void tagAbsentIsBlockedWithTheReason() throws IOException {
        ScannedRelease r = scan("2.0.0", "charts/app").releases().get(0);
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.reasons()).containsExactly("version 2.0.0 not published at oci://" + host + "/charts/app");
    }

    @Test
    void semverMatchesSomeTagOrIsBlocked() throws IOException {
        assertThat(scan("1.x", "charts/app").releases().get(0).status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        ScannedRelease none = scan(">=3.0.0", "charts/app").releases().get(0);
        assertThat(none.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(none.reasons().get(0))
                .isEqualTo("no version matching \">=3.0.0\" is published at oci://" + host + "/charts/app");
    }

    @Test
    void whenListingIsDeniedTheManifestIsAskedInstead() throws IOException {
        server.createContext("/v2/nolist/app/tags/list", ex -> OnlineClientsTest.reply(ex, 403, "", Map.of()));
        server.createContext(
                "/v2/nolist/app/manifests/",
                ex -> OnlineClientsTest.reply(
                        ex, ex.getRequestURI().getPath().endsWith("/1.0.0") ? 200 : 404, "", Map.of()));
        assertThat(scan("1.0.0", "nolist/app").releases().get(0).status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        ScannedRelease missing = scan("2.0.0", "nolist/app").releases().get(0);
        assertThat(missing.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(missing.reasons()).containsExactly("version 2.0.0 not published at oci://" + host + "/nolist/app");
    }

    @Test
    void mirrorLagReportsBothVersions() throws IOException {
        ScannedRelease r = scan("4.13.0", "mirror/app").releases().get(0);
        assertThat(r.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(r.warnings())
                .contains("oci://" + host + "/mirror/app lags behind http://" + host + "/helm: newest 4.13.0"
                        + " vs 4.14.1");
    }

    @Test
    void unknownReleasesGetASuggestionFromTheCatalogsGuessesNeverAStatus() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "helmrelease.yaml", "repo.yaml"))
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: local\n"
                                + "  namespace: flux-system\nspec:\n  url: http://" + host + "/charts\n")
                .file(
                        "helmrelease.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                                + "spec:\n  chart:\n    spec:\n      chart: app\n      version: 1.1.0\n      sourceRef:\n"
                                + "        kind: HelmRepository\n        name: local\n        namespace: flux-system\n");
        ChartCatalog catalog = new ChartCatalog(
                List.of(),
                List.of(),
                List.of(new ChartCatalog.Guess(
                        java.util.regex.Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/(\\w+)"),
                        List.of("oci://" + host + "/nothing-here/{chart}", "oci://" + host + "/$1/{chart}"),
                        "test")));
        ManifestTree tree = t.load();
        ScannedRelease r = OnlineChecks.apply(
                        tree,
                        new Scanner(catalog).scan(tree),
                        new OciRegistryClient(OnlineOptions.defaults()),
                        new HelmIndexClient(OnlineOptions.defaults()),
                        catalog)
                .releases()
                .get(0);
        assertThat(r.status()).isEqualTo(ReleaseStatus.UNKNOWN);
        // the repository serves no index here: nothing to compare digests with, so a suggestion that says why
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("suggestion, found online and not proven to be"
                                + " the same chart (the index of http://" + host + "/charts could not be read (" + host
                                + " answered 404"
                                + " for /charts/index.yaml)): oci://" + host + "/charts/app publishes version 1.1.0"));
    }

    @Test
    void builtInGuessesCoverGitHubPagesRepositories() {
        assertThat(ChartCatalog.withBuiltIn(List.of()).guessesFor("https://Kyverno.github.io/kyverno/", "kyverno"))
                .containsExactly(
                        "oci://ghcr.io/kyverno/charts/kyverno",
                        "oci://ghcr.io/kyverno/kyverno/kyverno",
                        "oci://ghcr.io/kyverno/helm-charts/kyverno");
    }

    @Test
    void verifyFailsOnAMissingTagOnlyWhenOnline() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "helmrelease.yaml", "oci.yaml"))
                .file(
                        "helmrelease.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                                + "spec:\n  chartRef:\n    kind: OCIRepository\n    name: app\n")
                .file(
                        "oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\nspec:\n"
                                + "  ref:\n    tag: 9.9.9\n  url: oci://" + host + "/charts/app\n");
        ManifestTree tree = t.load();
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
        OciTagExistsRule rule = new OciTagExistsRule();
        assertThat(rule.check(new VerifyContext(tree, scan, List.of(), List.of())))
                .isEmpty();
        List<Finding> online = rule.check(
                new VerifyContext(tree, scan, List.of(), List.of(), new OciRegistryClient(OnlineOptions.defaults())));
        assertThat(online)
                .singleElement()
                .extracting(Finding::describe)
                .asString()
                .isEqualTo("oci.yaml:7:10 [oci-tag-exists] tag 9.9.9 is not published at oci://" + host + "/charts/app;"
                        + " pick a published version");
    }
}
