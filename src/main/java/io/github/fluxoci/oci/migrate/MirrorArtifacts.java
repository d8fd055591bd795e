package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.catalog.OciReferences;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.ScannedRelease;

/**
 * With {@code oci.mirrorPrefix}: the artifacts to copy to the mirror, once each, sorted: every chart at an exact
 * version that a new OCIRepository takes from the mirror, and (online) the tag holding its cosign signature, which
 * Flux needs beside the chart to verify it.
 */
public final class MirrorArtifacts {

    /**
     * One artifact to copy.
     *
     * @param source      the public {@code oci://} repository
     * @param destination the mirror's {@code oci://} repository
     * @param tag         the tag, the same on both sides
     * @param digest      the manifest digest the source tag resolved to online, or null
     * @param signature   true for the tag that holds a chart's cosign signature
     */
    public record Artifact(String source, String destination, String tag, String digest, boolean signature) {}

    private MirrorArtifacts() {}

    public static List<Artifact> of(MigrationPlan plan) {
        Map<String, Artifact> out = new LinkedHashMap<>();
        for (MigratedRelease m : plan.migrated()) {
            ScannedRelease r = m.release();
            String tag = r.oci().tag();
            if (m.ociUrl().equals(r.oci().url()) || tag == null) {
                continue;
            }
            ChartProof proof = r.oci().proof();
            boolean checked = proof != null && tag.equals(proof.tag());
            add(out, new Artifact(r.oci().url(), m.ociUrl(), tag, checked ? proof.manifestDigest() : null, false));
            if (checked && proof.signature() == ChartProof.Signing.SIGNED && proof.signatureTag() != null) {
                add(out, new Artifact(r.oci().url(), m.ociUrl(), proof.signatureTag(), null, true));
            }
        }
        List<Artifact> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(Artifact::source).thenComparing(Artifact::tag));
        return sorted;
    }

    /**
     * Only artifacts whose every part is a valid OCI reference (scan blocks the others before they get here): a line
     * of {@code mirror.txt} is data for a copy tool, never more than one {@code source destination} pair.
     */
    private static void add(Map<String, Artifact> out, Artifact a) {
        if (OciReferences.urlProblem(a.source()).isEmpty()
                && OciReferences.urlProblem(a.destination()).isEmpty()
                && OciReferences.tagProblem(a.tag()).isEmpty()
                && (a.digest() == null || OciReferences.isDigest(a.digest()))) {
            out.putIfAbsent(a.destination() + ":" + a.tag(), a);
        }
    }
}
