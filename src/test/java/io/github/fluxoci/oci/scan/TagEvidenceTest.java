package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How scan knows, offline, that the tag it proposes exists: the catalog's first OCI-published version of
 * kube-prometheus-stack (46.4.2, from prometheus-community's release workflow) vouches for that version and later
 * ones and refuses older ones; a {@code type: oci} HelmRepository is in use already; anything else is unverified.
 */
class TagEvidenceTest {

    @TempDir
    Path tree;

    @ParameterizedTest
    @CsvSource({
        "https://prometheus-community.github.io/helm-charts, kube-prometheus-stack, 46.4.2, MIGRATABLE, catalog",
        "https://prometheus-community.github.io/helm-charts, kube-prometheus-stack, 61.3.0, MIGRATABLE, catalog",
        "https://prometheus-community.github.io/helm-charts, kube-prometheus-stack, 46.4.1, BLOCKED, ",
        "https://prometheus-community.github.io/helm-charts, kube-prometheus-stack, 39.4.0, BLOCKED, ",
        "https://stefanprodan.github.io/podinfo, podinfo, 6.5.4, MIGRATABLE, unverified",
        "oci://ghcr.io/stefanprodan/charts, podinfo, 6.5.4, MIGRATABLE, in use",
    })
    void everyProposedTagSaysHowItIsKnown(String repository, String chart, String version, String status, String known)
            throws Exception {
        TreeFixture t = new TreeFixture(tree);
        t.file("kustomization.yaml", "resources:\n  - repo.yaml\n  - release.yaml\n");
        t.file(
                "repo.yaml",
                "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: charts\n"
                        + "  namespace: flux-system\nspec:\n"
                        + (repository.startsWith("oci://") ? "  type: oci\n" : "")
                        + "  url: " + repository + "\n");
        t.file(
                "release.yaml",
                "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n  namespace: apps\n"
                        + "spec:\n  interval: 1h\n  chart:\n    spec:\n      chart: " + chart + "\n      version: "
                        + version + "\n      sourceRef:\n        kind: HelmRepository\n        name: charts\n"
                        + "        namespace: flux-system\n");
        ScannedRelease r = new Scanner(ChartCatalog.withBuiltIn(List.of()))
                .scan(t.load())
                .releases()
                .get(0);

        assertThat(r.status()).isEqualTo(ReleaseStatus.valueOf(status));
        if (r.status() == ReleaseStatus.BLOCKED) {
            assertThat(r.reasons())
                    .singleElement()
                    .asString()
                    .startsWith("version " + version + " predates oci://ghcr.io/prometheus-community/charts/"
                            + "kube-prometheus-stack: the catalog records OCI releases of this chart from 46.4.2 on")
                    .contains("2dfea3a7d")
                    .endsWith("check with -Doci.online=true if you know this version is there");
            assertThat(MessageCodes.reason(r.reasons().get(0), r.status())).isEqualTo("predates-oci");
        } else {
            assertThat(r.oci().evidence().label()).isEqualTo(known);
            assertThat(r.oci().evidenceNote()).isNotBlank();
        }
    }
}
