package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The OCIRepository a deployed release uses is deployed too. An {@code ocirepository.yaml} that no build reaches
 * (no kustomization lists it, or it sits in a folder no entry point builds) is the classic "chart not found".
 */
public final class SourceDeployedRule extends DeclaredRule {

    public SourceDeployedRule() {
        super(
                "source-deployed",
                Severity.ERROR,
                "the OCIRepository of a deployed release is built too (a kustomization lists it, under an entry point;"
                        + " otherwise it never reaches the cluster and the release fails with \"chart not found\")");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (ScannedRelease r : context.scan().releases()) {
            String name = Nodes.text(r.object().root(), "spec", "chartRef", "name");
            if (!context.applied(r)
                    || !"OCIRepository".equals(Nodes.text(r.object().root(), "spec", "chartRef", "kind"))
                    || name == null) {
                continue;
            }
            KubeObject oci = OciRepositories.chartRefTarget(context, r);
            if (oci != null && (oci.file() == r.object().file() || context.applied(oci))) {
                continue;
            }
            if (oci == null) {
                oci = unbuilt(context, r, name);
                if (oci == null) {
                    continue; // none at all: chartref-target's finding
                }
            }
            String kustomization = tree.listersOf(r.file()).stream()
                    .filter(e -> e.role() == KustomizeEntry.Role.RESOURCE)
                    .map(e -> e.owner().file().relativePath())
                    .findFirst()
                    .orElse((r.object().file().directory().isEmpty()
                                    ? ""
                                    : r.object().file().directory() + "/") + "kustomization.yaml");
            out.add(VerifyContext.at(
                    this,
                    oci,
                    null,
                    "OCIRepository \"" + oci.name() + "\" used by " + r.qualifiedName()
                            + " is in " + oci.file().relativePath() + ", which "
                            + (tree.hasEntryPoints() ? "no Flux entry point builds" : "no kustomization lists")
                            + ", so Flux never applies it; add \"./"
                            + oci.file().name() + "\" to the resources of " + kustomization));
        }
        return out;
    }

    /** The same-named OCIRepository nothing builds, nearest to the release first (its own folder). */
    private static KubeObject unbuilt(VerifyContext context, ScannedRelease r, String name) {
        KubeObject best = null;
        for (KubeObject o : context.tree().named(ManifestTree.SOURCE_GROUP, "OCIRepository", name)) {
            if (context.applied(o)) {
                continue;
            }
            if (o.file().directory().equals(r.object().file().directory())) {
                return o;
            }
            if (best == null) {
                best = o;
            }
        }
        return best;
    }
}
