package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.yaml.Nodes;

/** A Kustomize patch sets {@code spec.chart} fields of a release that uses {@code chartRef}. */
public final class StalePatchRule extends DeclaredRule {

    public StalePatchRule() {
        super(
                "stale-patch",
                Severity.ERROR,
                "no Kustomize patch sets spec.chart of a release on chartRef (it would re-add spec.chart next to"
                        + " spec.chartRef, which the API server rejects)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ReleasePatch p : context.scan().releasePatches()) {
            if (p.chartFields().isEmpty()) {
                continue;
            }
            String ns = p.object().metadataNamespace();
            for (ScannedRelease r : context.scan().releases()) {
                boolean same = r.name().equals(p.name())
                        && (ns == null
                                || !r.namespace().known()
                                || ns.equals(r.namespace().value()));
                if (same && Nodes.has(r.object().root(), "spec", "chartRef")) {
                    out.add(VerifyContext.at(
                            this,
                            p.object(),
                            Nodes.get(p.object().root(), "spec", "chart"),
                            "patch of "
                                    + r.qualifiedName() + " sets " + String.join(", ", p.chartFields())
                                    + " but the release uses"
                                    + " spec.chartRef (" + r.file() + "); patch the OCIRepository's spec.ref instead"
                                    + " (mvn oci:migrate rewrites a version-only patch)"));
                    break;
                }
            }
        }
        return out;
    }
}
