package io.github.fluxoci.oci.verify;

import java.util.List;

import io.github.fluxoci.oci.online.OciRegistryClient;

/** A rule that asks the registries ({@code -Doci.online=true}): offline it finds nothing. */
abstract class OnlineRule extends DeclaredRule {

    OnlineRule(String id, Severity severity, String description) {
        super(id, severity, description);
    }

    @Override
    public final List<Finding> check(VerifyContext context) {
        OciRegistryClient registry = context.registry();
        return registry == null ? List.of() : check(context, registry);
    }

    /** The check, with the registry client of the run. */
    abstract List<Finding> check(VerifyContext context, OciRegistryClient registry);
}
