package io.github.fluxoci.oci.scan;

/**
 * How the tag proposed for a new OCIRepository is known to exist at its URL: what a reviewer needs before trusting a
 * migration done offline.
 */
public enum TagEvidence {
    /** Online: the registry lists the tag (or serves its manifest). */
    VERIFIED("verified"),
    /** The catalog records that the publisher pushes every release there from a version at or before this one. */
    CATALOG("catalog"),
    /** The tree pulls this very tag from this OCI repository today (a HelmRepository of {@code type: oci}). */
    IN_USE("in use"),
    /** Offline, and nothing records which versions the OCI location has: {@code -Doci.online=true} checks it. */
    UNVERIFIED("unverified");

    private final String label;

    TagEvidence(String label) {
        this.label = label;
    }

    /** {@code verified}, {@code catalog}, {@code in use}, {@code unverified}: as reports write it. */
    public String label() {
        return label;
    }
}
