package io.github.fluxoci.oci.migrate;

/** A release the plan leaves as it is, and why. {@code file} and {@code line} are null/0 when it was not found. */
public record SkippedRelease(String release, String file, int line, String reason) {}
