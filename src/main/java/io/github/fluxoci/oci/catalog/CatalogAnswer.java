package io.github.fluxoci.oci.catalog;

/** What the catalog knows about one chart of one HelmRepository. */
public sealed interface CatalogAnswer {

    /** The chart can be pulled from {@code source}. */
    record Found(OciSource source) implements CatalogAnswer {}

    /** The chart must stay on its HelmRepository, for {@code reason}. */
    record Blocked(String reason, String origin, String mirror) implements CatalogAnswer {}

    /** Nothing is known. */
    record NotFound() implements CatalogAnswer {}
}
