package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.Nodes;

/** OCIRepositories that hold Helm charts: those a chartRef points at. */
final class OciRepositories {

    private OciRepositories() {}

    static List<KubeObject> usedByChartRef(VerifyContext context) {
        Set<KubeObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<KubeObject> out = new ArrayList<>();
        for (ScannedRelease r : context.scan().releases()) {
            KubeObject oci = chartRefTarget(context, r);
            if (oci != null && seen.add(oci)) {
                out.add(oci);
            }
        }
        return out;
    }

    /**
     * A chart OCIRepository that pins a tag, both written out (no {@code ${...}} substitution).
     *
     * @param tag the tag as the registry stores it ({@code +} as {@code _})
     */
    record PinnedTag(KubeObject oci, String url, String tag) {}

    /** The chart OCIRepositories (see {@link #usedByChartRef}) that pin a literal url and {@code ref.tag}. */
    static List<PinnedTag> pinnedByTag(VerifyContext context) {
        List<PinnedTag> out = new ArrayList<>();
        for (KubeObject oci : usedByChartRef(context)) {
            String url = Nodes.text(oci.root(), "spec", "url");
            String tag = Nodes.text(oci.root(), "spec", "ref", "tag");
            if (url != null && tag != null && !url.contains("${") && !tag.contains("${")) {
                out.add(new PinnedTag(oci, url, tag.replace('+', '_')));
            }
        }
        return out;
    }

    /**
     * The OCIRepository a release's chartRef names (in chartRef.namespace or the release's own): the one deployed in
     * the release's cluster and namespace; for a release nothing deploys, the one its name and namespace point at.
     * Null when there is none.
     */
    static KubeObject chartRefTarget(VerifyContext context, ScannedRelease r) {
        Node chartRef = Nodes.get(r.object().root(), "spec", "chartRef");
        if (!"OCIRepository".equals(Nodes.text(chartRef, "kind"))) {
            return null;
        }
        String ns = Nodes.text(chartRef, "namespace");
        String name = Nodes.text(chartRef, "name");
        String namespace = ns != null ? ns : r.namespace().value();
        if (!r.deployed()) {
            return SourceLookup.object(context.tree(), "OCIRepository", name, namespace, null);
        }
        ObjectInstance i =
                context.tree().find(ManifestTree.SOURCE_GROUP, "OCIRepository", name, namespace, r.cluster());
        return i == null ? null : i.object();
    }
}
