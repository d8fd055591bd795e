package io.github.fluxoci.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

/**
 * No false alarms: on the "after" trees of {@code ../shared/corpora} (running in production), the integrity rules
 * report exactly the findings listed in {@code corpus-verify-expected.txt}, each justified in
 * {@code docs/corpus-results.md}. A new finding fails the test until it is justified there (or fixed).
 */
class CorpusVerifyTest {

    static final List<String> AFTER_TREES = List.of("bjw-s-labs__home-ops__51448c123a", "buroa__k8s-gitops__47f258d5d1",
            "billimek__k8s-gitops__d10312df7b", "fluxcd__flux2-kustomize-helm-example__2b8cffe3f7");
    static final Set<String> INTEGRITY_RULES = Set.of("chartref-target", "source-deployed", "layer-selector", "oci-url",
            "oci-ref", "chart-xor-chartref", "kustomization-resources");

    @Test
    void integrityRulesReportOnlyJustifiedFindingsOnTreesInProduction() throws IOException {
        Path corpora = CorpusScanTest.corpora();
        assumeTrue(Files.isDirectory(corpora.resolve(AFTER_TREES.get(0))), "corpora absent: " + corpora);
        Set<String> actual = new TreeSet<>();
        for (String name : AFTER_TREES) {
            ManifestTree tree = TreeLoader.load(TreeOptions.of(corpora.resolve(name)));
            List<Finding> findings = Verifier.verify(new VerifyContext(tree,
                    new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(tree), List.of(), List.of()));
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
        assertThat(actual).as("integrity findings on production trees (see docs/corpus-results.md)").isEqualTo(expected);
    }
}
