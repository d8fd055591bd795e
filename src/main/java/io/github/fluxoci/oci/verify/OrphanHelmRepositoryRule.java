package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ScannedHelmRepository;

/** A HelmRepository that no HelmRelease uses (the guide's clean-up step). */
public final class OrphanHelmRepositoryRule extends DeclaredRule {

    public OrphanHelmRepositoryRule() {
        super(
                "orphan-helmrepository",
                Severity.WARNING,
                "every HelmRepository is used by some HelmRelease (unused ones keep polling their index for nothing)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ScannedHelmRepository h : context.scan().helmRepositories()) {
            if (h.usedBy().isEmpty()) {
                out.add(
                        VerifyContext.at(
                                this,
                                h.object(),
                                null,
                                "HelmRepository \"" + h.name() + "\" is used by no"
                                        + " HelmRelease in the tree; remove it (mvn oci:migrate -Doci.prune=all removes every HelmRepository no release uses) if nothing else uses it"));
            }
        }
        return out;
    }
}
