package io.github.fluxoci.oci.maven;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves that the POM configuration of oci:migrate reaches the planner (dry run: nothing is written). */
@MojoTest
class MigrateMojoTest {

    @TempDir
    Path out;

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "migrate", pom = "migrate-pom.xml")
    void layoutIntervalSchemaMappingsAndDryRunReachThePlanner(MigrateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        Path release = Path.of(getClass()
                .getResource("/unit/scan-config/manifests/app/helmrelease.yaml")
                .toURI());
        String before = Files.readString(release);
        mojo.execute();
        assertThat(Files.readString(release)).as("dry run writes nothing").isEqualTo(before);
        String diff = Files.readString(out.resolve("migrate.diff"));
        assertThat(diff)
                .contains("+++ b/app/helmrelease.yaml") // inline layout
                .contains("+# yaml-language-server: $schema=https://schemas.example/ocirepository.json")
                .contains("+  interval: 2h") // the chart sets none
                .contains("+  url: oci://registry.example/charts/echo-server") // the mapping
                .doesNotContain("ocirepository.yaml");
        assertThat(Files.readString(out.resolve("migrate.json"))).contains("\"dryRun\" : true");
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "migrate", pom = "migrate-pom.xml")
    void aBadLayoutIsAUserError(MigrateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "layout", "sideways");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("oci.layout: layout \"sideways\" is not one of file, inline, auto"
                        + hint("layout", "oci.layout"));
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "migrate", pom = "migrate-pom.xml")
    void badShareIntervalAndVerifyValuesAreUserErrorsNamingTheParameter(MigrateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        setVariableValueToObject(mojo, "interval", "1d");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("oci.interval \"1d\" is not chart, release or a duration Flux accepts");
        setVariableValueToObject(mojo, "interval", "release");
        setVariableValueToObject(mojo, "share", "everything");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("oci.share: \"everything\" is not one of none, chart" + hint("share", "oci.share"));
        setVariableValueToObject(mojo, "share", "chart");
        setVariableValueToObject(mojo, "shareLayout", "cluster");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("oci.shareLayout: \"cluster\" is not one of namespace, component"
                        + hint("shareLayout", "oci.shareLayout"));
        setVariableValueToObject(mojo, "shareLayout", "component");
        setVariableValueToObject(mojo, "verifySignatures", "notary");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                // the POM element and the property differ: the message names both
                .hasMessage(
                        "oci.verify: \"notary\" is not one of none, cosign" + hint("verifySignatures", "oci.verify"));
        setVariableValueToObject(mojo, "verifySignatures", "cosign");
        mojo.execute(); // every value valid: the dry run plans
        assertThat(Files.readString(out.resolve("migrate.diff"))).contains("+  interval: ");
    }

    /** The line the Mojo adds to a parameter's error: where a Maven user sets it. */
    private static String hint(String element, String property) {
        return System.lineSeparator() + "  set <" + element + "> in the plugin's <configuration>, or -D" + property
                + "=... on the command line";
    }
}
