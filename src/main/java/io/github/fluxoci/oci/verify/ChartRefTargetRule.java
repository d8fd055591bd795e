package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/** {@code chartRef} names an OCIRepository (or HelmChart) that exists with that name in the effective namespace. */
public final class ChartRefTargetRule implements Rule {

    @Override
    public String id() {
        return "chartref-target";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "spec.chartRef names an OCIRepository or HelmChart that exists in the release's namespace"
                + " (otherwise Flux reports \"chart not found\")";
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ScannedRelease r : context.scan().releases()) {
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
            KubeObject target = context.tree().find(ManifestTree.SOURCE_GROUP, kind, name, ns);
            if (target != null) {
                continue;
            }
            boolean someWithThatName = context.tree().objects(ManifestTree.SOURCE_GROUP, kind).stream()
                    .anyMatch(o -> name.equals(o.name()) && !context.tree().namespaceOf(o).known());
            if (ns == null && someWithThatName) {
                continue; // neither side's namespace is known: cannot tell, so say nothing
            }
            String where = ns != null ? " in namespace " + ns : "";
            out.add(VerifyContext.at(this, r.object(), chartRef, "chartRef names " + kind + " \"" + name + "\" but none exists"
                    + where + "; run mvn oci:migrate -Doci.charts=" + r.qualifiedName()
                    + " or add the " + kind + "'s file to the kustomization"));
        }
        return out;
    }
}
