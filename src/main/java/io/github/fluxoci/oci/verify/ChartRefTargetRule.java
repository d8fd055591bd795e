package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
                            + "; run mvn oci:migrate -Doci.charts=" + r.qualifiedName()
                            + " or add the " + kind + "'s file to a kustomization of that build"));
        }
        return out;
    }
}
