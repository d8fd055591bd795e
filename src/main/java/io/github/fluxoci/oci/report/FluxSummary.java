package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.flux.FluxVersions;

/** The Flux a tree runs, as the reports say it: one line per cluster that states its own, the tree's, the notes. */
final class FluxSummary {

    private FluxSummary() {}

    /** "Flux 2.5.1 (from ...)" for the tree, "cluster prod: Flux 2.6.4 (from ...)" for each cluster that differs. */
    static List<String> lines(FluxVersions flux) {
        List<String> out = new ArrayList<>();
        boolean oneCluster = flux.byCluster().size() == 1
                && flux.byCluster().values().iterator().next().equals(flux.tree());
        for (Map.Entry<String, FluxVersions.Stated> c : oneCluster
                ? Map.<String, FluxVersions.Stated>of().entrySet()
                : flux.byCluster().entrySet()) {
            out.add("cluster " + (c.getKey().isEmpty() ? "(root)" : c.getKey()) + ": "
                    + c.getValue().describe());
        }
        if (out.isEmpty() || flux.byCluster().values().stream().noneMatch(s -> s.equals(flux.tree()))) {
            out.add((out.isEmpty() ? "" : "elsewhere: ") + flux.tree().describe());
        }
        flux.notes().forEach(n -> out.add("note: " + n));
        return out;
    }

    /** scan.json's {@code flux}: the tree's release and where it comes from, each cluster's, the notes. */
    static void json(ObjectNode node, FluxVersions flux) {
        stated(node, flux.tree());
        ObjectNode clusters = node.putObject("clusters");
        flux.byCluster().forEach((cluster, s) -> stated(clusters.putObject(cluster), s));
        flux.notes().forEach(node.putArray("notes")::add);
    }

    private static void stated(ObjectNode n, FluxVersions.Stated s) {
        n.put("version", s.release().version());
        n.put("stated", s.statement());
        n.put("from", s.where());
        n.put("assumed", s.assumed());
    }
}
