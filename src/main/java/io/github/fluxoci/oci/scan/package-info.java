/**
 * {@code oci:scan}'s engine: {@link io.github.fluxoci.oci.scan.Scanner} classifies every HelmRelease instance of a
 * {@link io.github.fluxoci.oci.tree.ManifestTree} ({@link io.github.fluxoci.oci.scan.ReleaseClassifier}: OCI,
 * MIGRATABLE, BLOCKED or UNKNOWN, with reasons and warnings) into a {@link io.github.fluxoci.oci.scan.ScanResult};
 * {@link io.github.fluxoci.oci.scan.OnlineChecks} and {@link io.github.fluxoci.oci.scan.CriticalReleases} refine it.
 * Uses {@code tree}, {@code catalog}, {@code semver} and (online) {@code online}; no Maven.
 */
package io.github.fluxoci.oci.scan;
