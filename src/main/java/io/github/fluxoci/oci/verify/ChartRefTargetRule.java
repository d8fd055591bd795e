package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * {@code chartRef} names an OCIRepository (or HelmChart) that a build of the same cluster deploys with that name
 * in the release's effective namespace (or {@code chartRef.namespace}). A same-named object of another cluster or
 * namespace does not count; one that nothing builds at all is {@link SourceDeployedRule}'s finding.
 */
public final class ChartRefTargetRule extends DeclaredRule {

    public ChartRefTargetRule() {
        super(
                "chartref-target",
                Severity.ERROR,
                "spec.chartRef names an OCIRepository or HelmChart that the same cluster deploys in the release's"
                        + " namespace (otherwise Flux reports \"chart not found\")");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (ScannedRelease r : context.deployedReleases()) {
            Node chartRef = Nodes.get(r.object().root(), "spec", "chartRef");
            String kind = Nodes.text(chartRef, "kind");
            if (chartRef == null || !("OCIRepository".equals(kind) || "HelmChart".equals(kind))) {
                continue;
            }
            String name = Nodes.text(chartRef, "name");
            String ns = Nodes.text(chartRef, "namespace");
            if (ns == null) {
                ns = r.namespace().value();
            }
            if (name == null || name.contains("${") || (ns != null && ns.contains("${"))) {
                continue; // substituted by Flux at apply time: not knowable here
            }
            if (tree.find(ManifestTree.SOURCE_GROUP, kind, name, ns, r.cluster()) != null) {
                continue;
            }
            List<KubeObject> named = tree.named(ManifestTree.SOURCE_GROUP, kind, name);
            if (named.stream().anyMatch(o -> !context.applied(o))) {
                continue; // the object is in the tree but nothing builds it: source-deployed says so
            }
            if (ns == null
                    && named.stream()
                            .flatMap(o -> tree.instancesOf(o).stream())
                            .anyMatch(i -> i.cluster().equals(r.cluster()))) {
                continue; // the release's namespace is unknown and its cluster deploys one of that name: cannot tell
            }
            Set<String> elsewhere = new LinkedHashSet<>();
            for (KubeObject o : named) {
                for (ObjectInstance i : tree.instancesOf(o)) {
                    elsewhere.add(o.file().relativePath() + " deploys one"
                            + SourceLookup.where(tree, i.namespaceValue(), i.cluster()));
                }
            }
            out.add(VerifyContext.at(
                    this,
                    r.object(),
                    chartRef,
                    "chartRef names " + kind + " \"" + name + "\" but none is"
                            + " deployed" + SourceLookup.where(tree, ns, r.cluster())
                            + (elsewhere.isEmpty() ? "" : " (" + String.join("; ", elsewhere) + ")")
                            + fix(tree, kind, ns, r.cluster())));
        }
        return out;
    }

    /**
     * What to do: the release is already on {@code chartRef}, so migrate has nothing to move; a typo names what the
     * cluster deploys there instead, else the object's file is not in the build.
     */
    private static String fix(ManifestTree tree, String kind, String ns, String cluster) {
        Set<String> there = new TreeSet<>();
        for (KubeObject o : tree.objects(ManifestTree.SOURCE_GROUP, kind)) {
            for (ObjectInstance i : tree.instancesOf(o)) {
                if (i.cluster().equals(cluster) && ns != null && ns.equals(i.namespaceValue()) && i.name() != null) {
                    there.add("\"" + i.name() + "\"");
                }
            }
        }
        if (!there.isEmpty()) {
            List<String> shown = List.copyOf(there).subList(0, Math.min(5, there.size()));
            return "; that build deploys " + kind + " " + String.join(", ", shown)
                    + (there.size() > 5 ? " and " + (there.size() - 5) + " more" : "")
                    + " there: fix chartRef.name, or add the " + kind + "'s file to a kustomization of that build";
        }
        return "; add the " + kind + "'s file to a kustomization of that build, or fix chartRef.name";
    }
}
