package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A Flux Kustomization that builds from this repository points its {@code spec.path} at a folder that exists:
 * otherwise kustomize-controller fails it ("no such file or directory") and nothing below it is applied.
 */
public final class FluxPathRule extends DeclaredRule {

    public FluxPathRule() {
        super(
                "flux-path",
                Severity.ERROR,
                "the spec.path of a Flux Kustomization of this repository exists (relative to the root of its source)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject k : context.tree().fluxKustomizations()) {
            String missing = context.tree().missingPath(k);
            if (missing != null && !context.tree().isPatchFile(k.file())) {
                out.add(VerifyContext.at(
                        this,
                        k,
                        Nodes.get(k.root(), "spec", "path"),
                        "Kustomization \"" + k.name()
                                + "\" builds spec.path \"" + missing
                                + "\", which does not exist in this repository (paths are relative to the root of"
                                + " its source: the repository, or the folder an OCI artifact is pushed from); fix the"
                                + " path or remove the Kustomization"));
            }
        }
        return out;
    }
}
