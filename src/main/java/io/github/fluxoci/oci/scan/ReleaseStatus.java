package io.github.fluxoci.oci.scan;

/** Where a HelmRelease stands on the way to OCI. */
public enum ReleaseStatus {
    /** already {@code chartRef} to an OCIRepository */
    OCI,
    /** an OCI source is known: {@code oci:migrate} can move it */
    MIGRATABLE,
    /** cannot move, for a stated reason */
    BLOCKED,
    /** HTTP HelmRepository with no known OCI source: add a mapping */
    UNKNOWN
}
