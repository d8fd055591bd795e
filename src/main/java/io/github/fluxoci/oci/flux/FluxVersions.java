package io.github.fluxoci.oci.flux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flux each cluster of a tree runs, with where the tree says so.
 *
 * @param byCluster cluster -> what its files state (clusters that state nothing take {@code tree})
 * @param tree      what holds for the rest of the tree: stated by a file no entry point builds, set by
 *                  {@code oci.fluxVersion}, or assumed (the newest Flux the plugin knows)
 * @param notes     what a reader should know: statements that disagree, versions outside what the plugin knows
 */
public record FluxVersions(Map<String, Stated> byCluster, Stated tree, List<String> notes) {

    public FluxVersions {
        // in the order the clusters were found: reports list them so, the same on every run
        byCluster = Collections.unmodifiableMap(new LinkedHashMap<>(byCluster));
        notes = List.copyOf(notes);
    }

    /**
     * A Flux release and where it comes from.
     *
     * @param release   the Flux release whose APIs hold (the last patch release of its line)
     * @param statement what was written ({@code 2.5.x}, {@code v2.5.1}), or null when assumed
     * @param where     {@code file:line (what)}, {@code -Doci.fluxVersion}, or why it is assumed
     */
    public record Stated(FluxRelease release, String statement, String where) {

        public boolean assumed() {
            return statement == null;
        }

        public String describe() {
            return release.describe() + (assumed() ? ", assumed: " + where : ", from " + where);
        }
    }

    /** The Flux of a cluster ({@code null} or unknown: the tree's). */
    public Stated of(String cluster) {
        Stated s = cluster == null ? null : byCluster.get(cluster);
        return s != null ? s : tree;
    }

    /** The Flux a tree without any statement runs: the newest the plugin knows, said so. */
    public static FluxVersions assumeNewest(FluxApis apis) {
        return new FluxVersions(
                Map.of(),
                new Stated(
                        apis.newest(),
                        null,
                        "nothing in the tree states its Flux version (no FluxInstance, flux-instance values or"
                                + " gotk-components.yaml header); set -Doci.fluxVersion=<version> if it runs an older"
                                + " Flux"),
                List.of());
    }
}
