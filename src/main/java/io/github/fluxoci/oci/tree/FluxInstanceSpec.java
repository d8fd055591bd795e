package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * What a flux-operator {@code FluxInstance} declares, wherever the tree writes it: a FluxInstance object's
 * {@code spec}, the {@code instance} values of a HelmRelease of the {@code flux-instance} chart (inline), or the
 * {@code instance} key of a values file that a kustomization's {@code configMapGenerator} turns into the ConfigMap
 * such a release reads (the chart's values, controlplaneio-fluxcd/charts {@code charts/flux-instance/values.yaml}).
 *
 * @param declaredBy the FluxInstance, the HelmRelease, or the values file's document
 * @param spec       the node that holds {@code distribution}, {@code sync}...
 * @param what       how it is written, for messages ({@code FluxInstance spec}, {@code flux-instance values},
 *                   {@code flux-instance values, via configMapGenerator flux-values})
 * @param namespace  the namespace the FluxInstance lives in, as far as the tree says (null when it does not)
 */
public record FluxInstanceSpec(KubeObject declaredBy, Node spec, String what, String namespace) {

    /** The source and path the instance syncs the cluster from, or null when it declares no sync. */
    public Sync sync() {
        Node sync = Nodes.get(spec, "sync");
        if (sync == null) {
            return null;
        }
        String kind = Nodes.text(sync, "kind");
        String name = Nodes.text(sync, "name");
        // flux-operator names the source and Kustomization after the instance's namespace when sync.name is unset
        // (controlplaneio-fluxcd/distribution docs/operator/flux-sync.md)
        String source = name != null ? name : namespace != null ? namespace : "flux-system";
        return new Sync(
                this,
                kind == null ? "GitRepository" : kind,
                source,
                Nodes.text(sync, "url"),
                Nodes.text(sync, "path"),
                declaredBy.lineOf(sync));
    }

    /**
     * What a cluster syncs: a Flux source of this kind and name, its URL, and the path in its artifact.
     *
     * @param line the line of the {@code sync} key's value in the declaring file
     */
    public record Sync(FluxInstanceSpec instance, String kind, String name, String url, String path, int line) {

        /** {@code OCIRepository/flux-system}: the key a Kustomization's {@code sourceRef} is matched with. */
        public String sourceKey() {
            return kind + "/" + name;
        }

        /** True for a source whose artifact is pushed from a folder of the repository (not a git checkout). */
        public boolean isArtifact() {
            return !"GitRepository".equals(kind);
        }

        /** For messages: {@code FluxInstance spec.sync (clusters/prod/flux.yaml:22)}. */
        public String describe() {
            return instance.what() + " sync (" + instance.declaredBy().file().relativePath() + ":" + line + ")";
        }
    }

    /** Every FluxInstance spec the tree writes. */
    static List<FluxInstanceSpec> find(FileIndex index, KustomizeGraph graph) {
        List<FluxInstanceSpec> out = new ArrayList<>();
        for (KubeObject o : index.objects()) {
            if (o.is(EntryPointFinder.FLUX_INSTANCE_GROUP, "FluxInstance") && !graph.isPatchOnly(o.file())) {
                Node spec = Nodes.get(o.root(), "spec");
                if (spec != null) {
                    out.add(new FluxInstanceSpec(
                            o, spec, "FluxInstance spec", Nodes.text(o.root(), "metadata", "namespace")));
                }
            } else if (o.is(ManifestTree.HELM_GROUP, "HelmRelease") && isFluxInstanceChart(o.root())) {
                Node inline = Nodes.get(o.root(), "spec", "values", "instance");
                if (inline != null) {
                    out.add(new FluxInstanceSpec(
                            o, inline, "flux-instance values", Nodes.text(o.root(), "metadata", "namespace")));
                }
            }
        }
        for (KustomizeFile k : graph.files()) {
            for (Node generator : Nodes.items(k.root(), "configMapGenerator")) {
                for (Node item : Nodes.items(generator, "files")) {
                    String entry = item instanceof ScalarNode sc ? sc.getValue() : "";
                    String path = entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry;
                    String target = KustomizeGraph.normalize(k.directory(), path);
                    ManifestFile values = target == null ? null : index.file(target);
                    if (values == null
                            || !values.parsed()
                            || values.yaml().documents().isEmpty()
                            || !(values.yaml().documents().get(0) instanceof MappingNode root)) {
                        continue;
                    }
                    int offset = values.yaml().startOffset(root);
                    KubeObject doc = KubeObject.of(
                            values,
                            0,
                            root,
                            values.yaml().lineNumber(offset),
                            values.yaml().columnNumber(offset));
                    Node instance = Nodes.get(root, "instance");
                    if (doc.kind() == null && Nodes.get(instance, "distribution") != null) {
                        String ns = Nodes.text(generator, "namespace");
                        out.add(new FluxInstanceSpec(
                                doc,
                                instance,
                                "flux-instance values, via configMapGenerator " + Nodes.text(generator, "name"),
                                ns != null ? ns : k.namespace()));
                    }
                }
            }
        }
        return out;
    }

    /** A HelmRelease of the flux-instance chart (controlplaneio-fluxcd), by chart name or chartRef name. */
    static boolean isFluxInstanceChart(Node release) {
        String chart = Nodes.text(release, "spec", "chart", "spec", "chart");
        String ref = Nodes.text(release, "spec", "chartRef", "name");
        return "flux-instance".equals(chart) || "flux-instance".equals(ref);
    }
}
