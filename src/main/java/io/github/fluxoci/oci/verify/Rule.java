package io.github.fluxoci.oci.verify;

import java.util.List;

/** One check of the tree, with a stable id that reports and SARIF use. */
public interface Rule {

    /** The stable id, e.g. {@code chartref-target}. */
    String id();

    Severity severity();

    /** One sentence: what the rule checks and why Flux cares. */
    String description();

    List<Finding> check(VerifyContext context);
}
