package io.github.fluxoci.oci.report;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** What migrate's reports say about the apiVersions it moved and the HelmRepositories it left unused. */
class MigrateReportsTest {

    /** The golden case {@code api-upgrades} on Flux 2.8: three objects moved, one refused with its reason. */
    @Test
    void reportsListTheApiVersionsMovedAndTheOneThatStays() throws Exception {
        MigrationPlan plan = plan("/migrate/api-upgrades/before", "2.8.0", MigrateOptions.defaults());

        String md = MigrateReports.markdown(plan, true);
        assertThat(md)
                .contains("## apiVersions moved")
                .contains("| HelmRepository flux-system/internal | `repos.yaml:12` | `source.toolkit.fluxcd.io/v1beta1`"
                        + " | `source.toolkit.fluxcd.io/v1` |")
                .contains("| HelmRelease billing/billing | `apps/base/billing.yaml:2` and 1 patch file |")
                .contains("Kustomization \"infra\" stays on kustomize.toolkit.fluxcd.io/v1beta2, which its Flux no"
                        + " longer serves: v1 refuses what it sets (spec.validation is not a field there)");
        String json = MigrateReports.json(plan, true);
        ReportSchemas.assertMigrateJson(json);
        JsonNode upgraded = new ObjectMapper().readTree(json).path("upgraded");
        assertThat(upgraded).hasSize(4);
        assertThat(upgraded.findValuesAsText("to"))
                .containsOnly(
                        "source.toolkit.fluxcd.io/v1", "helm.toolkit.fluxcd.io/v2", "kustomize.toolkit.fluxcd.io/v1");
        assertThat(MigrateReports.console(plan, true).get(0).text()).endsWith(", 4 apiVersions moved");
    }

    /** {@code -Doci.upgradeApis=false}: only the migrated release moves; nothing else is reported as moved. */
    @Test
    void upgradeApisFalseLeavesEveryOtherApiVersion() throws Exception {
        MigrationPlan plan = plan(
                "/migrate/api-upgrades/before",
                "2.8.0",
                MigrateOptions.defaults().withUpgradeApis(false));
        assertThat(plan.upgraded()).isEmpty();
        assertThat(plan.migrated()).hasSize(1);
        assertThat(plan.changes())
                .noneMatch(c -> c.path().equals("repos.yaml") || c.path().startsWith("clusters/"));
        assertThat(MigrateReports.markdown(plan, true)).doesNotContain("apiVersions moved");
    }

    private MigrationPlan plan(String resource, String flux, MigrateOptions options) throws Exception {
        Path root = Path.of(getClass().getResource(resource).toURI());
        ManifestTree tree = TreeLoader.load(TreeOptions.of(root));
        ScanResult scan = new Scanner(ChartCatalog.withBuiltIn(java.util.List.of()), flux).scan(tree);
        return MigrationPlanner.plan(tree, scan, options);
    }
}
