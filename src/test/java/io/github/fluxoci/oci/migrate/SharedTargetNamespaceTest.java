package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oci.share=chart} on a tree whose namespaces come only from the Flux Kustomizations' {@code targetNamespace}
 * (namespace folders that set no {@code namespace:}): each release either names a shared OCIRepository or its
 * notes say why it keeps its own, with either layout.
 */
class SharedTargetNamespaceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"namespace", "component"})
    void everyReleaseSharesOrSaysWhy(String layout) throws Exception {
        TreeFixture tree = new TreeFixture(dir)
                .file("clusters/main/flux-system/gotk-sync.yaml", ks("flux-system", "./clusters/main", null))
                .file("clusters/main/apps.yaml", ks("apps", "./apps", null))
                .file("clusters/main/repos.yaml", ks("repos", "./repos", null))
                .file("repos/kustomization.yaml", "resources:\n  - ./bjw-s.yaml\n")
                .file(
                        "repos/bjw-s.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: bjw-s\n"
                                + "  namespace: flux-system\nspec:\n  interval: 1h\n  url: https://bjw-s-labs.github.io/helm-charts\n")
                .file("apps/kustomization.yaml", "resources:\n  - ./media\n  - ./home\n")
                .file("apps/media/kustomization.yaml", "resources:\n  - ./sonarr/ks.yaml\n  - ./radarr/ks.yaml\n")
                .file("apps/home/kustomization.yaml", "resources:\n  - ./hass/ks.yaml\n");
        for (String[] app : new String[][] {{"media", "sonarr"}, {"media", "radarr"}, {"home", "hass"}}) {
            String base = "apps/" + app[0] + "/" + app[1];
            tree.file(base + "/ks.yaml", ks(app[1], "./" + base + "/app", app[0]))
                    .file(base + "/app/kustomization.yaml", "resources:\n  - ./helmrelease.yaml\n")
                    .file(base + "/app/helmrelease.yaml", release(app[1]));
        }
        Path options = Files.writeString(
                dir.resolve("../options-" + layout + ".properties"), "share=chart\nshareLayout=" + layout + "\n");
        MigrationPlan plan = MigrateGoldenTest.plan(dir, MigrateGoldenTest.options(options));
        assertThat(plan.migrated()).hasSize(3);
        List<String> ociRepositories = plan.migrated().stream()
                .map(m -> m.ociNamespace() + "/" + m.ociName())
                .distinct()
                .toList();
        if (layout.equals("namespace")) {
            // the namespaces come from targetNamespace, and sharing still sees them: one OCIRepository per chart
            assertThat(ociRepositories).containsExactly("flux-system/app-template");
        } else {
            // no kustomization gives a namespace folder: each keeps its own, and says why and what would share
            assertThat(ociRepositories).hasSize(3);
            assertThat(plan.migrated())
                    .allSatisfy(m -> assertThat(m.notes())
                            .anySatisfy(n ->
                                    assertThat(n).startsWith("not shared").contains("-Doci.shareLayout=namespace")));
        }
    }

    private static String ks(String name, String path, String targetNamespace) {
        return "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: " + name
                + "\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: " + path + "\n  prune: true\n"
                + "  sourceRef:\n    kind: GitRepository\n    name: flux-system\n"
                + (targetNamespace == null ? "" : "  targetNamespace: " + targetNamespace + "\n");
    }

    private static String release(String name) {
        return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name + "\nspec:\n"
                + "  interval: 1h\n  chart:\n    spec:\n      chart: app-template\n      version: 3.5.1\n"
                + "      sourceRef:\n        kind: HelmRepository\n        name: bjw-s\n        namespace: flux-system\n";
    }
}
