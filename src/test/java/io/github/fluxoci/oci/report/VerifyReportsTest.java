package io.github.fluxoci.oci.report;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Rule;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyReportsTest {

    static final List<Finding> FINDINGS = List.of(
            new Finding(
                    "chartref-target",
                    Severity.ERROR,
                    "apps/x/helmrelease.yaml",
                    9,
                    5,
                    "chartRef names OCIRepository \"x\""),
            new Finding(
                    "orphan-helmrepository",
                    Severity.WARNING,
                    "repos/old.yaml",
                    1,
                    1,
                    "HelmRepository \"old\" is unused"),
            new Finding(
                    "helmrepository-source",
                    Severity.NOTE,
                    "apps/vpa/helmrelease.yaml",
                    12,
                    9,
                    "vpa stays: no OCI chart"));

    @Test
    void sarifIsVersion210WithRuleMetadataAndRelativeLocations() throws Exception {
        List<Rule> rules = Verifier.rules();
        JsonNode sarif = new ObjectMapper().readTree(VerifyReports.sarif(FINDINGS, rules, "0.1.0"));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("oci-maven-plugin");
        assertThat(run.at("/tool/driver/rules")).hasSize(rules.size());
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            assertThat(rule.get("id").asText()).isNotBlank();
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/defaultConfiguration/level").asText()).isIn("error", "warning", "note");
        }
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        JsonNode first = results.get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("chartref-target");
        assertThat(run.at("/tool/driver/rules/" + first.get("ruleIndex").asInt() + "/id")
                        .asText())
                .isEqualTo("chartref-target");
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("apps/x/helmrelease.yaml");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(9);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt())
                .isEqualTo(5);
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(2).get("level").asText()).isEqualTo("note");
    }

    @Test
    void sarifForCodeScanningFromTheRepositoryRootWithSuppressionsAndStableFingerprints() throws Exception {
        List<Finding> findings = List.of(
                new Finding(
                        "oci-ref",
                        Severity.ERROR,
                        "apps/my app/ocirepository.yaml",
                        12,
                        13,
                        "semver \"latest\" is not a range"),
                new Finding(
                        "helmrepository-source",
                        Severity.NOTE,
                        "apps/vpa/helmrelease.yaml",
                        12,
                        9,
                        "vpa stays: no OCI chart",
                        "no OCI chart"));
        String text = VerifyReports.sarif(findings, Verifier.rules(), "0.1.0", "deploy/flux/");
        ReportSchemas.assertSarif(text);
        JsonNode run = new ObjectMapper().readTree(text).at("/runs/0");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("deploy/flux/apps/my%20app/ocirepository.yaml");
        assertThat(run.at("/automationDetails/id").asText()).isEqualTo("oci-verify/deploy/flux/");
        assertThat(run.at("/tool/driver/rules/0/help/text").asText()).isNotBlank();
        JsonNode excused = run.at("/results/1");
        assertThat(excused.get("level").asText())
                .as("an excused finding keeps its rule's level")
                .isEqualTo("error");
        assertThat(excused.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(excused.at("/suppressions/0/justification").asText()).isEqualTo("no OCI chart");
        String moved = VerifyReports.sarif(
                List.of(new Finding(
                        "oci-ref",
                        Severity.ERROR,
                        "apps/my app/ocirepository.yaml",
                        40,
                        13,
                        "semver \"latest\" is not a range")),
                Verifier.rules(),
                "0.1.0",
                "deploy/flux/");
        assertThat(new ObjectMapper().readTree(moved).at("/runs/0/results/0/partialFingerprints"))
                .as("the same finding on another line keeps its fingerprint")
                .isEqualTo(run.at("/results/0/partialFingerprints"));
    }

    @Test
    void verifyMdFitsAPullRequestDescription() {
        List<Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(new Finding(
                    "kustomization-resources",
                    Severity.ERROR,
                    "apps/app-" + i + "/kustomization.yaml",
                    3,
                    5,
                    "resource ./missing-" + i + ".yaml does not exist; create it or remove the entry"));
        }
        String md = VerifyReports.markdown(many, Verifier.rules());
        String full = VerifyReports.fullMarkdown(many, Verifier.rules());
        assertThat(md.length()).isLessThan(60_000);
        assertThat(md)
                .contains("| `kustomization-resources` | 3000 | 0 | 0 |")
                .contains("2950 more in `verify-full.md`");
        assertThat(full).contains("apps/app-2999/kustomization.yaml");
    }

    @Test
    void jsonAndSummaryCountBySeverity() throws Exception {
        JsonNode json = new ObjectMapper().readTree(VerifyReports.json(FINDINGS));
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/notes").asInt()).isEqualTo(1);
        JsonNode f = json.at("/findings/0");
        assertThat(f.get("rule").asText()).isEqualTo("chartref-target");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("file").asText()).isEqualTo("apps/x/helmrelease.yaml");
        assertThat(f.get("line").asInt()).isEqualTo(9);
        assertThat(f.get("column").asInt()).isEqualTo(5);
        assertThat(VerifyReports.summary(FINDINGS)).isEqualTo("1 error, 1 warning, 1 note");
        String md = VerifyReports.markdown(FINDINGS, Verifier.rules());
        // errors first, by rule, then folder, each finding with its place
        assertThat(md)
                .contains(
                        "## Errors (1)\n\n### `chartref-target`: 1\n\n- `apps/x/`\n  - `apps/x/helmrelease.yaml:9:5` ");
        assertThat(md.indexOf("## Errors")).isLessThan(md.indexOf("## Warnings"));
        assertThat(md.indexOf("## Warnings")).isLessThan(md.indexOf("## Notes"));
    }
}
