package io.github.fluxoci.oci.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.FileChange;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static io.github.fluxoci.oci.TestFiles.copyTree;
import static io.github.fluxoci.oci.TestFiles.deleteTree;

/**
 * Times {@code oci:scan}'s engine against the floor (walk, read and composeAll-parse the same files,
 * single-threaded, in this JVM) on synthetic fleets. Not part of the normal build (tag {@code benchmark});
 * run it with:
 *
 * <pre>mvn -B test -Dtest=FleetBenchmark -Doci.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It prints a Markdown table and writes it to {@code target/benchmark/scan.md}. It asserts nothing about
 * time: numbers go into {@code docs/performance.md}.
 */
@Tag("benchmark")
class FleetBenchmark {

    private static final int[] SIZES = {500, 1000, 2000, 4000};
    private static final int WARMUP = 3;
    private static final int RUNS = 11;

    @Test
    void scanAgainstTheParseFloor() throws Exception {
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        List<String> rows = new ArrayList<>();
        rows.add(
                "| apps | files | floor (ms) | scan (ms) | scan / floor | scan, 1 thread (ms) | 1 thread / floor | scan per app (µs) |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : SIZES) {
            Path root = Path.of("target/bench-fleet-" + n);
            if (!Files.isDirectory(root)) {
                FleetGenerator.generate(root, n);
            }
            int files = countFiles(root);
            ScanResult check = new Scanner(catalog).scan(TreeLoader.load(TreeOptions.of(root)));
            if (check.count(ReleaseStatus.MIGRATABLE) + check.count(ReleaseStatus.OCI) != n) {
                throw new AssertionError("fleet is not what the generator promises: "
                        + check.releases().size());
            }
            for (int i = 0; i < WARMUP; i++) {
                floor(root);
                scan(root, catalog, 0);
                scan(root, catalog, 1);
            }
            long[] floor = new long[RUNS];
            long[] scan = new long[RUNS];
            long[] single = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                floor(root);
                long t1 = System.nanoTime();
                scan(root, catalog, 0);
                long t2 = System.nanoTime();
                scan(root, catalog, 1);
                long t3 = System.nanoTime();
                floor[i] = t1 - t0;
                scan[i] = t2 - t1;
                single[i] = t3 - t2;
            }
            double f = median(floor) / 1e6;
            double s = median(scan) / 1e6;
            double one = median(single) / 1e6;
            rows.add(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %.0f | %.2f | %.0f | %.2f | %.0f |",
                    n,
                    files,
                    f,
                    s,
                    s / f,
                    one,
                    one / f,
                    s * 1000 / n));
        }
        String table = String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(
                Path.of("target/benchmark/scan.md"),
                "Medians of " + RUNS + " runs after " + WARMUP
                        + " warm-up runs, " + Runtime.getRuntime().availableProcessors() + " cores, "
                        + System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version") + "\n\n" + table);
    }

    @Test
    void migrateAgainstTheParseFloor() throws Exception {
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        List<String> rows = new ArrayList<>();
        rows.add("| apps | releases migrated | files written | parse floor (ms) | write floor (ms) | migrate (ms) |"
                + " migrate / parse floor | plan only (ms) | plan / parse floor | migrate / (parse + write floor) |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int runs = 5;
        for (int n : new int[] {500, 1000, 2000}) {
            Path source = Path.of("target/bench-fleet-" + n);
            if (!Files.isDirectory(source)) {
                FleetGenerator.generate(source, n);
            }
            long[] floor = new long[runs];
            long[] migrate = new long[runs];
            long[] planOnly = new long[runs];
            long[] writeFloor = new long[runs];
            int migrated = 0;
            int written = 0;
            for (int i = -1; i < runs; i++) { // run -1 warms up
                Path copy = Path.of("target/bench-migrate-" + n);
                deleteTree(copy);
                copyTree(source, copy);
                long t0 = System.nanoTime();
                floor(copy);
                long t1 = System.nanoTime();
                ManifestTree tree = TreeLoader.load(TreeOptions.of(copy));
                MigrationPlan plan =
                        MigrationPlanner.plan(tree, new Scanner(catalog).scan(tree), MigrateOptions.defaults());
                long t2 = System.nanoTime();
                PlanApplier.apply(copy, plan.writes());
                long t3 = System.nanoTime();
                // the write floor: the same files written the plainest atomic way (temporary file + rename), on
                // a fresh copy, no checks, no plugin code
                Path raw = Path.of("target/bench-write-" + n);
                deleteTree(raw);
                copyTree(source, raw);
                long t4 = System.nanoTime();
                rawWrite(raw, plan);
                long t5 = System.nanoTime();
                if (i >= 0) {
                    floor[i] = t1 - t0;
                    planOnly[i] = t2 - t1;
                    migrate[i] = t3 - t1;
                    writeFloor[i] = t5 - t4;
                }
                migrated = plan.migrated().size();
                written = plan.changes().size();
            }
            double f = median(floor) / 1e6;
            double m = median(migrate) / 1e6;
            double p = median(planOnly) / 1e6;
            double w = median(writeFloor) / 1e6;
            rows.add(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d | %.0f | %.0f | %.0f | %.2f | %.0f | %.2f | %.2f |",
                    n,
                    migrated,
                    written,
                    f,
                    w,
                    m,
                    m / f,
                    p,
                    p / f,
                    m / (f + w)));
        }
        String table = String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(
                Path.of("target/benchmark/migrate.md"),
                "Medians of " + runs + " runs after 1 warm-up run, each on a"
                        + " fresh copy of the fleet (the copy is not timed), "
                        + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                        + table);
    }

    @Test
    void verifyAgainstTheParseFloor() throws Exception {
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        List<String> rows = new ArrayList<>();
        rows.add("| apps | files | findings | floor (ms) | verify (ms) | verify / floor |");
        rows.add("|---:|---:|---:|---:|---:|---:|");
        for (int n : SIZES) {
            Path root = Path.of("target/bench-fleet-" + n);
            if (!Files.isDirectory(root)) {
                FleetGenerator.generate(root, n);
            }
            int findings = 0;
            for (int i = 0; i < WARMUP; i++) {
                floor(root);
                findings = verify(root, catalog);
            }
            long[] floor = new long[RUNS];
            long[] verify = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                floor(root);
                long t1 = System.nanoTime();
                verify(root, catalog);
                long t2 = System.nanoTime();
                floor[i] = t1 - t0;
                verify[i] = t2 - t1;
            }
            double f = median(floor) / 1e6;
            double v = median(verify) / 1e6;
            rows.add(String.format(
                    Locale.ROOT, "| %d | %d | %d | %.0f | %.0f | %.2f |", n, countFiles(root), findings, f, v, v / f));
        }
        String table = String.join("\n", rows) + "\n";
        System.out.println(table);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(
                Path.of("target/benchmark/verify.md"),
                "Medians of " + RUNS + " runs after " + WARMUP + " warm-up runs\n\n" + table);
    }

    /** The oci:verify engine as the Mojo runs it: load, scan, every rule (reports not written). */
    static int verify(Path root, ChartCatalog catalog) throws IOException {
        ManifestTree tree = TreeLoader.load(TreeOptions.of(root));
        return Verifier.verify(new VerifyContext(tree, new Scanner(catalog).scan(tree), List.of(), List.of()))
                .size();
    }

    static void rawWrite(Path root, MigrationPlan plan) throws IOException {
        for (FileChange c : plan.changes()) {
            Path target = root.resolve(c.path());
            if (c.isDeletion()) {
                Files.delete(target);
            } else {
                Path tmp = target.resolveSibling("." + target.getFileName() + ".raw-tmp");
                Files.writeString(tmp, c.after());
                Files.move(
                        tmp,
                        target,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Walk, read and composeAll-parse every YAML file, single-threaded: what any scan must at least do. */
    static int floor(Path root) throws IOException {
        int documents = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        for (Path p : files) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            try (Reader reader = new java.io.StringReader(text)) {
                for (Node ignored : new Yaml().composeAll(reader)) {
                    documents++;
                }
            }
        }
        return documents;
    }

    /** The scan engine as oci:scan runs it; {@code threads} 0 = one parser per core. */
    static int scan(Path root, ChartCatalog catalog, int threads) throws IOException {
        TreeOptions options = new TreeOptions(root, null, TreeOptions.DEFAULT_EXCLUDES, threads, 0);
        return new Scanner(catalog).scan(TreeLoader.load(options)).releases().size();
    }

    static int countFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return (int) walk.filter(Files::isRegularFile).count();
        }
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
