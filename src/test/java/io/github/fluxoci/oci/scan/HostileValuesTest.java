package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.OciReferences;
import io.github.fluxoci.oci.goal.LogLines;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.MirrorPrefix;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.OciUrlRule;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tree text is data (issue #23): a chart name, version or url that is no OCI reference is BLOCKED before anything is
 * written or listed for it; mirror.txt holds validated pairs only; a key written twice on the path migrate edits
 * blocks that release only; no value can start a line of the build's log.
 */
class HostileValuesTest {

    @TempDir
    Path dir;

    private static final String REPO = """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: charts
            spec:
              type: oci
              interval: 1h
              url: oci://ghcr.io/example/charts
            """;

    private static String release(String name, String chart, String version) {
        return "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name
                + "\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: " + chart + "\n      version: " + version
                + "\n      sourceRef: {kind: HelmRepository, name: charts}\n";
    }

    /** Every release, no prune, no schema comment: only sharing and the mirror vary here. */
    private static MigrateOptions options(ShareOptions share, MirrorPrefix mirror) {
        return new MigrateOptions(
                List.of(), List.of(), Layout.AUTO, null, "none", Prune.NONE, false, share, false, mirror);
    }

    private ScanResult scan(ManifestTree tree) {
        return new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
    }

    @Test
    void aChartNameThatIsNoOciReferenceIsBlockedAndNeverReachesMirrorTxt() throws Exception {
        ManifestTree tree = new TreeFixture(dir)
                .file("repo.yaml", REPO)
                .file(
                        "apps.yaml",
                        release("good", "podinfo", "6.5.4")
                                + release("spaced", "\"evil chart\"", "1.0.0")
                                + release(
                                        "newline",
                                        "\"x\\nghcr.io/attacker/evil:1 registry.internal/charts/x\"",
                                        "1.0.0")
                                + release("colon", "\"x:1.0.0\"", "1.0.0")
                                + release("upper", "Podinfo", "1.0.0")
                                + release("badtag", "podinfo2", "\"1.0.0 extra\""))
                .load();
        ScanResult scan = scan(tree);
        assertThat(scan.releases()).filteredOn(r -> !r.name().equals("good")).allSatisfy(r -> {
            assertThat(r.status()).as(r.name()).isEqualTo(ReleaseStatus.BLOCKED);
            assertThat(r.reasons().get(0))
                    .as(r.name())
                    .containsAnyOf("is not a valid OCI reference", "gives no OCI tag", "is not a range");
        });
        assertThat(scan.releases())
                .filteredOn(r -> r.name().equals("newline"))
                .singleElement()
                .satisfies(r -> assertThat(r.reasons().get(0))
                        .contains("the path component \"x\\u000aghcr.io")
                        .doesNotContain("\n"));
        MigrationPlan plan = MigrationPlanner.plan(
                tree, scan, options(ShareOptions.NONE, MirrorPrefix.parse("oci://registry.internal/charts")));
        assertThat(MigrateReports.mirrorLines(plan))
                .containsExactly(
                        "ghcr.io/example/charts/podinfo:6.5.4 registry.internal/charts/example/charts/podinfo:6.5.4")
                .allSatisfy(line -> assertThat(line.split(" ")).hasSize(2));
    }

    @Test
    void aKeyWrittenTwiceOnTheEditedPathBlocksThatReleaseOnly() throws Exception {
        ManifestTree tree = new TreeFixture(dir)
                .file("repo.yaml", REPO)
                .file(
                        "apps.yaml",
                        release("good", "podinfo", "6.5.4")
                                + release("twice", "podinfo", "6.5.4")
                                        .replace(
                                                "      version: 6.5.4\n",
                                                "      version: 6.5.4\n      version: 6.6.0\n"))
                .load();
        ScanResult scan = scan(tree);
        assertThat(scan.releases())
                .filteredOn(r -> r.name().equals("twice"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(ReleaseStatus.BLOCKED);
                    assertThat(r.reasons())
                            .containsExactly(
                                    "the key \"version\" is written twice in the same mapping (lines 23 and 24):"
                                            + " kustomize refuses the file; keep the one you mean, then migrate");
                });
        MigrationPlan plan = MigrationPlanner.plan(tree, scan, options(ShareOptions.NONE, MirrorPrefix.NONE));
        assertThat(plan.migrated()).extracting(m -> m.release().name()).containsExactly("good");
    }

    /**
     * Even when a release with two spec.chart keys reaches the planner as MIGRATABLE (scan blocks it; here the scan is
     * restated to say otherwise), planning it fails for that release alone: it is skipped with a reason, no exception
     * leaves the planner, and the good release migrates.
     */
    @Test
    void aReleaseThePlannerCannotHandleIsSkippedNotTheRun() throws Exception {
        String twice = release("twice", "podinfo", "6.5.4")
                .replace(
                        "  chart:\n",
                        "  chart:\n    spec:\n      chart: podinfo\n      version: 6.6.0\n"
                                + "      sourceRef: {kind: HelmRepository, name: charts}\n  chart:\n");
        ManifestTree tree = new TreeFixture(dir)
                .file("repo.yaml", REPO)
                .file("apps.yaml", release("good", "podinfo", "6.5.4") + twice)
                .load();
        ScanResult scan = scan(tree);
        ScannedRelease good = scan.releases().stream()
                .filter(r -> r.name().equals("good"))
                .findFirst()
                .orElseThrow();
        OciTarget target = good.oci();
        ScanResult restated = scan.withReleases(scan.releases().stream()
                .map(r -> r.name().equals("twice")
                        ? r.with(
                                ReleaseStatus.MIGRATABLE,
                                new OciTarget(
                                        target.url(),
                                        target.origin(),
                                        target.provenance(),
                                        target.tag(),
                                        target.semver(),
                                        "twice",
                                        target.file(),
                                        target.kustomization(),
                                        target.tagPrefix(),
                                        false,
                                        null),
                                List.of(),
                                List.of())
                        : r)
                .toList());
        MigrationPlan plan = MigrationPlanner.plan(tree, restated, options(ShareOptions.NONE, MirrorPrefix.NONE));
        assertThat(plan.migrated()).extracting(m -> m.release().name()).containsExactly("good");
        assertThat(plan.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.toString())
                        .contains("twice")
                        .contains("does not read back as this release on chartRef"));
    }

    @Test
    void aSharedSourceGetsAKubernetesNameAndTheNoteSaysSo() throws Exception {
        ManifestTree tree = new TreeFixture(dir)
                .file("repo.yaml", REPO)
                .file("kustomization.yaml", "namespace: apps\nresources:\n  - repo.yaml\n  - apps.yaml\n")
                .file("apps.yaml", release("a", "my_chart.v2", "1.0.0") + release("b", "my_chart.v2", "1.0.0"))
                .load();
        ScanResult scan = scan(tree);
        MigrationPlan plan = MigrationPlanner.plan(
                tree,
                scan,
                options(
                        new ShareOptions(true, io.github.fluxoci.oci.migrate.ShareLayout.NAMESPACE, "apps", null, 2),
                        MirrorPrefix.NONE));
        assertThat(plan.migrated()).hasSize(2).allSatisfy(m -> {
            assertThat(m.notes())
                    .contains("the shared OCIRepository is named my-chart-v2: the chart name my_chart.v2 is no"
                            + " Kubernetes name (DNS-1123: lowercase letters, digits and '-')");
        });
        assertThat(plan.changes())
                .anySatisfy(
                        c -> assertThat(c.after()).contains("kind: OCIRepository\nmetadata:\n  name: my-chart-v2\n"));
        // my.chart-v2 becomes my-chart-v2 too: it gets the next free name, and says so
        ManifestTree both = new TreeFixture(dir.resolve("both"))
                .file("repo.yaml", REPO)
                .file("kustomization.yaml", "namespace: apps\nresources:\n  - repo.yaml\n  - apps.yaml\n")
                .file(
                        "apps.yaml",
                        release("a", "my_chart.v2", "1.0.0")
                                + release("b", "my_chart.v2", "1.0.0")
                                + release("c", "my.chart-v2", "1.0.0")
                                + release("d", "my.chart-v2", "1.0.0"))
                .load();
        MigrationPlan second = MigrationPlanner.plan(
                both,
                scan(both),
                options(
                        new ShareOptions(true, io.github.fluxoci.oci.migrate.ShareLayout.NAMESPACE, "apps", null, 2),
                        MirrorPrefix.NONE));
        assertThat(second.migrated()).hasSize(4);
        assertThat(second.migrated().stream().flatMap(m -> m.notes().stream()))
                .filteredOn(n -> n.startsWith("the shared OCIRepository is named"))
                .extracting(n -> n.substring(0, n.indexOf(':')))
                .containsExactlyInAnyOrder(
                        "the shared OCIRepository is named my-chart-v2",
                        "the shared OCIRepository is named my-chart-v2",
                        "the shared OCIRepository is named my-chart-v2-2",
                        "the shared OCIRepository is named my-chart-v2-2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "oci://ghcr.io/org/charts/app",
                "oci://registry.internal:5000/a/b_c/d__e/f--g/h.i",
                "oci://localhost/app"
            })
    void validReferences(String url) {
        assertThat(OciReferences.urlProblem(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "oci://ghcr.io/org/My-Chart",
                "oci://ghcr.io/org/my chart",
                "oci://ghcr.io/org/a:1",
                "oci://ghcr.io/org/-a",
                "oci://ghcr.io/org/a_",
                "oci://ghcr.io/org/a___b",
                "oci://ghcr.io//a",
                "oci://ghcr.io",
                "oci://gh cr.io/a",
                "https://ghcr.io/a"
            })
    void invalidReferences(String url) {
        assertThat(OciReferences.urlProblem(url)).as(url).isPresent();
    }

    @Test
    void verifyChecksTheWholeUrl() throws Exception {
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: x\nspec:\n"
                                + "  interval: 1h\n  url: \"oci://ghcr.io/org/my chart\"\n  ref:\n    tag: 1.0.0\n")
                .load();
        List<Finding> f = new OciUrlRule().check(new VerifyContext(tree, scan(tree), List.of(), List.of()));
        assertThat(f)
                .extracting(Finding::describe)
                .containsExactly("oci.yaml:7:8 [oci-url] url \"oci://ghcr.io/org/my chart\" is not a valid OCI"
                        + " reference (the path component \"my chart\" is not lowercase letters and digits separated"
                        + " by '.', '_', '__' or '-' (the OCI distribution spec's repository name));"
                        + " source-controller cannot parse it");
    }

    /** Seeded random strings with every kind of line break and control character: a log line stays one line. */
    @Test
    void noValueCanStartALineOfTheLog() {
        Random random = new Random(23);
        String special = "\n\r\u0085\u2028\u2029\u000b\u000c\u001b\u0000:|`<>";
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder("value ");
            for (int j = 0; j < 1 + random.nextInt(20); j++) {
                s.append(
                        random.nextBoolean()
                                ? special.charAt(random.nextInt(special.length()))
                                : (char) (32 + random.nextInt(0x3000)));
            }
            s.append("\n::error file=forged.yaml::forged\n::stop-commands::token");
            String line = LogLines.oneLine(s.toString());
            assertThat(line.split("\\R", -1)).as(line).hasSize(1);
            assertThat(line.chars().filter(c -> Character.getType(c) == Character.CONTROL && c != '\t'))
                    .isEmpty();
        }
    }
}
