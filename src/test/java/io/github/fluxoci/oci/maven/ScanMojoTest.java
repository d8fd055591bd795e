package io.github.fluxoci.oci.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves that the POM configuration reaches the engine. */
@MojoTest
class ScanMojoTest {

    @TempDir
    Path out;

    private JsonNode run(ScanMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        mojo.execute();
        return new ObjectMapper().readTree(out.resolve("scan.json").toFile());
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "scan", pom = "pom.xml")
    void directoryExcludesAndMappingsReachTheEngine(ScanMojo mojo) throws Exception {
        JsonNode json = run(mojo);
        assertThat(json.at("/summary/helmReleases").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/problems").asInt()).isZero();
        JsonNode release = json.at("/releases/0");
        assertThat(release.get("file").asText()).isEqualTo("app/helmrelease.yaml");
        assertThat(release.get("namespace").asText()).isEqualTo("default");
        assertThat(release.get("status").asText()).isEqualTo("MIGRATABLE");
        assertThat(release.at("/oci/url").asText()).isEqualTo("oci://registry.example/charts/echo-server");
        assertThat(release.at("/oci/origin").asText()).isEqualTo("configured");
        assertThat(out.resolve("scan.md")).exists();
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "scan", pom = "pom.xml")
    void failOnProblemsFailsWithEveryProblemAndItsLine(ScanMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "excludes", List.of("archive/**"));
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 file problem (oci.failOnProblems=true)")
                .hasMessageContaining("broken/bad.yaml:4:");
        assertThat(out.resolve("scan.json")).as("reports are still written").exists();
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "scan", pom = "pom.xml")
    void skipWritesNothing(ScanMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "skip", true);
        setVariableValueToObject(mojo, "outputDirectory", out.resolve("none").toFile());
        mojo.execute();
        assertThat(Files.exists(out.resolve("none"))).isFalse();
    }

    @Test
    @Basedir("/unit/scan-config")
    @InjectMojo(goal = "scan", pom = "pom.xml")
    void badMappingsAndDirectoriesAreUserErrors(ScanMojo mojo) throws Exception {
        Mapping bad = new Mapping();
        bad.setRepository("ealenn");
        bad.setOci("https://not-oci.example/x");
        bad.setChart("x");
        setVariableValueToObject(mojo, "mappings", List.of(bad));
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(
                        "<mappings>: mapping for ealenn: \"https://not-oci.example/x\" must start with oci://");
        setVariableValueToObject(mojo, "directory", new File("/does/not/exist"));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("is not a directory")
                .hasMessageContaining("-Doci.directory=");
    }
}
