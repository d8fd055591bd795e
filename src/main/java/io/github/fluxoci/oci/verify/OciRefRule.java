package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ChartVersions;
import io.github.fluxoci.oci.semver.Constraint;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A chart OCIRepository has a {@code ref} (without one Flux pulls {@code latest}, which Helm charts never
 * publish); a tag holds no {@code +} and is not a range; a semver range parses.
 */
public final class OciRefRule extends DeclaredRule {

    public OciRefRule() {
        super(
                "oci-ref",
                Severity.ERROR,
                "a chart OCIRepository has spec.ref; ref.tag holds no '+' and no range; ref.semver is a valid range");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject oci : OciRepositories.usedByChartRef(context)) {
            Node ref = Nodes.get(oci.root(), "spec", "ref");
            if (ref == null) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(oci.root(), "spec"),
                        "OCIRepository \"" + oci.name()
                                + "\" has no spec.ref, so Flux pulls the tag latest, which Helm charts never publish; add ref.tag"
                                + " (an exact chart version) or ref.semver"));
                continue;
            }
            String tag = Nodes.text(ref, "tag");
            String semver = Nodes.text(ref, "semver");
            String digest = Nodes.text(ref, "digest");
            if (tag == null && semver == null && digest == null) {
                out.add(VerifyContext.at(this, oci, ref, "spec.ref sets none of tag, semver, digest; add ref.tag"));
            }
            if (tag != null && !tag.contains("${")) {
                if (tag.contains("+")) {
                    out.add(VerifyContext.at(
                            this,
                            oci,
                            Nodes.get(ref, "tag"),
                            "tag \"" + tag + "\" holds '+', which OCI tags" + " cannot; Helm stores it as \""
                                    + tag.replace('+', '_') + "\": write that"));
                } else if (looksLikeRange(tag)) {
                    out.add(VerifyContext.at(
                            this,
                            oci,
                            Nodes.get(ref, "tag"),
                            "tag \"" + tag + "\" is a range, which a tag" + " cannot be; write semver: \"" + tag
                                    + "\" instead, or pin an exact version"));
                }
            }
            if (semver != null && !semver.contains("${")) {
                Constraint.problem(semver)
                        .ifPresent(problem -> out.add(VerifyContext.at(
                                this,
                                oci,
                                Nodes.get(ref, "semver"),
                                "semver \"" + semver + "\" is not a range Flux can read (" + problem + "); write e.g."
                                        + " \">=1.2.0 <2.0.0\", \"1.x\" or \"*\"")));
            }
        }
        return out;
    }

    static boolean looksLikeRange(String tag) {
        if (ChartVersions.isExact(tag)) {
            return false;
        }
        return tag.matches(".*([*^~<>=|, ]|\\.[xX](\\.|$)).*");
    }
}
