package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;

/**
 * The OCIRepository a deployed release uses is deployed too: some kustomization lists its file. An
 * {@code ocirepository.yaml} that nothing lists is the classic "chart not found".
 */
public final class SourceDeployedRule implements Rule {

    @Override
    public String id() {
        return "source-deployed";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "the OCIRepository of a deployed release is listed by a kustomization too (otherwise it never reaches"
                + " the cluster and the release fails with \"chart not found\")";
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (ScannedRelease r : context.scan().releases()) {
            if (!tree.isReferenced(r.object().file())) {
                continue;
            }
            KubeObject oci = OciRepositories.chartRefTarget(context, r);
            if (oci == null || oci.file() == r.object().file() || tree.isReferenced(oci.file())) {
                continue;
            }
            String dir = r.object().file().directory();
            out.add(VerifyContext.at(this, oci, null, "OCIRepository \"" + oci.name() + "\" used by " + r.qualifiedName()
                    + " is in " + oci.file().name() + ", which no kustomization lists, so Flux never applies it;"
                    + " add \"./" + oci.file().name() + "\" to the resources of "
                    + (dir.isEmpty() ? "" : dir + "/") + "kustomization.yaml"));
        }
        return out;
    }
}
