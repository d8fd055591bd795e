package io.github.fluxoci.oci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.report.GateSummary;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.ScanMarkdown;
import io.github.fluxoci.oci.report.VerifyReports;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown reports of every corpus tree, read as GitHub reads them (commonmark with the GFM table extension):
 * scan.md fits a pull request description (under 60,000 characters) and opens with the namespace matrix and what
 * verify would report, its warnings are one row per kind, and every table of scan.md, migrate.md and verify.md has
 * as many cells in each row as in its header (a stray {@code |} in tree text would add one).
 */
class CorpusReportsTest {

    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @TestFactory
    Stream<DynamicTest> reportsOfEveryCorpusTreeReadAsAReviewerReadsThem() throws Exception {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        return TestFiles.corpusTrees().stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws Exception {
        ManifestTree tree = TreeLoader.load(TreeOptions.of(dir));
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree);
        List<Finding> findings = Verifier.verify(new VerifyContext(tree, scan, List.of(), List.of()));
        String scanMd = ScanMarkdown.render(
                scan, GateSummary.of(findings), dir.getFileName().toString());
        assertThat(scanMd.length()).isLessThan(ScanMarkdown.MAX_CHARS);
        if (scan.releases().stream().anyMatch(r -> r.deployed())) {
            assertThat(scanMd).contains("## By namespace\n\n![Releases by namespace and status](scan-status.svg)");
        }
        assertThat(scanMd).contains("## What `oci:verify` would report");
        long warningKinds = scan.releases().stream()
                .flatMap(r -> r.warnings().stream())
                .map(io.github.fluxoci.oci.scan.MessageCodes::warning)
                .distinct()
                .count();
        String warnings = scanMd.substring(scanMd.indexOf("## Warnings"));
        assertThat(warnings.lines().filter(l -> l.startsWith("| `")).count())
                .as("one row per kind of warning")
                .isEqualTo(warningKinds);
        String migrateMd = MigrateReports.markdown(MigrationPlanner.plan(tree, scan, MigrateOptions.defaults()), true);
        String verifyMd = VerifyReports.markdown(findings, Verifier.rules());
        for (String md : List.of(scanMd, migrateMd, verifyMd)) {
            assertThat(tableShapes(md))
                    .as("rows with another number of cells than their header")
                    .isEmpty();
        }
        if (!findings.isEmpty()) {
            int errors = verifyMd.indexOf("## Errors");
            int warningsAt = verifyMd.indexOf("## Warnings");
            int notes = verifyMd.indexOf("## Notes");
            assertThat(List.of(errors, warningsAt, notes).stream()
                            .filter(i -> i >= 0)
                            .toList())
                    .as("verify.md: errors, then warnings, then notes")
                    .isSorted();
        }
    }

    /**
     * Each table row whose cells (unescaped {@code |}, as GFM splits them, code spans included) differ in number from
     * its header's, and each run of {@code |} lines GitHub would not read as a table. GFM itself pads or drops cells
     * silently, so the rows are counted in the text; the parser says which runs are tables.
     */
    static List<String> tableShapes(String md) {
        List<String> wrong = new ArrayList<>();
        int[] parsedTables = {0};
        MARKDOWN.parse(md).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                parsedTables[0] += block instanceof TableBlock ? 1 : 0;
                super.visit(block);
            }
        });
        int tables = 0;
        int header = -1;
        boolean inCode = false;
        for (String line : md.split("\n", -1)) {
            inCode ^= line.startsWith("```");
            if (inCode || !line.startsWith("|")) {
                if (header >= 0 && !inCode && !line.isBlank()) {
                    // GFM reads a line right after a table as one more row of it
                    wrong.add("text right after a table becomes a row of it: " + line);
                }
                header = -1;
                continue;
            }
            int cells = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == '|') {
                    cells++;
                }
            }
            if (header < 0) {
                header = cells;
                tables++;
            } else if (cells != header) {
                wrong.add(header + " != " + cells + ": " + line);
            }
        }
        if (tables != parsedTables[0]) {
            wrong.add(tables + " tables written, " + parsedTables[0] + " read as tables by GFM");
        }
        return wrong;
    }

    /** The check itself: a stray pipe in a cell, and a table without its delimiter row, are caught. */
    @org.junit.jupiter.api.Test
    void theTableCheckCatchesAStrayPipe() {
        assertThat(tableShapes("| a | b |\n|---|---|\n| x | y |\n")).isEmpty();
        assertThat(tableShapes("| a | b |\n|---|---|\n| x | y|z |\n")).hasSize(1);
        assertThat(tableShapes("| a | b |\n| x | y |\n")).hasSize(1);
        assertThat(tableShapes("| a | b |\n|---|---|\n| x | y |\nA legend.\n")).hasSize(1);
    }
}
