package io.github.fluxoci.oci.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.OciReferences;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.MirrorPrefix;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded property test (issue #23): random strings of every Unicode category and control character, put into
 * release names, chart names, versions and values, never break a report: scan.json, verify.json and the SARIF file
 * parse and match their schemas, every Markdown table keeps its column count on every row, no report line holds a
 * raw control character, and mirror.txt has exactly one validated pair per line.
 */
class HostileReportsTest {

    @TempDir
    Path dir;

    private static final String SPECIAL = "\n\r\t\u0085\u2028\u2029\u000b\u001b\u0000|`<>\\\":#&*!%@[]{},";

    /** A random string, written as a YAML double-quoted scalar (any character can be written so). */
    private static String quoted(Random random) {
        StringBuilder s = new StringBuilder("\"");
        int length = 1 + random.nextInt(24);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(3) == 0
                    ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                    : 0x20 + random.nextInt(0xD7FF - 0x20);
            if (c == '"' || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        }
        return s.append('"').toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void randomValuesNeverBreakAReport(int seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder apps = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            apps.append("---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ")
                    .append(i == 0 ? "podinfo" : quoted(random))
                    .append("\nspec:\n  interval: ")
                    .append(quoted(random))
                    .append("\n  chart:\n    spec:\n      chart: ")
                    .append(i == 0 ? "podinfo" : quoted(random))
                    .append("\n      version: ")
                    .append(i == 0 ? "6.5.4" : quoted(random))
                    .append("\n      sourceRef: {kind: HelmRepository, name: charts}\n  values:\n    key: ")
                    .append(quoted(random))
                    .append('\n');
        }
        ManifestTree tree = new TreeFixture(dir)
                .file("kustomization.yaml", "namespace: apps\nresources:\n  - repo.yaml\n  - apps.yaml\n")
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: charts\n"
                                + "spec:\n  type: oci\n  interval: 1h\n  url: oci://ghcr.io/example/charts\n")
                .file("apps.yaml", apps.toString())
                .load();
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
        String scanJson = ScanJson.render(scan);
        new ObjectMapper().readTree(scanJson);
        ReportSchemas.assertScanJson(scanJson);
        assertMarkdownTables(ScanMarkdown.render(scan, "tree"));

        List<Finding> findings = Verifier.verify(new VerifyContext(tree, scan, List.of(), List.of()));
        ReportSchemas.assertVerifyJson(VerifyReports.json(findings));
        ReportSchemas.assertSarif(VerifyReports.sarif(findings, Verifier.rules(), "test"));
        assertMarkdownTables(VerifyReports.markdown(findings, Verifier.rules()));

        MigrationPlan plan = MigrationPlanner.plan(
                tree,
                scan,
                new MigrateOptions(
                        List.of(),
                        List.of(),
                        Layout.AUTO,
                        null,
                        "none",
                        Prune.NONE,
                        false,
                        ShareOptions.NONE,
                        false,
                        MirrorPrefix.parse("oci://registry.internal/charts")));
        assertMarkdownTables(MigrateReports.markdown(plan, true));
        ReportSchemas.assertMigrateJson(MigrateReports.json(plan, true));
        List<String> mirror = MigrateReports.mirrorLines(plan);
        assertThat(mirror).isNotEmpty().allSatisfy(line -> {
            String[] pair = line.split(" ", -1);
            assertThat(pair).hasSize(2);
            for (String ref : pair) {
                String repository = ref.replaceFirst("@sha256:[0-9a-f]{64}$", "");
                int colon = repository.lastIndexOf(':');
                assertThat(OciReferences.urlProblem("oci://" + repository.substring(0, colon)))
                        .isEmpty();
                assertThat(OciReferences.tagProblem(repository.substring(colon + 1)))
                        .isEmpty();
            }
        });
    }

    /** Every row of a table has the header's number of cells; no line holds a raw control character. */
    private static void assertMarkdownTables(String markdown) {
        int columns = -1;
        for (String line : markdown.split("\n", -1)) {
            assertThat(line.chars()
                            .filter(c ->
                                    (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029))
                    .as(line)
                    .isEmpty();
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int cells = line.replace("\\\\", "").replace("\\|", "").split("\\|", -1).length;
            if (columns < 0) {
                columns = cells;
            }
            assertThat(cells).as(line).isEqualTo(columns);
        }
    }
}
