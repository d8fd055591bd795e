package io.github.fluxoci.oci.verify;

/** How bad a finding is. {@code NOTE} never fails a build (an excused HelmRepository release, for instance). */
public enum Severity {
    ERROR,
    WARNING,
    NOTE
}
