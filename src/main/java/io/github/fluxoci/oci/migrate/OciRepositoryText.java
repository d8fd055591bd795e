package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.OciTarget;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The text of the OCIRepository a release gets: its url (under {@code oci.mirrorPrefix}), ref and interval, what
 * carries over from its HelmRepository ({@code provider}, {@code secretRef}, {@code certSecretRef},
 * {@code insecure}, {@code timeout}) and from the chart spec ({@code verify}), with notes on what does not.
 */
final class OciRepositoryText {

    /** A document and what a reviewer should know about it. */
    record Text(String document, List<String> notes) {}

    private final ManifestTree tree;
    private final MigrateOptions options;

    OciRepositoryText(ManifestTree tree, MigrateOptions options) {
        this.tree = tree;
        this.options = options;
    }

    /** The release's own OCIRepository: its name and namespace. */
    Text own(ScannedRelease r) {
        return of(r, r.name(), r.object().metadataNamespace());
    }

    /** A shared OCIRepository, written from the first release of its group. */
    Text shared(ScannedRelease r, SharedSources.Share share) {
        return of(r, share.name(), share.metadataNamespace());
    }

    /** What decides whether releases can share an OCIRepository: its text without name, namespace and interval. */
    String sharingKey(ScannedRelease r) {
        return text(r, new ArrayList<>(), "-", null, "-");
    }

    private Text of(ScannedRelease r, String name, String namespace) {
        List<String> notes = new ArrayList<>();
        String doc = text(r, notes, name, namespace, interval(r));
        return new Text(doc, List.copyOf(notes));
    }

    private String interval(ScannedRelease r) {
        Node chartSpec = Nodes.get(r.object().root(), "spec", "chart", "spec");
        return options.interval()
                .choose(Nodes.text(r.object().root(), "spec", "interval"), Nodes.text(chartSpec, "interval"));
    }

    private String text(ScannedRelease r, List<String> notes, String name, String namespace, String interval) {
        OciRepositoryDocument doc = OciRepositoryDocument.of(
                options.schemaUrl(),
                name,
                namespace,
                interval,
                options.mirror().urlFor(r.oci().url()),
                r.oci().tag(),
                r.oci().semver());
        KubeObject repo = r.source() == null
                ? null
                : SourceLookup.object(
                        tree, "HelmRepository", r.source().name(), r.source().namespace(), r.cluster());
        if (repo != null) {
            carryOver(repo, r, doc, notes);
        }
        Node verify = Nodes.get(r.object().root(), "spec", "chart", "spec", "verify");
        if (verify != null) {
            doc.copy("verify", verify);
        } else if (options.cosign() && r.oci().signed()) {
            doc.cosign();
        } else if (options.cosign()) {
            notes.add("oci.verify=cosign: spec.verify not written, " + unsignedBecause(r.oci())
                    + " (Flux would fail to verify an unsigned chart)");
        }
        return doc.text();
    }

    /** The HelmRepository's fields an OCIRepository takes: all of them from a {@code type: oci} one. */
    private static void carryOver(KubeObject repo, ScannedRelease r, OciRepositoryDocument doc, List<String> notes) {
        Node repoSpec = Nodes.get(repo.root(), "spec");
        boolean ociRepo = "oci".equals(Nodes.text(repoSpec, "type"));
        for (String field : List.of("provider", "secretRef", "certSecretRef", "insecure", "timeout")) {
            Node value = Nodes.get(repoSpec, field);
            if (value == null) {
                continue;
            }
            if (ociRepo || field.equals("timeout")) {
                doc.copy(field, value);
            } else if (!field.equals("provider")) {
                notes.add("HelmRepository " + repo.name() + " has spec." + field + " for its HTTP server; it is not"
                        + " carried to " + r.oci().url() + " (add spec." + field + " to the OCIRepository if that"
                        + " registry needs it)");
            }
        }
    }

    /** Why a new OCIRepository gets no {@code spec.verify}: what the registry showed online, else the catalog. */
    static String unsignedBecause(OciTarget oci) {
        ChartProof proof = oci.proof();
        if (proof != null && proof.signature() == ChartProof.Signing.UNSIGNED) {
            return oci.url() + ":" + proof.tag() + " carries no cosign signature (" + proof.signatureNote() + ")";
        }
        String unknown = proof != null
                ? "the registry did not say whether " + oci.url() + ":" + proof.tag() + " is signed ("
                        + proof.signatureNote() + "), and "
                : "";
        return unknown + "the catalog does not know " + oci.url() + " as signed with cosign";
    }
}
