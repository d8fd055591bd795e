package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/** Releases or namespaces named in {@code <criticalReleases>} pin {@code ref.tag}, not {@code ref.semver}. */
public final class ExactTagRule extends DeclaredRule {

    public ExactTagRule() {
        super(
                "exact-tag",
                Severity.ERROR,
                "critical releases (<criticalReleases>) pin an exact ref.tag, as the guide advises, instead of a"
                        + " ref.semver range");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        if (context.criticalReleases().isEmpty()) {
            return out;
        }
        for (ScannedRelease r : context.scan().releases()) {
            if (r.status() != ReleaseStatus.OCI
                    || r.oci() == null
                    || r.oci().semver() == null
                    || !r.isNamedBy(context.criticalReleases(), true)) {
                continue;
            }
            KubeObject oci = OciRepositories.chartRefTarget(context, r);
            if (oci == null) {
                continue;
            }
            out.add(VerifyContext.at(
                    this,
                    oci,
                    Nodes.get(oci.root(), "spec", "ref", "semver"),
                    r.qualifiedName() + " is critical but its OCIRepository uses semver \""
                            + r.oci().semver() + "\"; pin tag: <exact version>"));
        }
        return out;
    }
}
