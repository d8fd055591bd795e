package io.github.fluxoci.oci.migrate;

/**
 * When an edit is written. Every prefix of the writes leaves a tree Flux can apply (see
 * {@link MigrationPlan#writes()}): what is added first, then the overlays that stop patching {@code spec.chart},
 * then the HelmRelease rewrites, then what is removed.
 */
enum WritePhase {
    ADD,
    OVERLAY,
    RELEASE,
    REMOVE
}
