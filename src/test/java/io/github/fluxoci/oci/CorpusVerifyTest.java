package io.github.fluxoci.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No false alarms: on the "after" trees of {@code ../shared/corpora} (running in production), the integrity rules
 * report exactly the findings listed in {@code corpus-verify-expected.txt}, each justified in
 * {@code docs/corpus-results.md}. A new finding fails the test until it is justified there (or fixed).
 */
class CorpusVerifyTest {

    static final List<String> AFTER_TREES = List.of(
            "bjw-s-labs__home-ops__51448c123a",
            "buroa__k8s-gitops__47f258d5d1",
            "billimek__k8s-gitops__d10312df7b",
            "fluxcd__flux2-kustomize-helm-example__2b8cffe3f7");
    static final Set<String> INTEGRITY_RULES = Set.of(
            "chartref-target",
            "source-deployed",
            "layer-selector",
            "oci-url",
            "oci-ref",
            "flux-schema",
            "kustomization-resources");

    @Test
    void integrityRulesReportOnlyJustifiedFindingsOnTreesInProduction() throws IOException {
        Path corpora = CorpusScanTest.corpora();
        assumeTrue(Files.isDirectory(corpora.resolve(AFTER_TREES.get(0))), "corpora absent: " + corpora);
        Set<String> actual = new TreeSet<>();
        for (String name : AFTER_TREES) {
            ManifestTree tree = TreeLoader.load(TreeOptions.of(corpora.resolve(name)));
            List<Finding> findings = Verifier.verify(new VerifyContext(
                    tree, new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree), List.of(), List.of()));
            for (Finding f : findings) {
                if (INTEGRITY_RULES.contains(f.rule())) {
                    actual.add(name + " " + f.file() + ":" + f.line() + " [" + f.rule() + "]");
                }
            }
        }
        List<String> report = new ArrayList<>(actual);
        Path out = Path.of("target/corpus-results/verify.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        Set<String> expected = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/corpus-verify-expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(line.strip());
                }
            }
        }
        assertThat(actual)
                .as("integrity findings on production trees (see docs/corpus-results.md)")
                .isEqualTo(expected);
    }

    static final Path FINDING_COUNTS = Path.of("src/test/resources/corpus/verify-findings.tsv");

    /**
     * Every rule against what the corpora really have: the findings per tree, rule and severity (before and after
     * trees alike) are the reviewed counts of {@code src/test/resources/corpus/verify-findings.tsv}
     * ({@code -Doci.writeExpectations=true} writes it anew for review), and every rule that can fire offline fires
     * somewhere: a rule that stops finding what the trees have fails here, not only one that finds too much.
     */
    @Test
    void everyRuleFindsWhatTheCorporaHave() throws IOException {
        assumeTrue(TestFiles.corporaPresent(), "corpora absent: " + TestFiles.corpora());
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (Path t : TestFiles.corpusTrees()) {
            ManifestTree tree = TreeLoader.load(TreeOptions.of(t));
            List<Finding> findings = Verifier.verify(new VerifyContext(
                    tree, new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree), List.of(), List.of()));
            for (Finding f : findings) {
                counts.merge(t.getFileName() + "\t" + f.rule() + "\t" + f.severity(), 1L, Long::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("tree\trule\tseverity\tfindings");
        counts.forEach((k, n) -> lines.add(k + "\t" + n));
        if (Boolean.getBoolean("oci.writeExpectations")) {
            Files.createDirectories(FINDING_COUNTS.getParent());
            Files.write(FINDING_COUNTS, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines)
                .as(
                        "findings per tree and rule differ from %s; run mvn test -Dtest=CorpusVerifyTest"
                                + " -Doci.writeExpectations=true and review the diff",
                        FINDING_COUNTS)
                .containsExactlyElementsOf(Files.readAllLines(FINDING_COUNTS, StandardCharsets.UTF_8));
        Set<String> fired = new TreeSet<>();
        counts.keySet().forEach(k -> fired.add(k.split("\t")[1]));
        Set<String> silent = new TreeSet<>();
        Verifier.rules().forEach(r -> silent.add(r.id()));
        silent.removeAll(fired);
        assertThat(silent)
                .as("rules that find nothing in any corpus tree (online-only rules, and shapes no corpus tree has)")
                .isSubsetOf(SILENT_ON_CORPORA);
    }

    /**
     * Rules that find nothing in any corpus tree: the three online rules (they need the registries), and defects no
     * tree in production has (a chartRef to nothing, a missing layerSelector, ...); each is tested on its own cases
     * ({@code RulesTest}). Any other rule must keep finding what the corpora have.
     */
    static final Set<String> SILENT_ON_CORPORA = Set.of(
            "oci-ref-resolution",
            "secret-namespace",
            "oci-tag-exists",
            "different-archive",
            "unverified-signature",
            "exact-tag",
            "duplicate-key",
            "renovate-coverage",
            "flux-schema",
            "stale-patch",
            "oci-url",
            "oci-ref",
            "layer-selector",
            "release-shape",
            "chartref-target",
            "source-deployed");
}
