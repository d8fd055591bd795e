package io.github.fluxoci.oci.tree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The look a goal takes before it starts a JVM for a module: does any selected file mention a Flux API group? */
class MentionsFluxTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWithoutFluxObjectsIsToldApartWithoutParsing() throws Exception {
        Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(dir.resolve("src/main/resources/application.yaml"), "server:\n  port: 8080\n");
        Files.writeString(
                dir.resolve("deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n");
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(dir, List.of(), List.of())))
                .isFalse();

        Files.createDirectories(dir.resolve("target"));
        Files.writeString(
                dir.resolve("target/copy.yaml"), "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n");
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(dir, List.of(), List.of())))
                .as("target/ is left out")
                .isFalse();

        Files.createDirectories(dir.resolve("apps"));
        Files.writeString(dir.resolve("apps/hr.yml"), "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\n");
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(dir, List.of(), List.of())))
                .isTrue();
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(dir, List.of(), List.of("apps/**"))))
                .as("excluded")
                .isFalse();
        assertThat(TreeLoader.mentionsFlux(
                        TreeOptions.of(dir, List.of(), List.of()).withMaxFileBytes(10)))
                .as("a file too large to read is not read here either")
                .isFalse();
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(dir.resolve("missing"), List.of(), List.of())))
                .isFalse();

        // the Flux Operator's group has no "fluxcd.io" in it
        Path operator = Files.createDirectories(dir.resolve("operator"));
        Files.writeString(operator.resolve("flux.yaml"), "apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\n");
        assertThat(TreeLoader.mentionsFlux(TreeOptions.of(operator, List.of(), List.of())))
                .isTrue();
    }
}
