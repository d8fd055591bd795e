package io.github.fluxoci.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

/**
 * Scans every real tree of {@code ../shared/corpora}: the scan must finish without an exception and find
 * every HelmRelease that the corpus manifest counted. Skipped when the corpora are absent.
 */
class CorpusScanTest {

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
        return manifest.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
            ManifestTree tree = TreeLoader.load(TreeOptions.of(corpora.resolve(name)));
            ScanResult result = new Scanner(catalog).scan(tree);
            int expected = Integer.parseInt(manifest.get(name).get("helmreleases"));
            System.out.printf("%s: %d releases (manifest %d), oci=%d migratable=%d blocked=%d unknown=%d, %d problems%n",
                    name, result.releases().size(), expected, result.count(io.github.fluxoci.oci.scan.ReleaseStatus.OCI),
                    result.count(io.github.fluxoci.oci.scan.ReleaseStatus.MIGRATABLE),
                    result.count(io.github.fluxoci.oci.scan.ReleaseStatus.BLOCKED),
                    result.count(io.github.fluxoci.oci.scan.ReleaseStatus.UNKNOWN), result.problems().size());
            result.problems().forEach(p -> System.out.println("   problem " + p.describe()));
            System.out.printf("   deployed: %s%n", java.util.Arrays.stream(io.github.fluxoci.oci.scan.ReleaseStatus.values())
                    .map(st -> st + "=" + result.releases().stream().filter(r -> r.deployed() && r.status() == st).count())
                    .toList());
            result.releases().stream().filter(r -> r.status() == io.github.fluxoci.oci.scan.ReleaseStatus.UNKNOWN)
                    .forEach(r -> System.out.println("   unknown " + r.chart() + " of "
                            + (r.source() == null ? null : r.source().url()) + " (" + r.file() + ")"));
            long documents = result.releases().stream().map(r -> r.object()).distinct().count();
            System.out.printf("   %d instances of %d release documents, %d not deployed, %d clusters, %d entry points%n",
                    result.releases().size(), documents, result.releases().stream().filter(r -> !r.deployed()).count(),
                    tree.clusters().size(), tree.entryPoints().size());
            assertThat(documents + result.releasePatches().size()).isEqualTo(expected);
            assertThat(result.helmRepositories()).hasSize(Integer.parseInt(manifest.get(name).get("helmrepositories")));
        }));
    }
}
