package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.tree.TreeNotice;

/**
 * What the gate could not see: a tree whose entry points deploy nothing (nothing is gated, so a green build would
 * mean nothing), an OCI-artifact sync whose folder is ambiguous, and, as notes, how the tree was read (the folder an
 * artifact sync is pushed from, Kustomizations of other sources, postBuild variables without a value, kustomize
 * features the model does not follow).
 */
public final class DeploymentModelRule extends DeclaredRule {

    public DeploymentModelRule() {
        super(
                "deployment-model",
                Severity.WARNING,
                "the tree's entry points deploy something, and the build model could read every way they deploy it");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (TreeNotice n : context.tree().notices()) {
            Severity severity = n.level() == TreeNotice.Level.WARNING ? severity() : Severity.NOTE;
            out.add(new Finding(
                    id(), severity, n.file().isEmpty() ? "." : n.file(), Math.max(1, n.line()), 1, n.message()));
        }
        return out;
    }
}
