package io.github.fluxoci.oci.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API server refuses, case by case, against Flux's own CRD schemas for the Flux the tree runs: the objects
 * of issue #21 that verify used to pass, each with its finding, and the same object on a Flux where the answer differs.
 */
class FluxSchemaRuleTest {

    @TempDir
    Path dir;

    private static final String OCI = """
            apiVersion: source.toolkit.fluxcd.io/VERSION
            kind: OCIRepository
            metadata:
              name: app
            spec:
              interval: 15m
              ref:
                tag: 1.2.3
              url: oci://ghcr.io/example/charts/app
            """;

    private static final String RELEASE = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: app
            spec:
              interval: 1h
              chartRef:
                kind: OCIRepository
                name: app
            """;

    /** The findings on one file {@code app.yaml} in a tree that runs {@code flux} (a bootstrap header says so). */
    private List<String> findings(String flux, String document) throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("flux-system/gotk-components.yaml", gotk(flux))
                .file("app.yaml", document.replace("VERSION", flux.startsWith("2.5") ? "v1beta2" : "v1"));
        return run(t);
    }

    private List<String> run(TreeFixture t) throws IOException {
        ManifestTree tree = t.load();
        return new FluxSchemaRule()
                        .check(new VerifyContext(
                                tree,
                                new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree),
                                List.of(),
                                List.of()))
                        .stream()
                        .map(f -> f.severity() + " " + f.describe())
                        .toList();
    }

    static String gotk(String flux) {
        return "# Flux Version: v" + flux + "\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n";
    }

    @Test
    void healthyObjectsPass() throws IOException {
        assertThat(findings("2.9.4", OCI + "---\n" + RELEASE)).isEmpty();
        assertThat(findings("2.5.1", OCI + "---\n" + RELEASE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "||", textBlock = """
            integer interval || interval: 15m || interval: 60 || app.yaml:6:13 [flux-schema] spec.interval is the integer 60, where OCIRepository v1 of Flux 2.9.4 has a string: quote it
            missing interval || '  interval: 15m\\n' || '' || app.yaml:6:3 [flux-schema] spec.interval is missing, and OCIRepository v1 of Flux 2.9.4 requires it
            string boolean || interval: 15m || 'interval: 15m\\n  insecure: "true"' || app.yaml:7:13 [flux-schema] spec.insecure is the string "true", where OCIRepository v1 of Flux 2.9.4 has a boolean
            yes is a string (YAML 1.2) || interval: 15m || 'interval: 15m\\n  insecure: yes' || app.yaml:7:13 [flux-schema] spec.insecure is the string "yes", where OCIRepository v1 of Flux 2.9.4 has a boolean
            hours in a timeout || interval: 15m || 'interval: 15m\\n  timeout: 1h' || app.yaml:7:12 [flux-schema] spec.timeout is the string "1h", which does not match ^([0-9]+(\\.[0-9]+)?(ms|s|m))+$ (OCIRepository v1 of Flux 2.9.4)
            provider not in the enum || interval: 15m || 'interval: 15m\\n  provider: github' || app.yaml:7:13 [flux-schema] spec.provider is the string "github", which OCIRepository v1 of Flux 2.9.4 does not allow: one of generic, aws, azure, gcp
            verify provider not in the enum || interval: 15m || 'interval: 15m\\n  verify:\\n    provider: sigstore' || app.yaml:8:15 [flux-schema] spec.verify.provider is the string "sigstore", which OCIRepository v1 of Flux 2.9.4 does not allow: one of cosign, notation
            unknown field || '  ref:\\n' || '  refs:\\n    x: 1\\n  ref:\\n' || app.yaml:7:3 [flux-schema] spec.refs is not a field of OCIRepository v1 of Flux 2.9.4, and the API server refuses a field its schema does not declare: remove it or fix its indentation
            name not DNS-1123 || 'name: app' || 'name: My_App' || app.yaml:4:9 [flux-schema] metadata.name "My_App" is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253): the API server refuses OCIRepository "My_App"; rename it to "my-app"
            name missing || '  name: app\n' || '  labels: {}\n' || app.yaml:4:3 [flux-schema] metadata.name is missing: the API server refuses OCIRepository without a name; add metadata.name
            name not a string || 'name: app' || 'name: 42' || app.yaml:4:9 [flux-schema] metadata.name is the integer 42, where Kubernetes has a string: quote it
            a substituted value is not checked || interval: 15m || 'interval: ${INTERVAL}' ||
            """)
    void ociRepository(String what, String from, String to, String expected) throws IOException {
        String document = OCI.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(findings("2.9.4", document))
                .as(what)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of("ERROR " + expected));
    }

    @Test
    void releaseFieldsThatV2RemovedOrNeverHad() throws IOException {
        String release = RELEASE.replace("    name: app\n", "    name: app\n    version: 1.0.0\n")
                + "  postRenderers:\n    - kustomize:\n        patchesStrategicMerge: []\n";
        assertThat(findings("2.9.4", release))
                .containsExactly(
                        "ERROR app.yaml:10:5 [flux-schema] spec.chartRef.version is not a field of HelmRelease v2 of"
                                + " Flux 2.9.4, and the API server refuses a field its schema does not declare: remove"
                                + " it or fix its indentation",
                        "ERROR app.yaml:13:9 [flux-schema] spec.postRenderers[0].kustomize.patchesStrategicMerge is"
                                + " not a field of HelmRelease v2 of Flux 2.9.4 (HelmRelease v2beta1 and v2beta2 have"
                                + " it), and the API server refuses a field its schema does not declare: remove it or"
                                + " fix its indentation");
        String valuesFile = RELEASE.replace(
                "  chartRef:\n    kind: OCIRepository\n    name: app\n",
                "  chart:\n    spec:\n      chart: app\n      valuesFile: values.yaml\n"
                        + "      sourceRef: {kind: HelmRepository, name: charts}\n");
        assertThat(findings("2.9.4", valuesFile))
                .containsExactly("ERROR app.yaml:10:7 [flux-schema] spec.chart.spec.valuesFile is not a field of"
                        + " HelmRelease v2 of Flux 2.9.4 (HelmRelease v2beta1 and v2beta2 have it), and the API server"
                        + " refuses a field its schema does not declare: write valuesFiles, a list, instead");
        assertThat(findings("2.9.4", valuesFile.replace("helm.toolkit.fluxcd.io/v2", "helm.toolkit.fluxcd.io/v2beta2")))
                .isEmpty();
    }

    @Test
    void newerFieldsAreRefusedOnAnOlderFlux() throws IOException {
        String release = RELEASE + "  install:\n    strategy:\n      name: RetryOnFailure\n      retryInterval: 5m\n";
        assertThat(findings("2.9.4", release)).isEmpty();
        assertThat(findings("2.5.1", release))
                .containsExactly("ERROR app.yaml:11:5 [flux-schema] spec.install.strategy is not a field of HelmRelease"
                        + " v2 of Flux 2.5.1 (Flux 2.7.5 added it), and the API server refuses a field its schema"
                        + " does not declare: remove it or fix its indentation");
    }

    @Test
    void celRulesOfTheCrds() throws IOException {
        String both = RELEASE.replace(
                "  chartRef:\n",
                "  chart:\n    spec:\n      chart: app\n      sourceRef: {kind: HelmRepository, name: r}\n"
                        + "  chartRef:\n");
        assertThat(findings("2.9.4", both))
                .containsExactly("ERROR app.yaml:6:3 [flux-schema] spec: either chart or chartRef must be set"
                        + " (HelmRelease v2 of Flux 2.9.4, CEL rule at"
                        + " 2.9.4/helm-controller/helm.toolkit.fluxcd.io_helmreleases.yaml:1170)");
        assertThat(findings("2.9.4", RELEASE.replace("  chartRef:\n    kind: OCIRepository\n    name: app\n", "")))
                .containsExactly("ERROR app.yaml:6:3 [flux-schema] spec: either chart or chartRef must be set"
                        + " (HelmRelease v2 of Flux 2.9.4, CEL rule at"
                        + " 2.9.4/helm-controller/helm.toolkit.fluxcd.io_helmreleases.yaml:1170)");
        String retry = RELEASE + "  install:\n    strategy:\n      name: RemediateOnFailure\n      retryInterval: 5m\n";
        assertThat(findings("2.9.4", retry))
                .containsExactly("ERROR app.yaml:12:7 [flux-schema] spec.install.strategy: .retryInterval cannot be"
                        + " set when .name is 'RemediateOnFailure' (HelmRelease v2 of Flux 2.9.4, CEL rule at"
                        + " 2.9.4/helm-controller/helm.toolkit.fluxcd.io_helmreleases.yaml:521)");
        String kubeConfig = RELEASE + "  kubeConfig:\n    secretRef: {name: a}\n    configMapRef: {name: b}\n";
        assertThat(findings("2.9.4", kubeConfig))
                .containsExactly("ERROR app.yaml:11:5 [flux-schema] spec.kubeConfig: exactly one of"
                        + " spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified (HelmRelease v2"
                        + " of Flux 2.9.4, CEL rule at"
                        + " 2.9.4/helm-controller/helm.toolkit.fluxcd.io_helmreleases.yaml:610)");
    }

    @Test
    void aPatchIsCheckedForWhatItSetsAndItsBaseWithIt() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("flux-system/gotk-components.yaml", gotk("2.9.4"))
                .file("base/kustomization.yaml", "resources:\n  - release.yaml\n")
                .file("base/release.yaml", RELEASE.replace("  interval: 1h\n", ""))
                .file("prod/kustomization.yaml", "resources:\n  - ../base\npatches:\n  - path: patch.yaml\n")
                .file(
                        "prod/patch.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                                + "spec:\n  interval: 1h\n  timeout: 300\n");
        // the base lacks interval, which its patch sets; the patch, which lacks chartRef, is not a whole object
        assertThat(run(t))
                .containsExactly("ERROR prod/patch.yaml:7:12 [flux-schema] spec.timeout is the integer 300, where"
                        + " HelmRelease v2 of Flux 2.9.4 has a string: quote it");
    }

    @Test
    void shapesOfChartAndChartRef() throws IOException {
        String hr = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: x\nspec:\n"
                + "  interval: 1h\n";
        assertThat(findings("2.9.4", hr + "  chart: 42\n"))
                .containsExactly("ERROR app.yaml:7:10 [flux-schema] spec.chart is the integer 42, where HelmRelease v2"
                        + " of Flux 2.9.4 has a mapping");
        assertThat(findings("2.9.4", hr + "  chartRef:\n    name: y\n"))
                .containsExactly("ERROR app.yaml:8:5 [flux-schema] spec.chartRef.kind is missing, and HelmRelease v2"
                        + " of Flux 2.9.4 requires it");
        assertThat(findings("2.9.4", hr + "  chartRef: {kind: GitRepository, name: y}\n"))
                .containsExactly("ERROR app.yaml:7:20 [flux-schema] spec.chartRef.kind is the string"
                        + " \"GitRepository\", which HelmRelease v2 of Flux 2.9.4 does not allow: one of OCIRepository,"
                        + " HelmChart, ExternalArtifact");
        // ExternalArtifact arrived with Flux 2.7
        assertThat(findings("2.5.1", hr + "  chartRef: {kind: ExternalArtifact, name: y}\n"))
                .containsExactly("ERROR app.yaml:7:20 [flux-schema] spec.chartRef.kind is the string"
                        + " \"ExternalArtifact\", which HelmRelease v2 of Flux 2.5.1 does not allow: one of"
                        + " OCIRepository, HelmChart");
        assertThat(findings(
                        "2.9.4",
                        hr + "  chart:\n    spec:\n      chart: x\n      version: 1.10\n"
                                + "      sourceRef: {kind: HelmRepository, name: r}\n"))
                .containsExactly("ERROR app.yaml:10:16 [flux-schema] spec.chart.spec.version is the number 1.10,"
                        + " where HelmRelease v2 of Flux 2.9.4 has a string: quote it");
    }

    @Test
    void anAssumedFluxIsSaid() throws IOException {
        TreeFixture t = new TreeFixture(dir).file("app.yaml", RELEASE.replace("interval: 1h", "interval: 60"));
        assertThat(run(t))
                .containsExactly("ERROR app.yaml:6:13 [flux-schema] spec.interval is the integer 60, where HelmRelease"
                        + " v2 of Flux 2.9.4 (assumed: -Doci.fluxVersion sets it) has a string: quote it");
    }
}
