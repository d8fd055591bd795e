package io.github.fluxoci.oci.migrate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.ReportSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code oci.mirrorPrefix}: OCIRepositories on the mirror, and the list of what to copy there. */
class MirrorPrefixTest {

    @Test
    void urlsKeepTheChartPathUnderThePrefix() {
        MirrorPrefix mirror = MirrorPrefix.parse("oci://Registry.Internal:5000/charts/");
        assertThat(mirror.urlFor("oci://ghcr.io/bjw-s-labs/helm/app-template"))
                .isEqualTo("oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template");
        assertThat(MirrorPrefix.NONE.urlFor("oci://ghcr.io/a/b")).isEqualTo("oci://ghcr.io/a/b");
        for (String bad :
                new String[] {"https://registry.internal", "oci://registry.internal/charts:1.0", "registry.internal"}) {
            assertThatThrownBy(() -> MirrorPrefix.parse(bad))
                    .as(bad)
                    .hasMessageStartingWith("oci.mirrorPrefix \"" + bad + "\" is not an oci:// registry prefix");
        }
    }

    @Test
    void mirrorTxtListsEachChartVersionOnceAndMigrateJsonNamesTheOrigin() throws Exception {
        Path dir = Path.of(getClass().getResource("/migrate/mirror-prefix").toURI());
        MigrationPlan plan = MigrateGoldenTest.plan(
                dir.resolve("before"), MigrateGoldenTest.options(dir.resolve("options.properties")));
        assertThat(MigrateReports.mirrorLines(plan))
                .containsExactly(
                        "ghcr.io/bjw-s-labs/helm/app-template:3.5.0 registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.5.0",
                        "ghcr.io/bjw-s-labs/helm/app-template:3.6.0 registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.6.0",
                        "ghcr.io/bjw-s-labs/helm/app-template:3.7.2 registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.7.2");
        String json = MigrateReports.json(plan, false);
        ReportSchemas.assertMigrateJson(json);
        assertThat(json)
                .contains("\"url\" : \"oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template\"")
                .contains("\"mirrorOf\" : \"oci://ghcr.io/bjw-s-labs/helm/app-template\"");
        assertThat(MigrateReports.markdown(plan, false)).contains("## Mirror").contains("`mirror.txt`");
    }

    @Test
    void onlineTheMirrorIsAskedOncePerChartVersionAndWhatItLacksIsAWarning() throws Exception {
        Path dir = Path.of(getClass().getResource("/migrate/mirror-prefix").toURI());
        MigrationPlan plan = MigrateGoldenTest.plan(
                dir.resolve("before"), MigrateGoldenTest.options(dir.resolve("options.properties")));
        java.util.List<String> asked = new java.util.ArrayList<>();
        MigrationPlan checked = MirrorCheck.apply(plan, (url, tag) -> {
            asked.add(url + ":" + tag);
            return switch (tag) {
                case "3.7.2" -> java.util.Optional.of(true);
                case "3.6.0" -> java.util.Optional.of(false);
                default -> java.util.Optional.empty();
            };
        });
        assertThat(asked)
                .containsExactlyInAnyOrder(
                        "oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.7.2",
                        "oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.6.0",
                        "oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.5.0");
        assertThat(checked.warnings())
                .containsAll(plan.warnings())
                .contains(
                        "the mirror lacks oci://registry.internal:5000/charts/bjw-s-labs/helm/app-template:3.6.0: copy"
                                + " oci://ghcr.io/bjw-s-labs/helm/app-template:3.6.0 there (mirror.txt) before this change reaches the"
                                + " cluster, or Flux reports the chart not found")
                .anySatisfy(w -> assertThat(w)
                        .startsWith("could not ask the mirror whether ")
                        .contains(":3.5.0"))
                .noneSatisfy(w -> assertThat(w).contains(":3.7.2"));
    }
}
