package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.migrate.OciRepositoryDocument;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * An OCIRepository used by a chartRef selects the Helm chart layer with {@code operation: copy}. Flux accepts one
 * without it (the field is optional in every CRD version, and source-controller then takes the first layer), so this is
 * a warning that names the consequence: a chart whose first layer is not the chart archive (pushed with a provenance
 * file, for one) fails with "gzip: invalid header" (source-controller #1932, flux2 #5788).
 */
public final class LayerSelectorRule extends DeclaredRule {

    public LayerSelectorRule() {
        super(
                "layer-selector",
                Severity.WARNING,
                "an OCIRepository used by chartRef has spec.layerSelector with the Helm chart media type and operation:"
                        + " copy (without it, Flux takes the first layer: a chart pushed with more fails with \"gzip:"
                        + " invalid header\")");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject oci : OciRepositories.usedByChartRef(context)) {
            Node selector = Nodes.get(oci.root(), "spec", "layerSelector");
            String mediaType = Nodes.text(selector, "mediaType");
            String operation = Nodes.text(selector, "operation");
            if (OciRepositoryDocument.HELM_CHART_MEDIA_TYPE.equals(mediaType) && "copy".equals(operation)) {
                continue;
            }
            Node at = selector != null ? selector : Nodes.get(oci.root(), "spec");
            String what = selector == null
                    ? "has no spec.layerSelector"
                    : "has layerSelector mediaType " + mediaType + ", operation " + operation;
            out.add(VerifyContext.at(
                    this,
                    oci,
                    at,
                    "OCIRepository \"" + oci.name() + "\" " + what + ", so Flux takes the artifact's first layer, which"
                            + " fails with \"gzip: invalid header\" for a chart pushed with more than one; set"
                            + " spec.layerSelector to {mediaType: " + OciRepositoryDocument.HELM_CHART_MEDIA_TYPE
                            + ", operation: copy}"));
        }
        return out;
    }
}
