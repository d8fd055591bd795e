package io.github.fluxoci.oci.tree;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.fluxoci.oci.tree.TreeFixture.fluxKustomization;
import static io.github.fluxoci.oci.tree.TreeFixture.helmRelease;
import static io.github.fluxoci.oci.tree.TreeFixture.kustomization;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How real trees deploy, beyond the corpora's shapes: one instance per build, postBuild variables in names and
 * namespaces, Flux Kustomization components and patches, several folders fitting an OCI-artifact sync, and a tree
 * whose entry points deploy nothing.
 */
class DeploymentShapesTest {

    @TempDir
    Path dir;

    /** A tree whose cluster clusters/main syncs itself, as flux bootstrap writes it. */
    private TreeFixture bootstrapped() throws java.io.IOException {
        return new TreeFixture(dir)
                .file(
                        "clusters/main/flux-system/gotk-sync.yaml",
                        GIT + "---\n" + fluxKustomization("flux-system", "./clusters/main", null));
    }

    private static final String GIT = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"
            + "  name: flux-system\n  namespace: flux-system\nspec:\n  interval: 1h\n  url: https://github.com/x/y\n";

    @Test
    void anObjectTwoBuildsOfOneClusterApplyIsTwoInstances() throws Exception {
        // the cluster's root sync builds clusters/main (no kustomization.yaml: everything below it), and so does the
        // Kustomization "apps" for clusters/main/apps: the release is applied by two builds
        ManifestTree tree = bootstrapped()
                .file("clusters/main/apps.yaml", fluxKustomization("apps", "./clusters/main/apps", "apps"))
                .file("clusters/main/apps/hr.yaml", helmRelease("app", "meta"))
                .load();
        KubeObject hr = tree.helmReleases().get(0);
        assertThat(tree.instancesOf(hr))
                .extracting(i -> i.entryPoint().path() + " " + i.namespaceValue())
                .containsExactlyInAnyOrder("clusters/main meta", "clusters/main/apps apps");
    }

    @Test
    void postBuildVariablesOfTheTreeNameAndPlaceObjects() throws Exception {
        ManifestTree tree = bootstrapped()
                .file(
                        "clusters/main/vars.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: flux-system\n"
                                + "data:\n  TEAM: blue\n")
                .file(
                        "clusters/main/app.yaml",
                        fluxKustomization("app", "./apps/app", null)
                                + "  postBuild:\n    substitute:\n      APP: podinfo\n    substituteFrom:\n"
                                + "      - kind: ConfigMap\n        name: settings\n      - kind: Secret\n"
                                + "        name: secrets\n")
                .file("apps/app/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("apps/app/hr.yaml", helmRelease("${APP}", "${TEAM}-${REGION:=eu}-${SECRET_VAR}"))
                .load();
        ObjectInstance i = tree.instancesOf(tree.helmReleases().get(0)).get(0);
        assertThat(i.name()).isEqualTo("podinfo");
        assertThat(i.namespaceValue()).isEqualTo("blue-eu-${SECRET_VAR}");
        assertThat(tree.notices())
                .anySatisfy(n -> assertThat(n.code() + " " + n.file() + " " + n.message())
                        .startsWith("unresolved-variables clusters/main/app.yaml")
                        .contains("SECRET_VAR"));
    }

    @Test
    void fluxComponentsAndPatchesJoinTheBuildOfItsPath() throws Exception {
        ManifestTree tree = bootstrapped()
                .file(
                        "clusters/main/app.yaml",
                        fluxKustomization("app", "./apps/app", "media")
                                + "  components:\n    - ../../components/extra\n  patches:\n    - target:\n"
                                + "        kind: HelmRelease\n      patch: |-\n        - op: replace\n"
                                + "          path: /metadata/name\n          value: renamed\n")
                .file("apps/app/hr.yaml", helmRelease("app", null))
                .file(
                        "components/extra/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./hr.yaml\n")
                .file("components/extra/hr.yaml", helmRelease("extra", null))
                .load();
        assertThat(tree.helmReleases().stream().flatMap(h -> tree.instancesOf(h).stream()))
                .extracting(i -> i.namespaceValue() + "/" + i.name())
                .containsExactlyInAnyOrder("media/renamed", "media/renamed");
    }

    @Test
    void severalFoldersFittingAnArtifactSyncAreAskedAboutAndNothingIsDeployed() throws Exception {
        String instance = "apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata:\n  name: flux\n"
                + "  namespace: flux-system\nspec:\n  distribution:\n    version: 2.6.x\n  sync:\n"
                + "    kind: OCIRepository\n    url: oci://ghcr.io/x/manifests\n    ref: latest\n"
                + "    path: clusters/main\n";
        ManifestTree tree = new TreeFixture(dir)
                .file("bootstrap/flux.yaml", instance)
                .file("a/clusters/main/hr.yaml", helmRelease("one", "x"))
                .file("b/clusters/main/hr.yaml", helmRelease("two", "x"))
                .load();
        assertThat(tree.helmReleases()).noneMatch(tree::isDeployed);
        assertThat(tree.notices())
                .extracting(n -> n.level() + " " + n.code())
                .contains("WARNING artifact-root", "WARNING nothing-deployed");
        assertThat(tree.notices()).anySatisfy(n -> assertThat(n.message()).contains("(a, b)"));

        ManifestTree chosen = TreeLoader.load(TreeOptions.of(dir).withArtifactRoots(List.of("b")));
        assertThat(chosen.helmReleases())
                .filteredOn(chosen::isDeployed)
                .extracting(KubeObject::name)
                .containsExactly("two");
    }

    @Test
    void referencesResolveToTheNamesBuildsGive() throws Exception {
        // kustomize prefixes the OCIRepository's name; it does not know Flux's chartRef, so a release must name
        // the prefixed object, and a lookup of the written name finds nothing in the cluster
        ManifestTree tree = bootstrapped()
                .file("clusters/main/apps.yaml", fluxKustomization("apps", "./apps", null))
                .file("apps/kustomization.yaml", "namespace: media\nnamePrefix: team-\nresources:\n  - ./oci.yaml\n")
                .file(
                        "apps/oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\n"
                                + "spec:\n  interval: 1h\n  url: oci://ghcr.io/x/app\n")
                .load();
        String cluster = tree.clusters().get(0);
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "team-app", "media", cluster))
                .isNotNull()
                .extracting(ObjectInstance::name)
                .isEqualTo("team-app");
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "media", cluster))
                .isNull();
        assertThat(tree.named(ManifestTree.SOURCE_GROUP, "OCIRepository", "team-app"))
                .extracting(KubeObject::name)
                .containsExactly("app");
    }
}
