package io.github.fluxoci.oci.verify;

/** A release allowed to stay on a HelmRepository ({@code name} or {@code namespace/name}), and why. */
public record ReleaseException(String release, String reason) {}
