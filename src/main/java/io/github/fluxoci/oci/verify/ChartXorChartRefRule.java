package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.yaml.Nodes;

/** Exactly one of {@code spec.chart} and {@code spec.chartRef} (a CEL rule of the HelmRelease CRD). */
public final class ChartXorChartRefRule extends DeclaredRule {

    public ChartXorChartRefRule() {
        super(
                "chart-xor-chartref",
                Severity.ERROR,
                "a HelmRelease sets exactly one of spec.chart and spec.chartRef (the API server rejects both or neither)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ScannedRelease r : context.scan().releases()) {
            Node spec = Nodes.get(r.object().root(), "spec");
            boolean chart = Nodes.has(spec, "chart");
            boolean chartRef = Nodes.has(spec, "chartRef");
            if (chart && chartRef) {
                out.add(VerifyContext.at(
                        this,
                        r.object(),
                        Nodes.get(spec, "chart"),
                        "HelmRelease " + r.qualifiedName()
                                + " sets both spec.chart and spec.chartRef; remove spec.chart"));
            } else if (!chart && !chartRef && spec != null) {
                out.add(VerifyContext.at(
                        this,
                        r.object(),
                        spec,
                        "HelmRelease " + r.qualifiedName()
                                + " sets neither spec.chart nor spec.chartRef; add spec.chartRef"));
            }
        }
        return out;
    }
}
