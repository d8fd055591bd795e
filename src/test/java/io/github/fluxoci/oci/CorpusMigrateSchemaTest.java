package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.Interval;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.MirrorPrefix;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareLayout;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.FluxSchemaRule;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything migrate writes passes Flux's own schema for the Flux the tree runs: every tree of
 * {@code ../shared/corpora}, migrated with each option that changes what is written ({@code layout},
 * {@code share} and {@code shareLayout}, {@code interval}, {@code verify}, {@code mirrorPrefix}), gets no
 * {@code flux-schema} finding that the tree did not have before (compared by file and message: migrate moves lines).
 * Skipped, visibly, without the corpora.
 */
class CorpusMigrateSchemaTest {

    @TempDir
    static Path temp;

    private record Variant(String name, MigrateOptions options) {}

    private static final List<Variant> VARIANTS = List.of(
            new Variant("defaults", options(Layout.AUTO, ShareOptions.NONE, Interval.CHART, false, MirrorPrefix.NONE)),
            new Variant(
                    "layout=file", options(Layout.FILE, ShareOptions.NONE, Interval.CHART, false, MirrorPrefix.NONE)),
            new Variant(
                    "layout=inline",
                    options(Layout.INLINE, ShareOptions.NONE, Interval.CHART, false, MirrorPrefix.NONE)),
            new Variant(
                    "share=chart",
                    options(
                            Layout.AUTO,
                            new ShareOptions(true, ShareLayout.NAMESPACE, "flux-system", null, 2),
                            Interval.CHART,
                            false,
                            MirrorPrefix.NONE)),
            new Variant(
                    "share=chart shareLayout=component",
                    options(
                            Layout.AUTO,
                            new ShareOptions(true, ShareLayout.COMPONENT, "flux-system", null, 2),
                            Interval.CHART,
                            false,
                            MirrorPrefix.NONE)),
            new Variant(
                    "interval=release",
                    options(Layout.AUTO, ShareOptions.NONE, Interval.parse("release"), false, MirrorPrefix.NONE)),
            new Variant(
                    "interval=1h30m verify=cosign",
                    options(Layout.AUTO, ShareOptions.NONE, Interval.parse("1h30m"), true, MirrorPrefix.NONE)),
            new Variant(
                    "mirrorPrefix",
                    options(
                            Layout.AUTO,
                            ShareOptions.NONE,
                            Interval.CHART,
                            false,
                            MirrorPrefix.parse("oci://registry.internal:5000/mirror"))));

    private static MigrateOptions options(
            Layout layout, ShareOptions share, Interval interval, boolean cosign, MirrorPrefix mirror) {
        return new MigrateOptions(
                List.of(), List.of(), layout, interval, "none", Prune.ALL, false, share, cosign, mirror);
    }

    @TestFactory
    Stream<DynamicTest> everythingMigrateWritesPassesFluxsSchema() throws IOException {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        return TestFiles.corpusTrees().stream()
                .flatMap(t -> VARIANTS.stream()
                        .map(v -> DynamicTest.dynamicTest(t.getFileName() + " " + v.name(), () -> check(t, v))));
    }

    private void check(Path source, Variant variant) throws IOException {
        Path work = temp.resolve(source.getFileName() + "-" + variant.name().replaceAll("[^a-z0-9]+", "-"));
        TestFiles.copyTree(source, work);
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        ManifestTree tree = TreeLoader.load(TreeOptions.of(work));
        ScanResult scan = new Scanner(catalog).scan(tree);
        Set<String> before = schemaFindings(tree, scan);
        MigrationPlan plan = MigrationPlanner.plan(tree, scan, variant.options());
        PlanApplier.apply(work, plan.writes());
        ManifestTree after = TreeLoader.load(TreeOptions.of(work));
        Set<String> added = schemaFindings(after, new Scanner(catalog).scan(after));
        added.removeAll(before);
        assertThat(added)
                .as(
                        "flux-schema findings on what migrate wrote (%s, %d releases moved, %s)",
                        variant.name(),
                        plan.migrated().size(),
                        scan.flux().tree().release().version())
                .isEmpty();
    }

    private static Set<String> schemaFindings(ManifestTree tree, ScanResult scan) {
        Set<String> out = new TreeSet<>();
        new FluxSchemaRule()
                .check(new VerifyContext(tree, scan, List.of(), List.of()))
                .forEach(f -> out.add(f.file() + " " + f.message()));
        return out;
    }
}
