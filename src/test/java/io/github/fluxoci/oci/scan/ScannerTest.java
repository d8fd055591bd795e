package io.github.fluxoci.oci.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ScannerTest {

    @TempDir
    Path dir;

    static final String REPOS = """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: jetstack
              namespace: flux-system
            spec:
              url: https://charts.jetstack.io/
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: unknown-repo
              namespace: flux-system
            spec:
              url: https://charts.example.invalid
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: bjw-s
              namespace: flux-system
            spec:
              type: oci
              url: oci://ghcr.io/bjw-s/helm
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: unused
              namespace: flux-system
            spec:
              url: https://unused.example.invalid
            """;

    static String release(String name, String chartSpec) {
        return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name
                + "\n  namespace: apps\nspec:\n  interval: 1h\n  chart:\n    spec:\n" + chartSpec.indent(6);
    }

    private ScanResult scan(TreeFixture fixture, List<ChartMapping> mappings) throws IOException {
        return new Scanner(ChartCatalog.withBuiltIn(mappings)).scan(fixture.load());
    }

    private ScannedRelease only(ScanResult result, String name) {
        return result.releases().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private TreeFixture tree(String name, String chartSpec) throws IOException {
        return new TreeFixture(dir)
                .file("repos/kustomization.yaml", TreeFixture.kustomization(null, "repos.yaml"))
                .file("repos/repos.yaml", REPOS)
                .file("apps/" + name + "/kustomization.yaml", TreeFixture.kustomization(null, "helmrelease.yaml"))
                .file("apps/" + name + "/helmrelease.yaml", release(name, chartSpec));
    }

    private static String source(String repo) {
        return "sourceRef:\n  kind: HelmRepository\n  name: " + repo + "\n  namespace: flux-system\n";
    }

    @Test
    void exactVersionBecomesATagWithPlusWrittenAsUnderscore() throws IOException {
        ScannedRelease r = only(
                scan(tree("cm", "chart: cert-manager\nversion: v1.17.0+build.2\n" + source("jetstack")), List.of()),
                "cm");
        assertThat(r.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(r.oci().url()).isEqualTo("oci://quay.io/jetstack/charts/cert-manager");
        assertThat(r.oci().tag()).isEqualTo("v1.17.0_build.2");
        assertThat(r.oci().semver()).isNull();
        assertThat(r.oci().file()).isEqualTo("apps/cm/ocirepository.yaml");
        assertThat(r.oci().kustomization()).isEqualTo("apps/cm/kustomization.yaml");
        assertThat(r.source())
                .isEqualTo(new ChartSource(
                        "HelmRepository", "jetstack", "flux-system", "https://charts.jetstack.io/", "default"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aPublisherWhoseTagsStartWithVGetsItsTag() throws IOException {
        ScannedRelease bare =
                only(scan(tree("cm", "chart: cert-manager\nversion: 1.17.0\n" + source("jetstack")), List.of()), "cm");
        assertThat(bare.oci().tag()).isEqualTo("v1.17.0");
        assertThat(bare.warnings())
                .singleElement()
                .asString()
                .isEqualTo("tag written as v1.17.0:"
                        + " oci://quay.io/jetstack/charts/cert-manager tags its charts with a leading \"v\"; the version 1.17.0 would"
                        + " not resolve there");
        ScannedRelease prefixed =
                only(scan(tree("cm", "chart: cert-manager\nversion: v1.17.0\n" + source("jetstack")), List.of()), "cm");
        assertThat(prefixed.oci().tag()).isEqualTo("v1.17.0");
        assertThat(prefixed.warnings()).isEmpty();
    }

    @Test
    void aRangeBecomesSemverWithARenovateWarning() throws IOException {
        ScannedRelease r =
                only(scan(tree("cm", "chart: cert-manager\nversion: '1.x'\n" + source("jetstack")), List.of()), "cm");
        assertThat(r.oci().semver()).isEqualTo("1.x");
        assertThat(r.oci().tag()).isNull();
        assertThat(r.warnings()).singleElement().asString().contains("Renovate cannot track ref.semver");
    }

    @Test
    void aVersionHelmCannotReadIsBlockedNotCarriedOver() throws IOException {
        ScannedRelease r = only(
                scan(
                        tree("cm", "chart: cert-manager\nversion: '>=1.0.0 || garbage'\n" + source("jetstack")),
                        List.of()),
                "cm");
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.oci()).isNull();
        assertThat(r.reasons())
                .singleElement()
                .asString()
                .isEqualTo("version \">=1.0.0 || garbage\" is not a range Helm or"
                        + " Flux can read (improper constraint: \" garbage\"): the HelmChart fails today and ref.semver would fail"
                        + " the same way; fix the version first");
        ScannedRelease notEqual = only(
                scan(
                        tree("cm", "chart: cert-manager\nversion: '>= 1.2.3, != 1.5.0'\n" + source("jetstack")),
                        List.of()),
                "cm");
        assertThat(notEqual.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(notEqual.oci().semver()).isEqualTo(">= 1.2.3, != 1.5.0");
    }

    @Test
    void aReleaseMigrateCannotRewriteInPlaceIsBlockedWithWhatToDo() throws IOException {
        String json = "{\"apiVersion\": \"helm.toolkit.fluxcd.io/v2\", \"kind\": \"HelmRelease\",\n"
                + " \"metadata\": {\"name\": \"j\", \"namespace\": \"apps\"},\n"
                + " \"spec\": {\"chart\": {\"spec\": {\"chart\": \"cert-manager\", \"version\": \"1.17.0\",\n"
                + "   \"sourceRef\": {\"kind\": \"HelmRepository\", \"name\": \"jetstack\", \"namespace\": \"flux-system\"}}}}}\n";
        TreeFixture t = tree("cm", "chart: cert-manager\nversion: 1.17.0\n" + source("jetstack"))
                .file(
                        "apps/cm/kustomization.yaml",
                        TreeFixture.kustomization(null, "helmrelease.yaml", "j.json", "flow.yaml"))
                .file("apps/cm/j.json", json)
                .file(
                        "apps/cm/flow.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: f\n"
                                + "  namespace: apps\nspec: {chart: {spec: {chart: cert-manager, version: 1.17.0, sourceRef:"
                                + " {kind: HelmRepository, name: jetstack, namespace: flux-system}}}}\n");
        ScanResult result = scan(t, List.of());
        assertThat(only(result, "cm").status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(only(result, "j").status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(only(result, "j").reasons())
                .singleElement()
                .asString()
                .isEqualTo(
                        "the release is a JSON file: oci:migrate"
                                + " rewrites block-style YAML only; write the file as YAML first, or move it to chartRef by hand");
        assertThat(only(result, "f").status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(only(result, "f").reasons()).singleElement().asString().startsWith("spec is written in flow style");
    }

    @Test
    void noVersionBecomesSemverStar() throws IOException {
        ScannedRelease r = only(scan(tree("cm", "chart: cert-manager\n" + source("jetstack")), List.of()), "cm");
        assertThat(r.oci().semver()).isEqualTo("*");
        assertThat(r.warnings()).singleElement().asString().contains("no chart version");
    }

    @Test
    void ociHelmRepositoryIsMigratableByDerivation() throws IOException {
        ScannedRelease r =
                only(scan(tree("web", "chart: app-template\nversion: 3.7.1\n" + source("bjw-s")), List.of()), "web");
        assertThat(r.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(r.oci().url()).isEqualTo("oci://ghcr.io/bjw-s/helm/app-template");
        assertThat(r.oci().origin()).isEqualTo("derived");
        assertThat(r.source().type()).isEqualTo("oci");
    }

    @Test
    void unknownHttpRepositorySaysHowToAddAMapping() throws IOException {
        ScannedRelease r =
                only(scan(tree("x", "chart: thing\nversion: 1.0.0\n" + source("unknown-repo")), List.of()), "x");
        assertThat(r.status()).isEqualTo(ReleaseStatus.UNKNOWN);
        assertThat(r.oci()).isNull();
        assertThat(r.reasons())
                .singleElement()
                .asString()
                .contains("<mapping><repository>https://charts.example.invalid</repository><chart>thing</chart>");
    }

    @Test
    void aMappingByNameWorksEvenWhenTheRepositoryIsNotInTheTree() throws IOException {
        TreeFixture t = tree("x", "chart: thing\nversion: 1.0.0\n" + source("elsewhere"));
        assertThat(only(scan(t, List.of()), "x").status()).isEqualTo(ReleaseStatus.UNKNOWN);
        assertThat(only(scan(t, List.of()), "x").reasons().get(0)).contains("is not in the scanned tree");
        ScannedRelease mapped = only(
                scan(t, List.of(new ChartMapping("elsewhere", "thing", "oci://r.example/thing", null, null))), "x");
        assertThat(mapped.status()).isEqualTo(ReleaseStatus.MIGRATABLE);
        assertThat(mapped.oci().origin()).isEqualTo("configured");
    }

    @Test
    void valuesFilesBlocksTheMigration() throws IOException {
        ScannedRelease r = only(
                scan(
                        tree(
                                "cm",
                                "chart: cert-manager\nversion: 1.0.0\nvaluesFiles:\n  - values-prod.yaml\n"
                                        + source("jetstack")),
                        List.of()),
                "cm");
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.reasons()).singleElement().asString().contains("valuesFiles has no chartRef equivalent");
    }

    @Test
    void gitRepositoryChartsAreBlocked() throws IOException {
        ScannedRelease r = only(
                scan(
                        tree("g", "chart: ./charts/app\nsourceRef:\n  kind: GitRepository\n  name: flux-system\n"),
                        List.of()),
                "g");
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.reasons().get(0)).contains("comes from a GitRepository");
    }

    @Test
    void ociRepositoryInSourceRefIsBlockedWithFluxsError() throws IOException {
        ScannedRelease r =
                only(scan(tree("o", "chart: x\nsourceRef:\n  kind: OCIRepository\n  name: x\n"), List.of()), "o");
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.reasons().get(0)).contains("Unsupported value").contains("spec.chartRef");
    }

    @Test
    void warnsAboutWhatTheMigrationDropsOrRisks() throws IOException {
        TreeFixture t =
                tree("cm", "chart: cert-manager\nversion: 1.0.0\nreconcileStrategy: Revision\n" + source("jetstack"));
        List<ChartMapping> rename = List.of(new ChartMapping(
                "jetstack", "cert-manager", "oci://registry.example/charts-mirror/certmanager", null, null));
        ScannedRelease r = only(scan(t, rename), "cm");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("reconcileStrategy: Revision"));
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w).contains("chart name changes from cert-manager to certmanager"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("source is a mirror"));
    }

    @Test
    void aV2ReleaseWithValuesFileIsBlockedForWhatV2Lacks() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("repos.yaml", REPOS)
                .file(
                        "hr.yaml",
                        release(
                                "old",
                                "chart: cert-manager\nversion: 1.0.0\nvaluesFile: prod.yaml\n" + source("jetstack")));
        ScannedRelease r = only(scan(t, List.of()), "old");
        assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
        assertThat(r.reasons())
                .singleElement()
                .asString()
                .startsWith("spec.chart.spec.valuesFile is not a field of HelmRelease v2");
    }

    @Test
    void removedApiVersionAndUnlistedFileAreWarned() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("repos.yaml", REPOS)
                .file(
                        "hr.yaml",
                        release("old", "chart: cert-manager\nversion: 1.0.0\n" + source("jetstack"))
                                .replace("helm.toolkit.fluxcd.io/v2", "helm.toolkit.fluxcd.io/v2beta1"));
        ScannedRelease r = only(scan(t, List.of()), "old");
        // nothing states the tree's Flux: the newest is assumed, which no longer serves v2beta1 (its CRDs say so)
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w)
                        .isEqualTo("apiVersion helm.toolkit.fluxcd.io/v2beta1 is not served by Flux 2.9.4 (served until"
                                + " Flux 2.6.4); use helm.toolkit.fluxcd.io/v2 (oci:migrate moves it, unless"
                                + " helm.toolkit.fluxcd.io/v2 lacks a field it sets)"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no kustomization lists hr.yaml"));
    }

    @Test
    void chartRefReleasesAreOciWithTheirRepositorysRef() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file(
                        "app/kustomization.yaml",
                        TreeFixture.kustomization("net", "helmrelease.yaml", "ocirepository.yaml"))
                .file("app/ocirepository.yaml", """
                        apiVersion: source.toolkit.fluxcd.io/v1
                        kind: OCIRepository
                        metadata:
                          name: external-dns
                        spec:
                          interval: 15m
                          ref:
                            tag: 1.16.1
                          url: oci://ghcr.io/home-operations/charts-mirror/external-dns
                        """)
                .file("app/helmrelease.yaml", """
                        apiVersion: helm.toolkit.fluxcd.io/v2
                        kind: HelmRelease
                        metadata:
                          name: external-dns
                        spec:
                          chartRef:
                            kind: OCIRepository
                            name: external-dns
                        """)
                .file("other/helmrelease.yaml", """
                        apiVersion: helm.toolkit.fluxcd.io/v2
                        kind: HelmRelease
                        metadata:
                          name: dangling
                          namespace: net
                        spec:
                          chartRef:
                            kind: OCIRepository
                            name: nope
                        """);
        ScanResult result = scan(t, List.of());
        ScannedRelease r = only(result, "external-dns");
        assertThat(r.status()).isEqualTo(ReleaseStatus.OCI);
        assertThat(r.namespace().value()).isEqualTo("net");
        assertThat(r.chart()).isEqualTo("external-dns");
        assertThat(r.version()).isEqualTo("1.16.1");
        assertThat(r.oci().provenance()).isEqualTo("mirror");
        assertThat(r.oci().file()).isEqualTo("app/ocirepository.yaml");
        ScannedRelease dangling = only(result, "dangling");
        assertThat(dangling.status()).isEqualTo(ReleaseStatus.OCI);
        assertThat(dangling.warnings())
                .anySatisfy(w -> assertThat(w).contains("OCIRepository net/nope but the tree has none"));
    }

    @Test
    void anOciRepositoryInTheSameKustomizationIsFoundWhateverItsOwnMetadataSays() throws IOException {
        // regression: the OCIRepository says flux-system, the release says nothing; the kustomization's namespace
        // wins for both on the cluster, so they meet in "net" and there is no "the tree has none" warning
        TreeFixture t = new TreeFixture(dir)
                .file(
                        "app/kustomization.yaml",
                        TreeFixture.kustomization("net", "helmrelease.yaml", "ocirepository.yaml"))
                .file(
                        "app/ocirepository.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n"
                                + "  name: podinfo\n  namespace: flux-system\nspec:\n  ref:\n    tag: 6.5.4\n"
                                + "  url: oci://ghcr.io/stefanprodan/charts/podinfo\n")
                .file(
                        "app/helmrelease.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                                + "  name: podinfo\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: podinfo\n");
        ScannedRelease r = only(scan(t, List.of()), "podinfo");
        assertThat(r.namespace().value()).isEqualTo("net");
        assertThat(r.oci().tag()).isEqualTo("6.5.4");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void helmRepositoriesListTheirUsers() throws IOException {
        ScanResult result = scan(tree("cm", "chart: cert-manager\nversion: 1.0.0\n" + source("jetstack")), List.of());
        assertThat(result.helmRepositories())
                .extracting(ScannedHelmRepository::name)
                .containsExactly("jetstack", "unknown-repo", "bjw-s", "unused");
        assertThat(result.helmRepositories().get(0).usedBy()).containsExactly("apps/cm");
        assertThat(result.helmRepositories().get(3).usedBy()).isEmpty();
        assertThat(result.helmRepositories().get(2).type()).isEqualTo("oci");
    }

    @Test
    void overlayPatchesAreNotReleases() throws IOException {
        TreeFixture t = tree("podinfo", "chart: podinfo\n" + source("jetstack"))
                .file("staging/kustomization.yaml", "resources:\n  - ../apps/podinfo\npatches:\n  - path: patch.yaml\n")
                .file(
                        "staging/patch.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                                + "  name: podinfo\nspec:\n  chart:\n    spec:\n      version: '>=1.0.0'\n");
        ScanResult result = scan(t, List.of());
        assertThat(result.releases()).extracting(ScannedRelease::file).containsExactly("apps/podinfo/helmrelease.yaml");
        assertThat(result.releasePatches()).singleElement().satisfies(p -> {
            assertThat(p.chartFields()).containsExactly("spec.chart.spec.version");
            assertThat(p.patchedBy()).containsExactly("staging/kustomization.yaml");
        });
    }

    @Test
    void chartVersionsTellExactFromRanges() {
        assertThat(ChartVersions.isExact("1.2.3")).isTrue();
        assertThat(ChartVersions.isExact("v1.2.3-rc.1+build.5")).isTrue();
        assertThat(ChartVersions.isExact("=1.2.3")).isTrue();
        for (String range :
                List.of("1.x", "3.x.x", ">=1.0.0", "~1.2", "^1.2.0", "*", "1.2", "1.2.3 || 2.x", "01.2.3")) {
            assertThat(ChartVersions.isExact(range)).as(range).isFalse();
        }
        assertThat(ChartVersions.tagFor("=1.2.3+meta")).isEqualTo("1.2.3_meta");
    }
}
