package io.github.fluxoci.oci.catalog;

/**
 * Where a chart can be pulled as an OCI artifact.
 *
 * @param url        the {@code oci://} URL of the chart (no tag)
 * @param origin     how it was found: {@code configured} (the user's mapping), {@code derived} (HelmRepository
 *                   {@code type: oci}), {@code builtin} (the shipped catalog), {@code tree} (an OCIRepository) or {@code verified} (found
 *                   online, same archive digest)
 * @param provenance {@code official}, {@code mirror}, or null when unknown
 * @param note       where the knowledge comes from, or null
 * @param tagPrefix  what the publisher's OCI tags start with where its chart versions may not ({@code v} for
 *                   cert-manager: {@code v1.17.0}), or null
 * @param cosign     true when the catalog knows the publisher signs these charts with cosign
 * @param since      the first version published there, when the catalog records it, else null
 */
public record OciSource(
        String url, String origin, String provenance, String note, String tagPrefix, boolean cosign, OciSince since) {

    public OciSource(String url, String origin, String provenance, String note, String tagPrefix, boolean cosign) {
        this(url, origin, provenance, note, tagPrefix, cosign, null);
    }

    public OciSource(String url, String origin, String provenance, String note) {
        this(url, origin, provenance, note, null, false);
    }

    public static final String CONFIGURED = "configured";
    public static final String DERIVED = "derived";
    public static final String BUILTIN = "builtin";
    public static final String TREE = "tree";
    /** Found online: a candidate location serves the same chart archive (digest) as the Helm repository. */
    public static final String VERIFIED = "verified";
    /** The provenance of a location proven by digest. */
    public static final String VERIFIED_BY_DIGEST = "verified by digest";
}
