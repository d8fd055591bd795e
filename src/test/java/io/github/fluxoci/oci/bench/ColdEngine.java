package io.github.fluxoci.oci.bench;

import java.nio.file.Path;
import java.util.List;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.report.ScanReports;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

/**
 * The scan engine alone in a JVM, for comparing JVM options cold (not a test):
 * {@code java <options> -cp target/classes:target/test-classes:<dependencies> io.github.fluxoci.oci.bench.ColdEngine
 * <tree> <output folder>}; prints the phases on standard error. {@code docs/performance.md} has what it showed.
 */
public final class ColdEngine {

    private ColdEngine() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        ManifestTree tree = TreeLoader.load(TreeOptions.of(Path.of(args[0]), List.of(), List.of("**/target/**")));
        long t1 = System.nanoTime();
        ScanResult result = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
        long t2 = System.nanoTime();
        ConsoleReport.render(result, "").forEach(l -> System.out.println(l.text()));
        ScanReports.write(result, Path.of(args[1]), "kubernetes", "");
        long t3 = System.nanoTime();
        System.err.printf(
                "load %d ms, classify %d ms, console and reports %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
