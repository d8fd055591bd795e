package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.scan.ChartVersions;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * What the API server accepts in a HelmRelease but helm-controller cannot use (the schema itself is
 * {@code flux-schema}'s): a {@code spec.chart.spec.version} for a HelmRepository source that is neither an exact
 * version nor a range Helm reads (Masterminds semver: the chart never resolves), and a {@code spec.values} that is not
 * a mapping (the CRD types it as any JSON; helm-controller's {@code GetValues} in {@code api/v2/helmrelease_types.go}
 * unmarshals it into a map and ignores the error, so Helm installs with the chart's defaults: a warning).
 */
public final class ReleaseShapeRule extends DeclaredRule {

    public ReleaseShapeRule() {
        super(
                "release-shape",
                Severity.ERROR,
                "a HelmRelease's chart version is one Helm can resolve (error); its spec.values is a mapping, which"
                        + " helm-controller otherwise drops (warning)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (KubeObject hr : tree.helmReleases()) {
            if (!tree.isPatchFile(hr.file())) {
                checkVersion(hr, out);
            }
            Node values = Nodes.get(hr.root(), "spec", "values");
            boolean yamlNull = values instanceof ScalarNode && Nodes.text(values) == null; // pruned by the API server
            if (values != null && !(values instanceof MappingNode) && !yamlNull) {
                Finding f = VerifyContext.at(
                        this,
                        hr,
                        values,
                        "spec.values is not a mapping: helm-controller drops it without a word and Helm installs the"
                                + " chart's defaults; write the values as a mapping (key: value)");
                out.add(new Finding(f.rule(), Severity.WARNING, f.file(), f.line(), f.column(), f.message()));
            }
        }
        return out;
    }

    /** {@code spec.chart.spec.version} of a HelmRepository chart: a version Helm can resolve. */
    private void checkVersion(KubeObject hr, List<Finding> out) {
        Node chartSpec = Nodes.get(hr.root(), "spec", "chart", "spec");
        String text = Nodes.text(chartSpec, "version");
        if (text == null || !"HelmRepository".equals(Nodes.text(chartSpec, "sourceRef", "kind"))) {
            return;
        }
        ChartVersions.chartVersionProblem(text)
                .ifPresent(problem -> out.add(VerifyContext.at(
                        this,
                        hr,
                        Nodes.get(chartSpec, "version"),
                        "spec.chart.spec.version \"" + text + "\" is not a version Helm can resolve (" + problem
                                + "); write an exact version such as 1.2.3 or a range such as \">=1.2.0 <2.0.0\"")));
    }
}
