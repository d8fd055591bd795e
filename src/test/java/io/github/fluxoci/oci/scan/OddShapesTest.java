package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.report.ScanJson;
import io.github.fluxoci.oci.report.ScanMarkdown;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes the CRDs reject (a release without a name, a name that is a list, a spec that is a number, a chartRef
 * that is a list or has no kind) are reported as BLOCKED with what is wrong; scan, reports, migrate and every verify
 * rule run through them without an exception.
 */
class OddShapesTest {

    @TempDir
    Path dir;

    @Test
    void oddShapesAreReportedNotThrown() throws Exception {
        String hr = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n";
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "nameless.yaml",
                        hr + "spec:\n  chart:\n    spec:\n      chart: x\n"
                                + "      sourceRef: {kind: HelmRepository, name: r}\n")
                .file("listname.yaml", hr + "metadata:\n  name: [a, b]\nspec:\n  chart: 42\n")
                .file("listref.yaml", hr + "metadata: {name: listref}\nspec:\n  chartRef: [x]\n")
                .file("kindless.yaml", hr + "metadata: {name: kindless}\nspec:\n  chartRef: {name: e}\n")
                .file("scalarspec.yaml", hr + "metadata: {name: scalarspec}\nspec: 7\n")
                .file(
                        "oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: e}\n"
                                + "spec:\n  ref: [1]\n  url: 5\n")
                .load();
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
        assertThat(scan.releases()).hasSize(5).allMatch(r -> r.status() == ReleaseStatus.BLOCKED);
        assertThat(scan.releases())
                .filteredOn(r -> r.name().equals(ReleaseClassifier.UNNAMED))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.reasons())
                        .containsExactly("metadata.name is missing or not a plain string:"
                                + " Kubernetes rejects the object; give it a name"));
        assertThat(scan.releases())
                .filteredOn(r -> r.name().equals("kindless"))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.reasons().get(0)).startsWith("spec.chartRef needs kind (OCIRepository) and name"));
        assertThat(scan.releases())
                .filteredOn(r -> r.name().equals("scalarspec"))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.reasons()).containsExactly("spec is not a mapping: Flux rejects the release"));

        assertThat(ConsoleReport.render(scan)).isNotEmpty();
        assertThat(ScanJson.render(scan)).contains("(no metadata.name)");
        assertThat(ScanMarkdown.render(scan, "tree")).contains("spec is not a mapping");
        assertThat(MigrationPlanner.plan(
                                tree,
                                scan,
                                new MigrateOptions(List.of(), List.of(), Layout.AUTO, null, "none", Prune.ALL, true))
                        .changes())
                .isEmpty();
        List<Finding> findings = Verifier.verify(new VerifyContext(tree, scan, List.of(), List.of("kindless")));
        assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("could not check"));
    }
}
