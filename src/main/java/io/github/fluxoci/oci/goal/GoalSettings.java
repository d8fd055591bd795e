package io.github.fluxoci.oci.goal;

import java.util.List;

import io.github.fluxoci.oci.catalog.ChartMapping;

/**
 * What every goal reads, as plain values (the build's parameters, resolved): the tree, where reports go, the user's
 * chart mappings and critical releases, how paths are shown, the input limits.
 *
 * @param goal                   the goal's name ({@code scan}, {@code verify}, {@code migrate}, or a {@code -dir} form)
 * @param directory              the manifests folder
 * @param excludes               the user's excludes and the folders of the project's modules
 * @param rootLabel              the folder as reports name it
 * @param skipWithoutFluxObjects a module of a build: skip it when its folder holds no Flux object
 * @param fluxVersion            {@code oci.fluxVersion}: the Flux the tree runs, over what the tree states; null for none
 * @param artifactRoots          {@code oci.artifactRoots}: the folders OCI-artifact syncs are pushed from (relative to
 *                               the manifests folder); empty: found from the tree
 * @param prefer                 {@code oci.prefer}: {@code upstream} or {@code mirror}, for charts the catalog knows at
 *                               both; null for upstream
 */
public record GoalSettings(
        String goal,
        String directory,
        List<String> includes,
        List<String> excludes,
        String outputDirectory,
        List<ChartMapping> mappings,
        List<String> criticalReleases,
        String pathsFrom,
        String rootLabel,
        long maxFileBytes,
        int maxYamlNodes,
        int maxYamlDepth,
        boolean timings,
        boolean skipWithoutFluxObjects,
        String fluxVersion,
        List<String> artifactRoots,
        String prefer) {

    public GoalSettings {
        artifactRoots = artifactRoots == null ? List.of() : List.copyOf(artifactRoots);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        criticalReleases = criticalReleases == null ? List.of() : List.copyOf(criticalReleases);
    }
}
