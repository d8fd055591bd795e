package io.github.fluxoci.oci.scan;

/**
 * The OCIRepository a release uses (status OCI) or would get (status MIGRATABLE).
 *
 * @param url        {@code oci://} chart URL
 * @param origin     configured, derived, builtin or tree
 * @param provenance official, mirror or null
 * @param tag        {@code ref.tag} (exact version, {@code +} written as {@code _}), or null
 * @param semver     {@code ref.semver} (a range, or {@code *}), or null
 * @param name       the OCIRepository's name
 * @param file       the file that holds (or would hold) it, relative to the root
 * @param kustomization the kustomization.yaml that lists (or would list) that file, or null
 * @param tagPrefix  what the publisher's tags start with where versions may leave it out ({@code v}), or null
 * @param cosign     true when the catalog knows the publisher signs these charts with cosign
 * @param proof      online ({@code -Doci.online=true}): the digests compared and the signature found, else null
 * @param evidence   how the tag is known to exist there (MIGRATABLE releases), else null
 * @param evidenceNote what the evidence is ("the catalog records OCI releases from 46.4.2 on (...)"), or null
 */
public record OciTarget(
        String url,
        String origin,
        String provenance,
        String tag,
        String semver,
        String name,
        String file,
        String kustomization,
        String tagPrefix,
        boolean cosign,
        ChartProof proof,
        TagEvidence evidence,
        String evidenceNote) {

    /** A target whose tag evidence is not (yet) known. */
    public OciTarget(
            String url,
            String origin,
            String provenance,
            String tag,
            String semver,
            String name,
            String file,
            String kustomization,
            String tagPrefix,
            boolean cosign,
            ChartProof proof) {
        this(url, origin, provenance, tag, semver, name, file, kustomization, tagPrefix, cosign, proof, null, null);
    }

    /** The same target with the online proof. */
    public OciTarget withProof(ChartProof p) {
        return new OciTarget(
                url,
                origin,
                provenance,
                tag,
                semver,
                name,
                file,
                kustomization,
                tagPrefix,
                cosign,
                p,
                evidence,
                evidenceNote);
    }

    /** The same target, its tag known as {@code e} says ({@code note}: how). */
    public OciTarget withEvidence(TagEvidence e, String note) {
        return new OciTarget(
                url, origin, provenance, tag, semver, name, file, kustomization, tagPrefix, cosign, proof, e, note);
    }

    /**
     * Whether to write {@code spec.verify.provider: cosign}: online, what the registry showed (a signature on the tag);
     * offline, what the catalog knows of the publisher.
     */
    public boolean signed() {
        return (proof != null && proof.signature() != ChartProof.Signing.UNKNOWN)
                ? proof.signature() == ChartProof.Signing.SIGNED
                : cosign;
    }

    /** The tag of an exact chart version as this publisher tags it: with its {@link #tagPrefix} when that is missing. */
    public String tagOf(String tagFromVersion) {
        return ChartVersions.withTagPrefix(tagFromVersion, tagPrefix);
    }
}
