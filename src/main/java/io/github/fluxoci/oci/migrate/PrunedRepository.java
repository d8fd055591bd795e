package io.github.fluxoci.oci.migrate;

/** A HelmRepository that {@code -Doci.prune=true} removes: its document, or its whole file when it was alone there. */
public record PrunedRepository(String name, String namespace, String file, boolean fileDeleted) {}
