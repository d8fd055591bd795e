package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.github.fluxoci.oci.scan.ChartVersions;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The fields this plugin reads and writes have the shapes the CRDs require (helm-controller {@code api/v2},
 * source-controller {@code api/v1}): a HelmRelease has a string {@code metadata.name} and a mapping {@code spec};
 * {@code spec.chart} is a mapping whose {@code spec.chart} is a string and whose {@code sourceRef} names a kind and a
 * name; {@code spec.chartRef} is a mapping with {@code kind} (OCIRepository, HelmChart, ExternalArtifact) and
 * {@code name}, and its {@code version}, for a HelmRepository source, is an exact version or a range Helm reads
 * (Masterminds semver); an OCIRepository's {@code spec.ref} is a mapping of strings. The API server rejects anything else.
 */
public final class ReleaseShapeRule extends DeclaredRule {

    public ReleaseShapeRule() {
        super(
                "release-shape",
                Severity.ERROR,
                "HelmRelease chart/chartRef and OCIRepository ref have the shapes and types their CRDs require");
    }

    private static final Set<String> CHART_REF_KINDS = Set.of("OCIRepository", "HelmChart", "ExternalArtifact");
    private static final Set<String> SOURCE_KINDS = Set.of("HelmRepository", "GitRepository", "Bucket");

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (KubeObject hr : tree.helmReleases()) {
            if (!tree.isPatchFile(hr.file())) {
                checkRelease(hr, out);
            }
        }
        for (KubeObject oci : tree.ociRepositories()) {
            Node ref = Nodes.get(oci.root(), "spec", "ref");
            if (tree.isPatchFile(oci.file()) || ref == null) {
                continue;
            }
            if (!(ref instanceof MappingNode m)) {
                out.add(VerifyContext.at(this, oci, ref, "spec.ref must be a mapping (tag, semver or digest)"));
                continue;
            }
            for (String key : List.of("tag", "semver", "semverFilter", "digest")) {
                Node v = Nodes.get(m, key);
                if (v != null && !isString(v)) {
                    out.add(VerifyContext.at(this, oci, v, "spec.ref." + key + " must be a string; quote it"));
                }
            }
        }
        return out;
    }

    private void checkRelease(KubeObject hr, List<Finding> out) {
        Node name = Nodes.get(hr.root(), "metadata", "name");
        if (!isString(name)) {
            out.add(VerifyContext.at(this, hr, name, "metadata.name must be a string"));
        }
        Node spec = Nodes.get(hr.root(), "spec");
        if (!(spec instanceof MappingNode)) {
            out.add(VerifyContext.at(this, hr, spec, "spec must be a mapping"));
            return;
        }
        Node chart = Nodes.get(spec, "chart");
        if (chart != null) {
            checkChart(hr, chart, out);
        }
        Node chartRef = Nodes.get(spec, "chartRef");
        if (chartRef != null
                && (!(chartRef instanceof MappingNode)
                        || !oneOf(CHART_REF_KINDS, Nodes.text(chartRef, "kind"))
                        || !isString(Nodes.get(chartRef, "name")))) {
            out.add(VerifyContext.at(
                    this,
                    hr,
                    chartRef,
                    "spec.chartRef needs kind (OCIRepository, HelmChart or"
                            + " ExternalArtifact) and name, as a mapping"));
        }
    }

    /** {@code spec.chart}: a chart name, a version Helm can resolve, and a source reference. */
    private void checkChart(KubeObject hr, Node chart, List<Finding> out) {
        Node chartSpec = Nodes.get(chart, "spec");
        if (!(chart instanceof MappingNode) || !(chartSpec instanceof MappingNode)) {
            out.add(VerifyContext.at(
                    this, hr, chart, "spec.chart must be a mapping with spec.chart and" + " spec.sourceRef"));
        } else {
            Node valuesFile = Nodes.get(chartSpec, "valuesFile");
            if (valuesFile != null && "helm.toolkit.fluxcd.io/v2".equals(hr.apiVersion())) {
                // v2beta1 and v2beta2 have it, v2 does not (helm.toolkit.fluxcd.io_helmreleases.yaml, Flux 2.3-2.9)
                out.add(VerifyContext.at(
                        this,
                        hr,
                        valuesFile,
                        "spec.chart.spec.valuesFile is not a field of HelmRelease v2 (v2beta1 and v2beta2 had it):"
                                + " the API server rejects the release; write spec.chart.spec.valuesFiles: ["
                                + Nodes.text(chartSpec, "valuesFile") + "]"));
            }
            Node chartName = Nodes.get(chartSpec, "chart");
            if (!isString(chartName)) {
                out.add(VerifyContext.at(
                        this,
                        hr,
                        chartName != null ? chartName : chartSpec,
                        "spec.chart.spec.chart must be a string (the chart's name)"));
            }
            Node version = Nodes.get(chartSpec, "version");
            Node sourceRef = Nodes.get(chartSpec, "sourceRef");
            if (version != null && !isString(version)) {
                out.add(VerifyContext.at(this, hr, version, "spec.chart.spec.version must be a string; quote it"));
            } else if (version != null && "HelmRepository".equals(Nodes.text(sourceRef, "kind"))) {
                String text = Nodes.text(chartSpec, "version");
                ChartVersions.chartVersionProblem(text)
                        .ifPresent(
                                problem -> out.add(
                                        VerifyContext.at(
                                                this,
                                                hr,
                                                version,
                                                "spec.chart.spec.version \"" + text
                                                        + "\" is not a version Helm can resolve (" + problem
                                                        + "); write an exact version such as 1.2.3 or a range such as \">=1.2.0 <2.0.0\"")));
            }
            if (!(sourceRef instanceof MappingNode)
                    || !oneOf(SOURCE_KINDS, Nodes.text(sourceRef, "kind"))
                    || !isString(Nodes.get(sourceRef, "name"))) {
                out.add(VerifyContext.at(
                        this,
                        hr,
                        sourceRef != null ? sourceRef : chartSpec,
                        "spec.chart.spec.sourceRef"
                                + " needs kind (HelmRepository, GitRepository or Bucket) and name"));
            }
        }
    }

    private static boolean oneOf(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    private static boolean isString(Node n) {
        return n instanceof ScalarNode s
                && Tag.STR.equals(s.getTag())
                && !s.getValue().isEmpty();
    }
}
