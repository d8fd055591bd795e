package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.report.UnifiedDiff;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static io.github.fluxoci.oci.TestFiles.copyTree;
import static io.github.fluxoci.oci.TestFiles.deleteTree;
import static io.github.fluxoci.oci.TestFiles.readTree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden before/after trees of {@code oci:migrate}: {@code src/test/resources/migrate/<case>/before/} is migrated
 * with the options of {@code options.properties} (charts, namespaces, layout, prune, fluxVersion) and must equal
 * {@code after/} byte for byte, file for file. A second run on the result must plan nothing (idempotence).
 * {@code skipped.txt}, when present, lists the releases the plan must skip, one {@code release: reason-part} a line;
 * {@code warnings.txt} the plan's warnings, a part of each a line.
 */
class MigrateGoldenTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> goldenTrees() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/migrate").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(8);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private void check(Path dir) throws Exception {
        Path work = temp.resolve(dir.getFileName().toString());
        copyTree(dir.resolve("before"), work);
        MigrateOptions options = options(dir.resolve("options.properties"));
        String flux = fluxVersion(dir.resolve("options.properties"));

        MigrationPlan plan = plan(work, options, flux);
        PlanApplier.apply(work, plan.writes());
        if (Boolean.getBoolean("oci.golden.update")) {
            // approval workflow: -Doci.golden.update=true rewrites after/ from src/test/resources; review the diff
            Path after = Path.of("src/test/resources/migrate", dir.getFileName().toString(), "after");
            deleteTree(after);
            copyTree(work, after);
        }
        assertThat(readTree(work)).as("tree after migrate").isEqualTo(readTree(dir.resolve("after")));
        gitApplyGivesTheSameTree(dir, plan);

        Path skippedFile = dir.resolve("skipped.txt");
        List<String> expectedSkips = Files.exists(skippedFile)
                ? Files.readAllLines(skippedFile).stream()
                        .filter(l -> !l.isBlank())
                        .toList()
                : List.of();
        assertThat(plan.skipped()).hasSize(expectedSkips.size());
        for (int i = 0; i < expectedSkips.size(); i++) {
            String[] parts = expectedSkips.get(i).split(": ", 2);
            assertThat(plan.skipped().get(i).release()).isEqualTo(parts[0]);
            assertThat(plan.skipped().get(i).reason()).contains(parts[1]);
        }

        Path warningsFile = dir.resolve("warnings.txt");
        if (Files.exists(warningsFile)) {
            List<String> expected = Files.readAllLines(warningsFile).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
            assertThat(plan.warnings()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(plan.warnings().get(i)).contains(expected.get(i));
            }
        }

        MigrationPlan again = plan(work, options, flux);
        assertThat(again.changes()).as("second run changes nothing").isEmpty();
    }

    /** The dry run's {@code migrate.diff}, applied by {@code git apply} to a copy of before/, gives after/ exactly. */
    private void gitApplyGivesTheSameTree(Path dir, MigrationPlan plan) throws Exception {
        if (plan.changes().isEmpty()) {
            assertThat(UnifiedDiff.render(plan.changes())).isEmpty();
            return;
        }
        Path copy = temp.resolve(dir.getFileName() + "-git-apply");
        copyTree(dir.resolve("before"), copy);
        Path diff = temp.resolve(dir.getFileName() + ".diff");
        Files.writeString(diff, UnifiedDiff.render(plan.changes()), StandardCharsets.UTF_8);
        for (List<String> command : List.of(
                List.of("git", "apply", "--check", diff.toString()), List.of("git", "apply", diff.toString()))) {
            Process p;
            try {
                p = new ProcessBuilder(command)
                        .directory(copy.toFile())
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                Assumptions.assumeTrue(false, "git is not installed");
                return;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        }
        assertThat(readTree(copy)).as("before/ + git apply migrate.diff").isEqualTo(readTree(dir.resolve("after")));
    }

    static MigrationPlan plan(Path root, MigrateOptions options) throws IOException {
        return plan(root, options, null);
    }

    /** {@code fluxVersion}: {@code oci.fluxVersion}, or null for what the tree states. */
    static MigrationPlan plan(Path root, MigrateOptions options, String fluxVersion) throws IOException {
        ManifestTree tree = TreeLoader.load(TreeOptions.of(root));
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(List.of()), fluxVersion).scan(tree);
        return MigrationPlanner.plan(tree, scan, options);
    }

    /** The {@code fluxVersion} of options.properties ({@code oci.fluxVersion}), or null. */
    static String fluxVersion(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p.getProperty("fluxVersion");
    }

    static MigrateOptions options(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        ShareOptions share = new ShareOptions(
                ShareOptions.parseShare(p.getProperty("share")),
                ShareLayout.parse(p.getProperty("shareLayout", "namespace")),
                p.getProperty("shareNamespace"),
                p.getProperty("shareFolder"),
                Integer.parseInt(p.getProperty("shareMinReleases", "2")));
        return new MigrateOptions(
                list(p.getProperty("charts")),
                list(p.getProperty("namespaces")),
                Layout.parse(p.getProperty("layout", "auto")),
                Interval.parse(p.getProperty("interval")),
                p.getProperty("schemaUrl", MigrateOptions.DEFAULT_SCHEMA),
                Prune.parse(p.getProperty("prune")),
                Boolean.parseBoolean(p.getProperty("includeUndeployed")),
                share,
                MigrateOptions.parseVerify(p.getProperty("verify")),
                MirrorPrefix.parse(p.getProperty("mirrorPrefix")),
                Boolean.parseBoolean(p.getProperty("upgradeApis", "true")));
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(","));
    }
}
