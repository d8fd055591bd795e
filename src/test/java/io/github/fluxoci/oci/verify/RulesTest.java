package io.github.fluxoci.oci.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing and a passing tree for every rule. */
class RulesTest {

    @TempDir
    Path dir;

    static final String OCI_OK = """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: app
            spec:
              interval: 15m
              layerSelector:
                mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
                operation: copy
              ref:
                tag: 1.2.3
              url: oci://ghcr.io/example/charts/app
            """;

    static final String RELEASE_ON_OCI = """
            ---
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

    static final String KUSTOMIZATION =
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: apps\n"
                    + "resources:\n  - ./helmrelease.yaml\n  - ./ocirepository.yaml\n";

    private List<Finding> run(Rule rule, TreeFixture fixture, List<ReleaseException> exceptions, List<String> critical)
            throws IOException {
        ManifestTree tree = fixture.load();
        return rule.check(new VerifyContext(
                tree, new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree), exceptions, critical));
    }

    private List<Finding> run(Rule rule, TreeFixture fixture) throws IOException {
        return run(rule, fixture, List.of(), List.of());
    }

    private TreeFixture app(String release, String oci) throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("app/kustomization.yaml", KUSTOMIZATION)
                .file("app/helmrelease.yaml", release);
        return oci == null ? t : t.file("app/ocirepository.yaml", oci);
    }

    @Test
    void healthyTreePassesEveryRule() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK);
        for (Rule rule : Verifier.rules()) {
            assertThat(run(rule, t)).as(rule.id()).isEmpty();
        }
    }

    @Test
    void chartRefTarget() throws IOException {
        List<Finding> f = run(
                new ChartRefTargetRule(),
                app(
                        RELEASE_ON_OCI
                                .replace("name: app\n", "name: app\n")
                                .replace("    name: app", "    name: other"),
                        OCI_OK));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.describe())
                    .isEqualTo(
                            "app/helmrelease.yaml:9:5 [chartref-target] chartRef names OCIRepository"
                                    + " \"other\" but none is deployed in namespace apps; that build deploys OCIRepository \"app\""
                                    + " there: fix chartRef.name, or add the OCIRepository's file to a kustomization of that build");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void releaseShape() throws IOException {
        String hr = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: x\n";
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                .file("odd/kustomization.yaml", "resources:\n  - e.yaml\n  - f.yaml\n  - g.yaml\n  - h.yaml\n")
                .file(
                        "odd/e.yaml",
                        hr.replace("name: x", "name: e") + "spec:\n  chart:\n    spec:\n      chart: x\n"
                                + "      version: latest\n      sourceRef: {kind: HelmRepository, name: r}\n")
                .file(
                        "odd/f.yaml",
                        hr.replace("name: x", "name: f") + "spec:\n  chart:\n    spec:\n      chart: x\n"
                                + "      version: \">=1.0.0, !=1.2.0 || ~2.1\"\n      sourceRef: {kind: HelmRepository, name: r}\n")
                .file(
                        "odd/g.yaml",
                        hr.replace("name: x", "name: g") + "spec:\n  chart:\n    spec:\n      chart: ./charts/x\n"
                                + "      version: latest\n      sourceRef: {kind: GitRepository, name: r}\n")
                .file("odd/h.yaml", hr.replace("name: x", "name: h") + "spec:\n  values:\n    - replicas: 2\n");
        assertThat(run(new ReleaseShapeRule(), t))
                .extracting(f -> f.severity() + " " + f.describe())
                .containsExactly(
                        "ERROR odd/e.yaml:9:16 [release-shape] spec.chart.spec.version \"latest\" is not a version Helm can"
                                + " resolve (improper constraint: \"latest\"); write an exact version such as 1.2.3 or a"
                                + " range such as \">=1.2.0 <2.0.0\"",
                        "WARNING odd/h.yaml:7:5 [release-shape] spec.values is not a mapping: helm-controller drops it"
                                + " without a word and Helm installs the chart's defaults; write the values as a mapping"
                                + " (key: value)");
    }

    @Test
    void duplicateKey() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI.replace("  interval: 1h\n", "  interval: 1h\n  interval: 2h\n"), OCI_OK);
        assertThat(run(new DuplicateKeyRule(), t)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.describe())
                    .startsWith("app/helmrelease.yaml:")
                    .contains(" [duplicate-key] key \"interval\""
                            + " appears a second time in this mapping; kustomize refuses the file: keep one");
        });
        t.file("app/unlisted.yaml", "a: 1\na: 2\n");
        assertThat(run(new DuplicateKeyRule(), t))
                .extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.ERROR, Severity.WARNING);
    }

    @Test
    void fluxPath() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                .file(
                        "clusters/home/apps.yaml",
                        TreeFixture.fluxKustomization("apps", "./app", null) + "---\n"
                                + TreeFixture.fluxKustomization("gone", "./apps/moved-away", null) + "---\n"
                                + TreeFixture.fluxKustomization("other", "./not/here", null)
                                        .replace("name: flux-system\n", "name: another-repository\n"));
        assertThat(run(new FluxPathRule(), t))
                .singleElement()
                .extracting(Finding::describe)
                .isEqualTo(
                        "clusters/home/apps.yaml:21:9 [flux-path] Kustomization \"gone\" builds spec.path \"./apps/moved-away\","
                                + " which does not exist in this repository (paths are relative to the root of its source: the"
                                + " repository, or the folder an OCI artifact is pushed from); fix the path or remove the"
                                + " Kustomization");
    }

    @Test
    void sourceDeployed() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("app/kustomization.yaml", KUSTOMIZATION.replace("  - ./ocirepository.yaml\n", ""))
                .file("app/helmrelease.yaml", RELEASE_ON_OCI)
                .file("app/ocirepository.yaml", OCI_OK);
        assertThat(run(new SourceDeployedRule(), t))
                .singleElement()
                .extracting(Finding::describe)
                .asString()
                .startsWith("app/ocirepository.yaml:2:1 [source-deployed] OCIRepository \"app\" used by apps/app is in"
                        + " app/ocirepository.yaml, which no kustomization lists")
                .endsWith("add \"./ocirepository.yaml\" to the resources of app/kustomization.yaml");
        assertThat(run(new SourceDeployedRule(), app(RELEASE_ON_OCI, OCI_OK))).isEmpty();
    }

    @Test
    void layerSelector() throws IOException {
        String without = OCI_OK.replace(
                "  layerSelector:\n    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n"
                        + "    operation: copy\n",
                "");
        // Flux accepts it (the field is optional): a warning naming the consequence, not an error
        assertThat(run(new LayerSelectorRule(), app(RELEASE_ON_OCI, without)))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(Finding::describe)
                .asString()
                .startsWith(
                        "app/ocirepository.yaml:7:3 [layer-selector] OCIRepository \"app\" has no spec.layerSelector");
        String extract = OCI_OK.replace("operation: copy", "operation: extract");
        assertThat(run(new LayerSelectorRule(), app(RELEASE_ON_OCI, extract)))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("operation extract");
    }

    @Test
    void ociUrl() throws IOException {
        assertThat(run(
                        new OciUrlRule(),
                        app(
                                RELEASE_ON_OCI,
                                OCI_OK.replace(
                                        "oci://ghcr.io/example/charts/app", "oci://ghcr.io/example/charts/app:1.2.3"))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains(
                        "holds the tag 1.2.3; move it to spec.ref.tag and keep url: oci://ghcr.io/example/charts/app");
        assertThat(run(new OciUrlRule(), app(RELEASE_ON_OCI, OCI_OK.replace("oci://ghcr.io", "https://ghcr.io"))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("must start with oci://");
        assertThat(run(new OciUrlRule(), app(RELEASE_ON_OCI, OCI_OK.replace("oci://ghcr.io", "oci://registry:5000"))))
                .isEmpty();
    }

    @Test
    void crossNamespaceRefIsAWarningUnlessFluxIsLockedDown() throws IOException {
        String crossNamespace = RELEASE_ON_OCI.replace("    name: app\n", "    name: app\n    namespace: charts\n");
        TreeFixture t = app(crossNamespace, OCI_OK);
        assertThat(run(new CrossNamespaceRefRule(), t))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(Finding::describe)
                .isEqualTo("app/helmrelease.yaml:11:16 [cross-namespace-ref] HelmRelease apps/app names OCIRepository"
                        + " charts/app in another namespace: Flux refuses it where its controllers run with"
                        + " --no-cross-namespace-refs=true (multi-tenancy lockdown)");
        // the parameter says Flux runs locked down
        ManifestTree tree = t.load();
        VerifyContext locked = new VerifyContext(
                tree,
                new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree),
                List.of(),
                List.of(),
                null,
                null,
                null,
                true);
        assertThat(new CrossNamespaceRefRule().check(locked))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::message)
                .asString()
                .contains("(-Doci.noCrossNamespaceRefs=true) and refuses it; put an OCIRepository in apps");
        // so does the tree, when its flux-system kustomization patches the flag into the controllers
        t.file(
                "flux-system/kustomization.yaml",
                "resources:\n  - gotk-components.yaml\npatches:\n  - patch: |\n      - op: add\n"
                        + "        path: /spec/template/spec/containers/0/args/-\n"
                        + "        value: --no-cross-namespace-refs=true\n    target:\n      kind: Deployment\n");
        assertThat(run(new CrossNamespaceRefRule(), t))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::message)
                .asString()
                .contains("(flux-system/kustomization.yaml:7) and refuses it");
        // a chartRef in the release's own namespace is no finding
        assertThat(run(new CrossNamespaceRefRule(), app(RELEASE_ON_OCI, OCI_OK)))
                .isEmpty();
    }

    @Test
    void secretNamespace() throws IOException {
        String withSecret = OCI_OK.replace("  url: oci://", "  secretRef:\n    name: ghcr-auth\n  url: oci://");
        String secret =
                "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ghcr-auth\n  namespace: NS\ntype: TYPE\n";
        // the Secret is in the tree, but only in flux-system (copied from a HelmRepository): the OCIRepository in apps
        // reads apps
        TreeFixture t = app(RELEASE_ON_OCI, withSecret)
                .file("flux/kustomization.yaml", "resources:\n  - ./secret.yaml\n")
                .file(
                        "flux/secret.yaml",
                        secret.replace("NS", "flux-system").replace("TYPE", "kubernetes.io/dockerconfigjson"));
        assertThat(run(new SecretNamespaceRule(), t))
                .extracting(Finding::describe)
                .containsExactly("app/ocirepository.yaml:14:11 [secret-namespace] OCIRepository \"app\" in apps names"
                        + " Secret ghcr-auth (spec.secretRef), which the tree has only in flux-system; an OCIRepository"
                        + " reads Secrets in its own namespace: put ghcr-auth in apps");
        // in its namespace but username/password: source-controller pulls anonymously
        t.file("flux/secret.yaml", secret.replace("NS", "apps").replace("TYPE", "Opaque"));
        assertThat(run(new SecretNamespaceRule(), t))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("which is type Opaque: source-controller reads only kubernetes.io/dockerconfigjson");
        // a pull secret where it is read, or one the tree does not hold (created out of band): nothing to say
        t.file("flux/secret.yaml", secret.replace("NS", "apps").replace("TYPE", "kubernetes.io/dockerconfigjson"));
        assertThat(run(new SecretNamespaceRule(), t)).isEmpty();
        t.file("flux/secret.yaml", "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n");
        assertThat(run(new SecretNamespaceRule(), t)).isEmpty();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refCases() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "digest: sha256:abc", Severity.ERROR, "ref.digest \"sha256:abc\" is not an OCI digest"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "semver: \">=1.0.0\"\n    semverFilter: \"^(?!rc).*$\"",
                        Severity.ERROR,
                        "does not compile as a Go (RE2) regular expression: look-around"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "semver: \">=1.0.0\"\n    semverFilter: \"(\"",
                        Severity.ERROR,
                        "does not compile as a Go (RE2) regular expression: Unclosed group"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "semver: banana", Severity.ERROR, "ref.semver \"banana\" is not a range"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "tag: 1.2.3\n    semver: \">=1.0.0\"",
                        Severity.WARNING,
                        "ref.tag \"1.2.3\" is ignored: source-controller takes ref.semver first"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "tag: 1.2.3\n    digest: " + digest,
                        Severity.WARNING,
                        "ref.tag \"1.2.3\" is ignored: source-controller takes ref.digest first"));
    }

    /** Each case as source-controller's getArtifactRef would meet it, on an OCIRepository no chart uses. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("refCases")
    void ociRefResolution(String ref, Severity severity, String message) throws IOException {
        String manifests = OCI_OK.replace("name: app", "name: manifests")
                .replace("tag: 1.2.3", ref)
                .replace("charts/app", "manifests/app");
        TreeFixture t = new TreeFixture(dir)
                .file("infra/kustomization.yaml", "resources:\n  - ./oci.yaml\n")
                .file("infra/oci.yaml", manifests);
        assertThat(run(new OciRefResolutionRule(), t))
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(severity))
                .extracting(Finding::message)
                .asString()
                .contains(message);
        // the same object written right passes
        t.file("infra/oci.yaml", OCI_OK.replace("name: app", "name: manifests"));
        assertThat(run(new OciRefResolutionRule(), t)).isEmpty();
    }

    @Test
    void ociRef() throws IOException {
        assertThat(run(new OciRefRule(), app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "tag: 1.2.3+build"))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("Helm stores it as \"1.2.3_build\"");
        assertThat(run(new OciRefRule(), app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "tag: 3.x.x"))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("is a range");
        assertThat(run(new OciRefRule(), app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: banana"))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("not a range Flux can read");
        assertThat(run(new OciRefRule(), app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: latest"))))
                .singleElement()
                .extracting(Finding::describe)
                .asString()
                .isEqualTo("app/ocirepository.yaml:12:13 [oci-ref]"
                        + " semver \"latest\" is not a range Flux can read (improper constraint: \"latest\"); write e.g."
                        + " \">=1.2.0 <2.0.0\", \"1.x\" or \"*\"");
        assertThat(run(
                        new OciRefRule(),
                        app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: \">=1.0.0 || garbage\""))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("improper constraint: \" garbage\"");
        assertThat(run(
                        new OciRefRule(),
                        app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: \">= 1.2.3, != 1.5.0\""))))
                .as("Masterminds reads != (npm rules do not)")
                .isEmpty();
        assertThat(run(new OciRefRule(), app(RELEASE_ON_OCI, OCI_OK.replace("  ref:\n    tag: 1.2.3\n", ""))))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .contains("pulls the tag latest");
        assertThat(run(
                        new OciRefRule(),
                        app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: \">= 1.0, < 2.0\""))))
                .isEmpty();
    }

    static final String ON_HELM_REPOSITORY = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: app
            spec:
              chart:
                spec:
                  chart: vpa
                  version: 4.7.2
                  sourceRef:
                    kind: HelmRepository
                    name: fairwinds
                    namespace: flux-system
            """;

    @Test
    void helmRepositorySourceWithAndWithoutAnExcuse() throws IOException {
        TreeFixture t = app(ON_HELM_REPOSITORY, null)
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\n"
                                + "kind: HelmRepository\nmetadata:\n  name: fairwinds\n  namespace: flux-system\nspec:\n"
                                + "  url: https://charts.fairwinds.com/stable\n");
        assertThat(run(new HelmRepositorySourceRule(), t)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message())
                    .isEqualTo("apps/app stays on HelmRepository fairwinds: it cannot move (Fairwinds only"
                            + " publishes to traditional Helm repos); an <exceptions> entry turns this into a note");
        });
        assertThat(run(
                        new HelmRepositorySourceRule(),
                        t,
                        List.of(new ReleaseException("apps/app", "no OCI chart")),
                        List.of()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.NOTE);
                    assertThat(f.message()).isEqualTo("apps/app stays on HelmRepository fairwinds: no OCI chart");
                });
    }

    @Test
    void removedApiFollowsTheFluxTheTreeRuns() throws IOException {
        TreeFixture t = app(
                RELEASE_ON_OCI.replace("helm.toolkit.fluxcd.io/v2", "helm.toolkit.fluxcd.io/v2beta2"),
                OCI_OK.replace("source.toolkit.fluxcd.io/v1", "source.toolkit.fluxcd.io/v1beta2"));
        // nothing states the Flux version: the newest is assumed, which serves neither
        assertThat(run(new RemovedApiRule(), t))
                .extracting(f -> f.severity() + " " + f.describe())
                .containsExactly(
                        "ERROR app/helmrelease.yaml:2:13 [removed-api] HelmRelease \"app\" uses"
                                + " helm.toolkit.fluxcd.io/v2beta2, which is not served by Flux 2.9.4 (served until Flux"
                                + " 2.7.5); use helm.toolkit.fluxcd.io/v2 (Flux 2.9.4 is assumed: -Doci.fluxVersion"
                                + " sets it)",
                        "ERROR app/ocirepository.yaml:2:13 [removed-api] OCIRepository \"app\" uses"
                                + " source.toolkit.fluxcd.io/v1beta2, which is not served by Flux 2.9.4 (served until"
                                + " Flux 2.7.5); use source.toolkit.fluxcd.io/v1 (Flux 2.9.4 is assumed:"
                                + " -Doci.fluxVersion sets it)");
        // Flux 2.5.1 (as bootstrap writes it): OCIRepository v1beta2 is its only version, HelmRelease v2beta2
        // deprecated
        t.file("flux-system/gotk-components.yaml", GOTK.replace("VERSION", "v2.5.1"));
        assertThat(run(new RemovedApiRule(), t))
                .extracting(f -> f.severity() + " " + f.describe())
                .containsExactly("WARNING app/helmrelease.yaml:2:13 [removed-api] HelmRelease \"app\" uses"
                        + " helm.toolkit.fluxcd.io/v2beta2, which is deprecated in Flux 2.5.1 and served until Flux"
                        + " 2.7.5; use helm.toolkit.fluxcd.io/v2");
        // OCIRepository v1 on Flux 2.5: the API server does not know it yet
        TreeFixture newer =
                app(RELEASE_ON_OCI, OCI_OK).file("flux-system/gotk-components.yaml", GOTK.replace("VERSION", "v2.5.1"));
        assertThat(run(new RemovedApiRule(), newer))
                .extracting(f -> f.severity() + " " + f.describe())
                .containsExactly("ERROR app/ocirepository.yaml:2:13 [removed-api] OCIRepository \"app\" uses"
                        + " source.toolkit.fluxcd.io/v1, which is not served by Flux 2.5.1 (served from Flux 2.6.4);"
                        + " use source.toolkit.fluxcd.io/v1beta2");
    }

    /** The head of the gotk-components.yaml that {@code flux bootstrap} writes: it names the Flux version. */
    private static final String GOTK = "---\n# This manifest was generated by flux. DO NOT EDIT.\n"
            + "# Flux Version: VERSION\n# Components: source-controller,kustomize-controller,helm-controller\n"
            + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n";

    @Test
    void stalePatch() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                .file("staging/kustomization.yaml", "resources:\n  - ../app\npatches:\n  - path: patch.yaml\n")
                .file(
                        "staging/patch.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                                + "spec:\n  chart:\n    spec:\n      version: 2.0.0\n");
        assertThat(run(new StalePatchRule(), t))
                .singleElement()
                .extracting(Finding::describe)
                .asString()
                .startsWith(
                        "staging/patch.yaml:7:5 [stale-patch] patch of apps/app sets spec.chart.spec.version but the"
                                + " release uses spec.chartRef");
        Files.writeString(
                dir.resolve("staging/patch.yaml"),
                "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n"
                        + "metadata:\n  name: app\nspec:\n  values:\n    a: 1\n");
        assertThat(run(new StalePatchRule(), new TreeFixture(dir))).isEmpty();
    }

    @Test
    void kustomizationResources() throws IOException {
        TreeFixture t = new TreeFixture(dir)
                .file("app/kustomization.yaml", KUSTOMIZATION + "components:\n  - ../gone\n")
                .file("app/helmrelease.yaml", RELEASE_ON_OCI);
        assertThat(run(new KustomizationResourcesRule(), t))
                .extracting(Finding::describe)
                .containsExactly(
                        "app/kustomization.yaml:6:5 [kustomization-resources] resource \"./ocirepository.yaml\" does not exist"
                                + " (app/ocirepository.yaml); fix the path or remove the entry",
                        "app/kustomization.yaml:8:5 [kustomization-resources] component \"../gone\" does not exist (gone);"
                                + " fix the path or remove the entry");
    }

    @Test
    void orphanHelmRepository() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\n"
                                + "kind: HelmRepository\nmetadata:\n  name: old\nspec:\n  url: https://charts.example\n");
        assertThat(run(new OrphanHelmRepositoryRule(), t)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.describe())
                    .startsWith("repo.yaml:1:1 [orphan-helmrepository] HelmRepository \"old\" is used by no"
                            + " HelmRelease");
        });
    }

    @Test
    void exactTagForCriticalReleases() throws IOException {
        TreeFixture t = app(RELEASE_ON_OCI, OCI_OK.replace("tag: 1.2.3", "semver: 1.x"));
        assertThat(run(new ExactTagRule(), t, List.of(), List.of("apps")))
                .singleElement()
                .extracting(Finding::message)
                .asString()
                .isEqualTo("apps/app is critical but its OCIRepository uses semver \"1.x\"; pin tag: <exact version>");
        assertThat(run(new ExactTagRule(), t, List.of(), List.of("other"))).isEmpty();
        assertThat(run(new ExactTagRule(), app(RELEASE_ON_OCI, OCI_OK), List.of(), List.of("apps/app")))
                .isEmpty();
    }

    @Nested
    class RenovateCoverage {

        @Test
        void warnsWhenTheFluxManagerDoesNotReadTheFile() throws IOException {
            TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                    .file(
                            "renovate.json5",
                            "{\n  // comments are fine\n  flux: { managerFilePatterns: ['/clusters/.+\\\\.ya?ml$/'] },\n}\n");
            assertThat(run(new RenovateCoverageRule(), t)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).startsWith("Renovate (renovate.json5) does not read app/ocirepository.yaml");
            });
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "**/*.{yaml,yml}|app/ocirepository.yaml|true",
                    "**/*.{yaml,yml}|ocirepository.yml|true",
                    "*.yaml|app/ocirepository.yaml|false",
                    "app/*.yaml|app/ocirepository.yaml|true",
                    "kubernetes/**|kubernetes/apps/a/ocirepository.yaml|true",
                    "kubernetes/**/ocirepository.yaml|kubernetes/ocirepository.yaml|true",
                    "**/.archive/**|apps/.archive/x.yaml|true",
                    "app/[!o]*.yaml|app/ocirepository.yaml|false",
                    "app/?cirepository.yaml|app/ocirepository.yaml|true",
                    "/\\.ya?ml$/|deep/path/x.yml|true"
                })
        void patternsAreReadAsRenovateReadsThem(String pattern, String path, boolean matches) {
            // globs: minimatch with dot: true (Renovate's matchFileName); /.../: a regular expression searched.
            // The glob rows were checked once against minimatch 9 itself (node, {dot: true}): all agree.
            assertThat(RenovateCoverageRule.matches(pattern, path))
                    .as(pattern + " ~ " + path)
                    .isEqualTo(matches);
        }

        @Test
        void aCustomManagerThatReadsTheFileCoversIt() throws IOException {
            // the seed guide's own snippet: the kubernetes manager, and a regex manager for ocirepository.yaml files
            TreeFixture t = app(RELEASE_ON_OCI, OCI_OK)
                    .file(
                            "renovate.json",
                            "{\"kubernetes\": {\"fileMatch\":"
                                    + " [\"kubernetes/.+\\\\.yaml$\"]}, \"regexManagers\": [{\"fileMatch\": [\"(^|/)ocirepository"
                                    + "\\\\.yaml$\"], \"matchStrings\": [\"tag:\\\\s+(?<currentValue>.*?)\\\\n\"],"
                                    + " \"datasourceTemplate\": \"docker\"}]}");
            assertThat(run(new RenovateCoverageRule(), t)).isEmpty();
            Files.writeString(
                    dir.resolve("renovate.json"),
                    "{\"customManagers\": [{\"customType\": \"regex\","
                            + " \"managerFilePatterns\": [\"**/other.yaml\"]}]}");
            assertThat(run(new RenovateCoverageRule(), new TreeFixture(dir))).hasSize(1);
        }

        @Test
        void silentWhenCoveredOrWhenPresetsMaySetIt() throws IOException {
            TreeFixture covered = app(RELEASE_ON_OCI, OCI_OK)
                    .file(".github/renovate.json", "{\"flux\": {\"managerFilePatterns\": [\"/\\\\.ya?ml$/\"]}}");
            assertThat(run(new RenovateCoverageRule(), covered)).isEmpty();
            Files.delete(dir.resolve(".github/renovate.json"));
            TreeFixture presets = new TreeFixture(dir).file("renovate.json", "{\"extends\": [\"config:recommended\"]}");
            assertThat(run(new RenovateCoverageRule(), presets)).isEmpty();
            Files.writeString(dir.resolve("renovate.json"), "{}");
            assertThat(run(new RenovateCoverageRule(), new TreeFixture(dir)))
                    .singleElement()
                    .extracting(Finding::message)
                    .asString()
                    .contains("does not read app/ocirepository.yaml");
        }
    }
}
