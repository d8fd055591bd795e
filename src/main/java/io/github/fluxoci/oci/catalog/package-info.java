/**
 * Where a chart lives as OCI, or why it cannot move: {@link io.github.fluxoci.oci.catalog.ChartCatalog} asks the
 * user's {@link io.github.fluxoci.oci.catalog.ChartMapping}s first, then derives the url of a {@code type: oci}
 * HelmRepository, then the built-in catalog shipped as a resource ({@code catalog.json}, built by
 * {@code tools/catalog} from public evidence). Answers are {@link io.github.fluxoci.oci.catalog.CatalogAnswer}s.
 * Uses nothing of the plugin but plain values; no Maven, no network.
 */
package io.github.fluxoci.oci.catalog;
