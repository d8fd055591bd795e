package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** A message never says "null": a HelmRepository without a readable url is named, with its place, instead. */
class NoNullInMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aHelmRepositoryWithoutUrlIsNamedNotNull() throws Exception {
        ManifestTree tree = new TreeFixture(dir)
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "./repo.yaml", "./hr.yaml"))
                .file(
                        "repo.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: charts\n"
                                + "spec:\n  interval: 1h\n")
                .file(
                        "hr.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: npd\nspec:\n"
                                + "  chart:\n    spec:\n      chart: node-problem-detector\n      sourceRef:\n"
                                + "        kind: HelmRepository\n        name: charts\n")
                .load();
        ScanResult result = new Scanner(ChartCatalog.withBuiltIn(List.of()), null).scan(tree);
        List<String> messages = result.releases().stream()
                .flatMap(r -> java.util.stream.Stream.concat(r.reasons().stream(), r.warnings().stream()))
                .toList();
        assertThat(messages)
                .isNotEmpty()
                .noneMatch(m -> m.contains("null"))
                .anySatisfy(m -> assertThat(m).contains("HelmRepository apps/charts (repo.yaml:1) has no spec.url"));
    }
}
