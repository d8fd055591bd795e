package io.github.fluxoci.oci.scan;

/** The source a release's chart comes from today ({@code kind} HelmRepository, OCIRepository, GitRepository, ...). */
public record ChartSource(String kind, String name, String namespace, String url, String type) {}
