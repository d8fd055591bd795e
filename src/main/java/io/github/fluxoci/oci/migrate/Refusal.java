package io.github.fluxoci.oci.migrate;

/** Why one release cannot be migrated safely; the planner skips it and goes on. */
final class Refusal extends Exception {
    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
