package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Doci.prune}: a HelmRepository goes only when nothing can use it any more, and by default only when this
 * run freed it. Every "still used" case seen on real trees keeps it: an overlay patch, a HelmChart, a release in a
 * file nothing deploys, a Flux substitution with a default; a substitution without one stops the prune.
 */
class PruneTest {

    @TempDir
    Path dir;

    private static String repo(String name) {
        return "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: " + name
                + "\n  namespace: flux-system\nspec:\n  type: oci\n  url: oci://ghcr.io/example/" + name + "\n";
    }

    private static String release(String name, String repo) {
        return "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name
                + "\n  namespace: apps\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: " + name
                + "\n      version: 1.0.0\n      sourceRef:\n        kind: HelmRepository\n        name: " + repo
                + "\n        namespace: flux-system\n";
    }

    private TreeFixture tree(String... repos) throws IOException {
        TreeFixture t = new TreeFixture(dir);
        StringBuilder list = new StringBuilder("resources:\n");
        for (String r : repos) {
            t.file("repos/" + r + ".yaml", repo(r));
            list.append("  - ./").append(r).append(".yaml\n");
        }
        return t.file("repos/kustomization.yaml", list.toString())
                .file("apps/kustomization.yaml", "resources:\n  - ./app.yaml\n")
                .file("apps/app.yaml", release("app", "freed"));
    }

    private MigrationPlan plan(TreeFixture t, Prune prune) throws IOException {
        ManifestTree tree = t.load();
        return MigrationPlanner.plan(
                tree,
                new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree),
                new MigrateOptions(List.of(), List.of(), Layout.FILE, null, "none", prune, false));
    }

    private static List<String> pruned(MigrationPlan plan) {
        return plan.pruned().stream().map(PrunedRepository::name).toList();
    }

    @Test
    void removesWhatThisRunFreedAndKeepsWhatWasUnusedBefore() throws IOException {
        TreeFixture t = tree("freed", "idle");
        MigrationPlan freedOnly = plan(t, Prune.FREED);
        assertThat(pruned(freedOnly)).containsExactly("freed");
        assertThat(freedOnly.warnings())
                .containsExactly("HelmRepository idle (repos/idle.yaml) was unused before this run;"
                        + " kept (-Doci.prune=all removes it too)");
        assertThat(freedOnly.changes()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("repos/kustomization.yaml");
            assertThat(c.after()).isEqualTo("resources:\n  - ./idle.yaml\n");
        });
        assertThat(pruned(plan(t, Prune.ALL))).containsExactlyInAnyOrder("freed", "idle");
        assertThat(plan(t, Prune.NONE).pruned()).isEmpty();
    }

    @Test
    void anOverlayPatchAHelmChartAndAnUndeployedReleaseKeepTheirRepositories() throws IOException {
        TreeFixture t = tree("freed", "patched", "charted", "archived")
                .file(
                        "clusters/home/flux.yaml",
                        TreeFixture.fluxKustomization("staging", "./staging", null) + "---\n"
                                + TreeFixture.fluxKustomization("repos", "./repos", null) + "---\n"
                                + TreeFixture.fluxKustomization("charts", "./charts", null))
                .file("staging/kustomization.yaml", "resources:\n  - ../apps\npatches:\n  - path: patch.yaml\n")
                .file(
                        "staging/patch.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                                + "  name: gone\nspec:\n  chart:\n    spec:\n      sourceRef:\n        name: patched\n")
                .file(
                        "charts/chart.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmChart\nmetadata:\n"
                                + "  name: c\nspec:\n  chart: c\n  sourceRef:\n    kind: HelmRepository\n    name: charted\n")
                .file(".archive/old.yaml", release("old", "archived").replace("version: 1.0.0", "version: 2.0.0"));
        MigrationPlan plan = plan(t, Prune.ALL);
        assertThat(plan.migrated()).extracting(m -> m.release().name()).containsExactly("app");
        assertThat(pruned(plan)).containsExactly("freed");
    }

    @Test
    void aSubstitutionNamesItsDefaultAndOneWithoutADefaultStopsThePrune() throws IOException {
        TreeFixture t = tree("freed", "team-charts")
                .file("apps/other.yaml", release("other", "${CHART_REPO:=team-charts}"))
                .file("apps/kustomization.yaml", "resources:\n  - ./app.yaml\n  - ./other.yaml\n");
        MigrationPlan plan = plan(t, Prune.ALL);
        assertThat(plan.migrated()).extracting(m -> m.release().name()).containsExactly("app");
        assertThat(pruned(plan)).containsExactly("freed");

        t.file("apps/other.yaml", release("other", "${CHART_REPO}"));
        MigrationPlan stopped = plan(t, Prune.ALL);
        assertThat(stopped.pruned()).isEmpty();
        assertThat(stopped.warnings())
                .anyMatch(w -> w.startsWith("prune skipped: HelmRelease/apps/other (apps/other.yaml:2)"
                        + " names its HelmRepository through a substitution without a default"));
    }

    @Test
    void aFlowListLosesExactlyThePrunedEntries() throws IOException {
        TreeFixture t = tree("freed", "idle", "kept")
                .file("repos/kustomization.yaml", "resources: [./freed.yaml, \"./idle.yaml\", ./kept.yaml]  # repos\n")
                .file(
                        "apps/kept.yaml",
                        release("kept", "kept")
                                .replace("version: 1.0.0", "version: 9.9.9\n      valuesFiles: [a.yaml]"))
                .file("apps/kustomization.yaml", "resources:\n  - ./app.yaml\n  - ./kept.yaml\n");
        MigrationPlan plan = plan(t, Prune.ALL);
        assertThat(pruned(plan)).containsExactlyInAnyOrder("freed", "idle");
        assertThat(plan.changes()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("repos/kustomization.yaml");
            assertThat(c.after()).isEqualTo("resources: [./kept.yaml]  # repos\n");
        });

        TreeFixture all = tree("freed").file("repos/kustomization.yaml", "resources: [./freed.yaml]\n");
        assertThat(plan(all, Prune.ALL).changes()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("repos/kustomization.yaml");
            assertThat(c.after()).isEqualTo("resources: []\n");
        });
    }
}
