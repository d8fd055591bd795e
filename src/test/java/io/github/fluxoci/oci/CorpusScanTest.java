package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.MessageCodes;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans every real tree of {@code ../shared/corpora}: the scan must find every HelmRelease and HelmRepository that
 * the corpus manifest counted, and give each release instance the classification reviewed in
 * {@code src/test/resources/corpus/classification.tsv} (tree, file, release, namespace, cluster, deployed, status,
 * and the OCI url and ref or the reason codes). A change of classification fails here and shows as a diff of that
 * file: {@code mvn test -Dtest=CorpusScanTest -Doci.writeExpectations=true} writes it anew for review. Skipped
 * (visibly) when the corpora are absent.
 */
class CorpusScanTest {

    static final Path EXPECTATIONS = Path.of("src/test/resources/corpus/classification.tsv");

    static Path corpora() {
        return TestFiles.corpora();
    }

    /** MANIFEST.tsv: tree name -> column values. */
    static Map<String, Map<String, String>> manifest(Path corpora) throws IOException {
        List<String> lines = Files.readAllLines(corpora.resolve("MANIFEST.tsv"));
        String[] header = lines.get(0).split("\t");
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cols.length; i++) {
                row.put(header[i], cols[i]);
            }
            out.put(cols[0], row);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyHelmReleaseOfEveryTreeIsFound() throws IOException {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        Path corpora = corpora();
        Map<String, Map<String, String>> manifest = manifest(corpora);
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        return manifest.keySet().stream()
                .sorted()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    ManifestTree tree = TreeLoader.load(TreeOptions.of(corpora.resolve(name)));
                    ScanResult result = new Scanner(catalog).scan(tree);
                    long documents = result.releases().stream()
                            .map(r -> r.object())
                            .distinct()
                            .count();
                    assertThat(documents + result.releasePatches().size())
                            .isEqualTo(Integer.parseInt(manifest.get(name).get("helmreleases")));
                    assertThat(result.helmRepositories())
                            .hasSize(Integer.parseInt(manifest.get(name).get("helmrepositories")));
                }));
    }

    @Test
    void everyReleaseInstanceIsClassifiedAsReviewed() throws IOException {
        Assumptions.assumeTrue(TestFiles.corporaPresent(), "corpora absent: " + corpora());
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        List<String> lines = new ArrayList<>();
        lines.add("tree\tfile\trelease\tnamespace\tcluster\tdeployed\tstatus\toci or reasons");
        for (String name : new TreeSet<>(manifest(corpora()).keySet())) {
            ScanResult result = new Scanner(catalog)
                    .scan(TreeLoader.load(TreeOptions.of(corpora().resolve(name))));
            List<String> rows = new ArrayList<>();
            for (ScannedRelease r : result.releases()) {
                String what = r.oci() != null
                        ? r.oci().url() + " "
                                + (r.oci().tag() != null
                                        ? "tag " + r.oci().tag()
                                        : "semver " + r.oci().semver())
                        : String.join(
                                ",",
                                r.reasons().stream()
                                        .map(t -> MessageCodes.reason(t, r.status()))
                                        .toList());
                rows.add(String.join(
                        "\t",
                        name,
                        r.file(),
                        r.name(),
                        String.valueOf(r.namespace().value()),
                        String.valueOf(r.cluster()),
                        String.valueOf(r.deployed()),
                        r.status().name(),
                        what));
            }
            rows.sort(null);
            lines.addAll(rows);
        }
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("oci.writeExpectations")) {
            Files.createDirectories(EXPECTATIONS.getParent());
            Files.writeString(EXPECTATIONS, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTATIONS, StandardCharsets.UTF_8);
        assertThat(lines)
                .as(
                        "classification of the corpora differs from %s; run mvn test -Dtest=CorpusScanTest"
                                + " -Doci.writeExpectations=true and review the diff",
                        EXPECTATIONS)
                .containsExactlyElementsOf(expected);
        // the expectations are not empty and cover every status
        for (ReleaseStatus status : ReleaseStatus.values()) {
            assertThat(expected).anyMatch(l -> l.contains("\t" + status.name() + "\t"));
        }
    }
}
