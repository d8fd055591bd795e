package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.TestFiles;
import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reason and warning that real trees make scan give has a specific code in scan.json. */
class MessageCodesTest {

    @Test
    void everyMessageOfTheCorporaAndTheExampleHasItsCode() throws Exception {
        List<Path> trees = new ArrayList<>(TestFiles.corporaPresent() ? TestFiles.corpusTrees() : List.of());
        trees.add(Path.of("examples/homelab"));
        Map<String, Integer> perCode = new TreeMap<>();
        List<String> unclassified = new ArrayList<>();
        for (Path tree : trees) {
            ScanResult scan =
                    new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(TreeLoader.load(TreeOptions.of(tree)));
            for (ScannedRelease r : scan.releases()) {
                for (String reason : r.reasons()) {
                    String code = MessageCodes.reason(reason, r.status());
                    perCode.merge(code, 1, Integer::sum);
                    if (code.equals("unclassified")) {
                        unclassified.add(reason);
                    }
                }
                for (String warning : r.warnings()) {
                    String code = MessageCodes.warning(warning);
                    perCode.merge(code, 1, Integer::sum);
                    if (code.equals("unclassified")) {
                        unclassified.add(warning);
                    }
                }
            }
        }
        assertThat(unclassified).as("messages without a code").isEmpty();
        assertThat(perCode)
                .containsKeys(
                        "no-oci-source",
                        "not-deployed",
                        "api-version-not-served",
                        "mirror-source",
                        "blocked-by-catalog",
                        "chart-from-git-or-bucket");
    }

    @Test
    void aCatalogsOwnWordsAreBlockedByCatalogOnlyForBlockedReleases() {
        assertThat(MessageCodes.reason("Fairwinds only publishes to traditional Helm repos", ReleaseStatus.BLOCKED))
                .isEqualTo("blocked-by-catalog");
        assertThat(MessageCodes.reason("something new", ReleaseStatus.UNKNOWN)).isEqualTo("unclassified");
        assertThat(MessageCodes.reason(
                        "version \">=1 || x\" is not a range Helm or Flux can read (improper constraint)",
                        ReleaseStatus.BLOCKED))
                .isEqualTo("version-not-a-range");
    }
}
