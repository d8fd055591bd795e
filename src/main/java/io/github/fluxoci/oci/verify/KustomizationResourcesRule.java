package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.KustomizeFile;

/** Every resource, component and patch path a kustomization lists exists. */
public final class KustomizationResourcesRule extends DeclaredRule {

    public KustomizationResourcesRule() {
        super(
                "kustomization-resources",
                Severity.ERROR,
                "every path a kustomization.yaml lists under resources, components or patches exists"
                        + " (kustomize build fails otherwise)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KustomizeFile k : context.tree().kustomizeFiles()) {
            for (KustomizeEntry e : k.entries()) {
                if (e.status() == KustomizeEntry.Status.MISSING) {
                    out.add(new Finding(
                            id(),
                            severity(),
                            k.file().relativePath(),
                            e.line(),
                            e.column(),
                            e.role().name().toLowerCase(Locale.ROOT) + " \"" + e.value() + "\" does not exist ("
                                    + e.target() + "); fix the path or remove the entry"));
                }
            }
        }
        return out;
    }
}
