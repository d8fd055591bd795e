package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.fluxoci.oci.Kubectl;

import static io.github.fluxoci.oci.Kubectl.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the cluster gets from the rewritten overlays of the golden case {@code overlay-rewrite}: {@code kubectl
 * kustomize} of each overlay, before and after, must give the same chart version (HelmRelease
 * {@code spec.chart.spec.version} before, OCIRepository {@code spec.ref.semver} after) and a HelmRelease on
 * {@code chartRef} only. Skipped when kubectl is absent.
 */
class OverlayKustomizeTest {

    @ParameterizedTest
    @CsvSource({"staging, >=1.0.0-alpha", "production, >=1.0.0"})
    void overlaysKeepTheirVersionOnTheOciRepository(String overlay, String version) throws Exception {
        Path golden = Path.of(getClass().getResource("/migrate/overlay-rewrite").toURI());
        List<Map<String, Object>> before = build(golden.resolve("before/apps/" + overlay));
        List<Map<String, Object>> after = build(golden.resolve("after/apps/" + overlay));

        assertThat(at(find(before, "HelmRelease"), "spec", "chart", "spec", "version"))
                .isEqualTo(version);
        Map<String, Object> release = find(after, "HelmRelease");
        assertThat(at(release, "spec", "chartRef", "name")).isEqualTo("podinfo");
        assertThat(at(release, "spec", "chart")).isNull();
        Map<String, Object> oci = find(after, "OCIRepository");
        assertThat(at(oci, "spec", "ref", "semver")).isEqualTo(version);
        assertThat(at(oci, "spec", "url")).isEqualTo("oci://ghcr.io/stefanprodan/charts/podinfo");
        assertThat(at(oci, "metadata", "namespace")).isEqualTo("podinfo");
    }

    /**
     * An overlay pinning an exact version over a base range (the golden case {@code overlay-version-swap}): its
     * OCIRepository patch sets {@code tag} and {@code semver: null}, and what kubectl builds has the tag alone (Flux
     * would prefer a semver left next to it).
     */
    @ParameterizedTest
    @CsvSource({"production, 6.5.4, ''", "staging, '', >=1.0.0-alpha"})
    void anExactVersionOverABaseRangeReplacesTheRange(String overlay, String tag, String semver) throws Exception {
        Path golden =
                Path.of(getClass().getResource("/migrate/overlay-version-swap").toURI());
        List<Map<String, Object>> after = build(golden.resolve("after/apps/" + overlay));
        Map<String, Object> oci = find(after, "OCIRepository");
        @SuppressWarnings("unchecked")
        Map<String, Object> ref = (Map<String, Object>) at(oci, "spec", "ref");
        if (tag.isEmpty()) {
            assertThat(ref).containsOnlyKeys("semver").containsEntry("semver", semver);
        } else {
            assertThat(ref).containsOnlyKeys("tag").containsEntry("tag", tag);
        }
        assertThat(at(
                        find(build(golden.resolve("before/apps/" + overlay)), "HelmRelease"),
                        "spec",
                        "chart",
                        "spec",
                        "version"))
                .isEqualTo(tag.isEmpty() ? semver : tag);
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    /**
     * A {@code v2beta1} release moved to {@code v2} (the golden case {@code overlay-api-version}): its three patches (a
     * strategic-merge file, an inline {@code patch:}, a JSON 6902 patch with a {@code target.version}) move with it,
     * and what kubectl builds still carries every one of them.
     */
    @org.junit.jupiter.api.Test
    void patchesFollowTheReleaseToItsNewApiVersion() throws Exception {
        Path golden =
                Path.of(getClass().getResource("/migrate/overlay-api-version").toURI());
        Map<String, Object> before = find(build(golden.resolve("before/apps/staging")), "HelmRelease");
        Map<String, Object> after = find(build(golden.resolve("after/apps/staging")), "HelmRelease");
        assertThat(after.get("apiVersion")).isEqualTo("helm.toolkit.fluxcd.io/v2");
        for (String[] path : List.of(
                new String[] {"spec", "interval"},
                new String[] {"spec", "values", "replicaCount"},
                new String[] {"spec", "values", "ui", "color"})) {
            assertThat(at(after, path))
                    .as(String.join(".", path))
                    .isEqualTo(at(before, path))
                    .isNotNull();
        }
        assertThat(at(before, "spec", "interval"))
                .as("the inline patch applied")
                .isEqualTo("5m");
    }

    /**
     * A release migrate does not move, on an apiVersion the tree's Flux no longer serves (the golden case
     * {@code api-upgrades}, Flux 2.8): moved to {@code v2} with its patch file and its JSON 6902 target, kubectl
     * still applies both patches, to an object on the served version.
     */
    @org.junit.jupiter.api.Test
    void upgradedApiVersionsKeepTheirPatches() throws Exception {
        Path golden = Path.of(getClass().getResource("/migrate/api-upgrades").toURI());
        List<Map<String, Object>> before = build(golden.resolve("before/apps/staging"));
        List<Map<String, Object>> after = build(golden.resolve("after/apps/staging"));
        Map<String, Object> billingBefore = named(before, "billing");
        Map<String, Object> billingAfter = named(after, "billing");
        assertThat(billingBefore.get("apiVersion")).isEqualTo("helm.toolkit.fluxcd.io/v2beta2");
        assertThat(billingAfter.get("apiVersion")).isEqualTo("helm.toolkit.fluxcd.io/v2");
        assertThat(at(billingAfter, "spec", "values"))
                .as("both patches still apply")
                .isEqualTo(at(billingBefore, "spec", "values"))
                .isEqualTo(Map.of("replicas", 2, "tier", "staging"));
        assertThat(after)
                .allSatisfy(d -> assertThat(String.valueOf(d.get("apiVersion"))).doesNotContain("beta"));
    }

    private static Map<String, Object> named(List<Map<String, Object>> docs, String name) {
        return docs.stream()
                .filter(d -> name.equals(at(d, "metadata", "name")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> build(Path dir) throws IOException, InterruptedException {
        Kubectl.assumeAvailable();
        Kubectl.Build build = Kubectl.kustomize(dir);
        assertThat(build.error()).as("kubectl kustomize " + dir).isNull();
        return build.documents();
    }
}
