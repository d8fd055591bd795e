package io.github.fluxoci.oci.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports of a scan of the bundled example (the guide's tree). */
class ScanReportsTest {

    static ScanResult result;

    @BeforeAll
    static void scanExample() throws Exception {
        result = new Scanner(ChartCatalog.withBuiltIn(List.of()))
                .scan(TreeLoader.load(TreeOptions.of(Path.of("examples/homelab"))));
    }

    @Test
    void jsonHasTheDocumentedKeys(@TempDir Path out) throws Exception {
        ScanReports.write(result, out, "homelab");
        JsonNode json = new ObjectMapper().readTree(out.resolve("scan.json").toFile());
        JsonNode summary = json.get("summary");
        assertThat(summary.get("helmReleases").asInt()).isEqualTo(17);
        assertThat(summary.get("oci").asInt()).isEqualTo(7);
        assertThat(summary.get("migratable").asInt()).isEqualTo(7);
        assertThat(summary.get("blocked").asInt()).isEqualTo(2);
        assertThat(summary.get("unknown").asInt()).isEqualTo(1);
        assertThat(summary.get("problems").asInt()).isZero();
        assertThat(summary.get("files").asInt()).isEqualTo(88);

        JsonNode kyverno = null;
        for (JsonNode r : json.get("releases")) {
            for (String key : List.of(
                    "name",
                    "namespace",
                    "file",
                    "line",
                    "chart",
                    "version",
                    "status",
                    "source",
                    "oci",
                    "reasons",
                    "warnings")) {
                assertThat(r.has(key)).as(r.get("name") + " has " + key).isTrue();
            }
            if ("kyverno".equals(r.get("name").asText())) {
                kyverno = r;
            }
        }
        assertThat(kyverno).isNotNull();
        assertThat(kyverno.get("namespace").asText()).isEqualTo("security-system");
        assertThat(kyverno.get("file").asText())
                .isEqualTo("kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml");
        assertThat(kyverno.get("status").asText()).isEqualTo("MIGRATABLE");
        assertThat(kyverno.at("/source/kind").asText()).isEqualTo("HelmRepository");
        assertThat(kyverno.at("/source/name").asText()).isEqualTo("kyverno-charts");
        assertThat(kyverno.at("/source/namespace").asText()).isEqualTo("flux-system");
        assertThat(kyverno.at("/source/url").asText()).isEqualTo("https://kyverno.github.io/kyverno/");
        assertThat(kyverno.at("/source/type").asText()).isEqualTo("default");
        assertThat(kyverno.at("/oci/url").asText()).isEqualTo("oci://ghcr.io/kyverno/charts/kyverno");
        assertThat(kyverno.at("/oci/origin").asText()).isEqualTo("builtin");
        assertThat(kyverno.at("/oci/semver").asText()).isEqualTo("3.x.x");
        assertThat(kyverno.at("/oci/tag").isNull()).isTrue();
        assertThat(kyverno.get("warnings")).hasSize(1);

        JsonNode repo = json.get("helmRepositories").get(0);
        for (String key : List.of("name", "namespace", "file", "url", "type", "usedBy")) {
            assertThat(repo.has(key)).isTrue();
        }
        assertThat(json.get("problems").isArray()).isTrue();
        ReportSchemas.assertScanJson(ScanJson.render(result));
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    }

    @Test
    void markdownIsTheGuidesStatusOverview() {
        String md = ScanMarkdown.render(result, "homelab");
        assertThat(md)
                .contains(
                        "## ✅ Already Migrated to OCI",
                        "## 🆕 Ready to Migrate",
                        "## ❌ Charts That Cannot Use OCI",
                        "## ❓ Unknown OCI Source",
                        "## Migration Order");
        assertThat(md)
                .contains("| external-dns | network-system | external-dns | "
                        + "`oci://ghcr.io/home-operations/charts-mirror/external-dns` | tag `1.16.1` | ⚠️ Mirror |");
        assertThat(md).contains("`kubernetes/apps/base/security-system/kyverno/app/ocirepository.yaml`");
        assertThat(md)
                .contains("| **ingress-nginx** | network-system/ingress-nginx | "
                        + "charts-mirror lags behind official releases (4.13.0 vs 4.14.1)");
        assertThat(md).contains("Fairwinds only publishes to traditional Helm repos");
        assertThat(md)
                .contains("### Phase 5 - security-system")
                .contains("`mvn oci:migrate -Doci.charts=security-system/kyverno`")
                .contains("   - Update: `kubernetes/apps/base/security-system/kyverno/app/kustomization.yaml`");
        // the unknown release's repository, once, with the <mapping> to complete (also in mappings.xml)
        assertThat(md)
                .containsPattern(
                        "\\| `https?://[^`]+` \\| [^|]+ \\| 1 \\| `<mapping><repository>[^`]+</repository><chart>[^<]+"
                                + "</chart><oci>oci://REGISTRY/PATH/[^<]+</oci></mapping>` \\|");
        assertThat(MappingSuggestions.xml(result))
                .startsWith("<!-- Written by oci:scan")
                .contains("<mappings>\n  <!-- ")
                .endsWith("</mappings>\n");
    }

    @Test
    void scanMdFitsAPullRequestDescriptionWhateverTheTreeSize(@TempDir Path tree) throws Exception {
        TreeFixture t = new TreeFixture(tree);
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            String name = "app-" + i + "-" + "x".repeat(40);
            t.file(
                    "apps/" + name + ".yaml",
                    TreeFixture.helmRelease(name, "team-" + (i % 40)).replace("name: repo", "name: repo-" + i));
            resources.append("  - apps/").append(name).append(".yaml\n");
        }
        t.file("kustomization.yaml", "resources:\n" + resources);
        ScanResult big = new Scanner(ChartCatalog.withBuiltIn(List.of())).scan(t.load());
        String md = ScanMarkdown.render(big, "big");
        String full = ScanMarkdown.full(big, "big");
        assertThat(md.length()).isLessThan(ScanMarkdown.MAX_CHARS);
        assertThat(full.length()).isGreaterThan(ScanMarkdown.MAX_CHARS);
        assertThat(md).contains("more in `scan-full.md`");
        assertThat(full).doesNotContain("more in `scan-full.md`");

        // the console shows the first rows of each status and says how many more scan.md holds
        List<String> console =
                ConsoleReport.render(big).stream().map(ConsoleReport.Line::text).toList();
        assertThat(console).contains("UNKNOWN (800)", "  ... and 700 more UNKNOWN releases: every one is in scan.md");
        assertThat(console).hasSizeLessThan(2 * ConsoleReport.MAX_LINES + 20);
    }

    @Test
    void consoleGroupsByStatusAndWarnsWithFileAndLine() {
        List<ConsoleReport.Line> lines = ConsoleReport.render(result);
        assertThat(lines.get(0).text())
                .isEqualTo(
                        "17 HelmReleases in 88 files: 7 on OCI, 7 ready to migrate, 2 blocked, 1 unknown; 0 problems");
        List<String> text = lines.stream().map(ConsoleReport.Line::text).toList();
        assertThat(text).contains("OCI (7)", "MIGRATABLE (7)", "BLOCKED (2)", "UNKNOWN (1)");
        assertThat(lines)
                .filteredOn(ConsoleReport.Line::warning)
                .extracting(ConsoleReport.Line::text)
                .satisfiesExactly(
                        // the example states no Flux version: the newest is assumed, said as a warning
                        flux -> assertThat(flux).startsWith("Flux 2.9.4").contains("assumed"),
                        w -> assertThat(w)
                                .startsWith("kubernetes/apps/base/security-system/kyverno/app/helmrelease.yaml:3:"
                                        + " security-system/kyverno:"),
                        // offline, no catalog record vouches for these tags: one warning, with the command that checks
                        u -> assertThat(u)
                                .startsWith("7 tags migrate would write are unverified (e.g. oci://")
                                .endsWith("-Doci.online=true checks each against its registry"));
        // each ready release says how its tag is known
        assertThat(text).anySatisfy(t -> assertThat(t).contains("crossplane").endsWith("[unverified]"));
    }

    /** scan-status.svg is well-formed XML with one labelled bar per namespace, whatever the names hold. */
    @Test
    void theStatusPictureIsWellFormedWithABarPerNamespace(@TempDir Path out) throws Exception {
        ScanReports.write(result, out, "homelab");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(out.resolve("scan-status.svg").toFile());
        NamespaceMatrix matrix = NamespaceMatrix.of(result);
        var labels = doc.getElementsByTagName("text");
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < labels.getLength(); i++) {
            texts.add(labels.item(i).getTextContent());
        }
        assertThat(texts)
                .containsAll(matrix.rows().stream()
                        .map(NamespaceMatrix.Row::namespace)
                        .toList());
        assertThat(matrix.rows().stream().mapToInt(NamespaceMatrix.Row::total).sum())
                .isEqualTo(17);
        assertThat(NamespaceMatrix.xml("a<b>&\"c'\u0007")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;");
        assertThat(ScanMarkdown.render(result, "homelab"))
                .contains("## By namespace\n\n![Releases by namespace and status](scan-status.svg)");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind(@TempDir Path out) throws Exception {
        ScanReports.write(result, out, "homelab");
        ScanReports.write(result, out, "homelab");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("mappings.xml", "scan-full.md", "scan-status.svg", "scan.json", "scan.md");
        }
    }
}
