package io.github.fluxoci.oci.catalog;

/**
 * The first chart version a publisher pushed to its OCI location, after which every release is there, with the
 * evidence (the commit of its release workflow that started pushing, and the first release after it).
 *
 * @param version the first version published as OCI ({@code 46.4.2})
 * @param source  where that comes from
 */
public record OciSince(String version, String source) {}
