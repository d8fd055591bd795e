package io.github.fluxoci.oci.scan;

import java.util.Locale;
import java.util.Optional;

import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;

/**
 * Online proof that an OCI chart is the chart a Helm repository served: the {@code digest} the repository's
 * {@code index.yaml} lists for the version against the digest of the chart layer of the OCI tag (both are the
 * sha256 of the same {@code .tgz} when the same archive was pushed), and whether the tag is signed with cosign.
 *
 * @param tag           the OCI tag compared
 * @param manifestDigest the digest the tag resolves to (what a copy pins, what a signature signs), or null
 * @param helmDigest    {@code sha256:<hex>} from the index, or null
 * @param ociDigest     the chart layer's {@code sha256:<hex>}, or null
 * @param verdict       identical, different or unknown
 * @param reason        for unknown, why (one side has no digest); for different, what to do
 * @param signature     signed, unsigned or unknown
 * @param signatureNote how the signature was found, or why it is not known
 * @param signatureTag  the tag that holds the signature ({@code sha256-<hex>.sig}), or null
 */
public record ChartProof(
        String tag,
        String manifestDigest,
        String helmDigest,
        String ociDigest,
        Verdict verdict,
        String reason,
        Signing signature,
        String signatureNote,
        String signatureTag) {

    /** Whether the OCI archive is the Helm repository's. */
    public enum Verdict {
        IDENTICAL,
        DIFFERENT,
        UNKNOWN;

        /** As reports write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the OCI tag carries a cosign signature. */
    public enum Signing {
        SIGNED,
        UNSIGNED,
        UNKNOWN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What users read for a different archive. */
    public static final String DIFFERENT_ADVICE = "the OCI chart is a different archive: review it before moving";

    /** True when the chart layer is the same archive as the Helm repository's. */
    public boolean identical() {
        return verdict == Verdict.IDENTICAL;
    }

    /** One line for messages: the verdict with both digests. */
    public String describe() {
        return switch (verdict) {
            case IDENTICAL -> "same archive as the Helm repository (" + ociDigest + ")";
            case DIFFERENT -> DIFFERENT_ADVICE + " (Helm repository " + helmDigest + ", OCI " + ociDigest + ")";
            case UNKNOWN -> "not compared: " + reason;
        };
    }

    /** The signature in words: signed (how it was found), unsigned (what was looked for), or unknown (why). */
    public String signatureSummary() {
        return switch (signature) {
            case SIGNED -> "signed with cosign (" + signatureNote + ")";
            case UNSIGNED -> "not signed (" + signatureNote + ")";
            case UNKNOWN -> "signature unknown (" + signatureNote + ")";
        };
    }

    /**
     * Compares {@code chart} at {@code version} of a Helm repository index with {@code ociUrl:tag}, and looks for a
     * cosign signature of the tag. Each registry question goes through the clients' per-run caches.
     *
     * @param index the Helm repository's index (its error, if any, makes the verdict unknown), or null for an OCI
     *              HelmRepository (nothing to compare: the signature alone is looked up)
     */
    public static ChartProof prove(
            OciRegistryClient registry,
            HelmIndexClient.Index index,
            String repositoryUrl,
            String chart,
            String version,
            String ociUrl,
            String tag) {
        OciRegistryClient.Manifest manifest = registry.manifest(ociUrl, tag);
        String helmDigest = null;
        String unknown = null;
        if (index == null) {
            unknown = "no index.yaml to compare with: " + repositoryUrl
                    + " is an OCI repository (the chart already comes" + " from a registry)";
        } else if (index.error() != null) {
            unknown = "the index of " + repositoryUrl + " could not be read (" + index.error() + ")";
        } else {
            Optional<HelmIndexClient.Entry> entry = index.entry(chart, version);
            if (entry.isEmpty()) {
                unknown = repositoryUrl + " does not list " + chart + " " + version;
            } else if (entry.get().digest() == null) {
                unknown = repositoryUrl + " lists no digest for " + chart + " " + version;
            } else {
                helmDigest = entry.get().digest();
            }
        }
        String ociDigest = manifest.chartDigest();
        if (unknown == null && ociDigest == null) {
            unknown = "no chart digest from " + ociUrl + ":" + tag + " (" + manifest.error() + ")";
        }
        Verdict verdict = unknown != null
                ? Verdict.UNKNOWN
                : helmDigest.equals(ociDigest) ? Verdict.IDENTICAL : Verdict.DIFFERENT;
        String reason = verdict == Verdict.DIFFERENT ? DIFFERENT_ADVICE : unknown;
        Signing signing = Signing.UNKNOWN;
        String note;
        String signatureTag = null;
        if (manifest.digest() == null) {
            note = "not asked: " + (manifest.error() != null ? manifest.error() : "no manifest digest");
        } else {
            OciRegistryClient.Signature s = registry.signature(ociUrl, manifest.digest());
            signing = Signing.valueOf(s.state().name());
            note = s.how();
            signatureTag = s.tag();
        }
        return new ChartProof(
                tag, manifest.digest(), helmDigest, ociDigest, verdict, reason, signing, note, signatureTag);
    }
}
