package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.SigningIdentity;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.OciTarget;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.PullSecrets;
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
    private final FluxVersions flux;

    OciRepositoryText(ManifestTree tree, MigrateOptions options, FluxVersions flux) {
        this.tree = tree;
        this.options = options;
        this.flux = flux;
    }

    /** The release's own OCIRepository: its name and namespace. */
    Text own(ScannedRelease r) throws Refusal {
        return of(r, r.name(), r.object().metadataNamespace(), r.namespace().value());
    }

    /** A shared OCIRepository, written from the first release of its group. */
    Text shared(ScannedRelease r, SharedSources.Share share) throws Refusal {
        return of(r, share.name(), share.metadataNamespace(), share.namespace());
    }

    /**
     * What decides whether releases can share an OCIRepository: its text without name, namespace and interval (in
     * the share namespace, where credentials are read). A release whose OCIRepository cannot be written shares with
     * none (it is refused when it is migrated).
     */
    String sharingKey(ScannedRelease r) {
        try {
            return text(r, new ArrayList<>(), "-", null, "-", options.share().namespace());
        } catch (Refusal e) {
            return "refused: " + r.qualifiedName() + " " + r.file();
        }
    }

    private Text of(ScannedRelease r, String name, String metadataNamespace, String namespace) throws Refusal {
        List<String> notes = new ArrayList<>();
        String doc = text(r, notes, name, metadataNamespace, interval(r), namespace);
        return new Text(doc, List.copyOf(notes));
    }

    private String interval(ScannedRelease r) {
        Node chartSpec = Nodes.get(r.object().root(), "spec", "chart", "spec");
        return options.interval()
                .choose(Nodes.text(r.object().root(), "spec", "interval"), Nodes.text(chartSpec, "interval"));
    }

    /** {@code namespace}: where the OCIRepository ends up, whose Secrets it reads. */
    private String text(
            ScannedRelease r,
            List<String> notes,
            String name,
            String metadataNamespace,
            String interval,
            String namespace)
            throws Refusal {
        OciRepositoryDocument doc = OciRepositoryDocument.of(
                TargetApis.of(tree, flux, r).ociRepository(),
                options.schemaUrl(),
                name,
                metadataNamespace,
                interval,
                options.mirror().urlFor(r.oci().url()),
                r.oci().tag(),
                r.oci().semver());
        KubeObject repo = r.source() == null
                ? null
                : SourceLookup.object(
                        tree, "HelmRepository", r.source().name(), r.source().namespace(), r.cluster());
        if (repo != null) {
            carryOver(repo, r, doc, notes, namespace);
        }
        Node verify = Nodes.get(r.object().root(), "spec", "chart", "spec", "verify");
        if (verify != null) {
            // a HelmChart (and so its verify.secretRef, the cosign public keys) lives in the HelmRepository's
            // namespace; without the Secret, verification would turn keyless: never dropped, refused instead
            Node secret = Nodes.get(verify, "secretRef");
            if (secret != null) {
                keepSecret("spec.chart.spec.verify.secretRef", secret, r, notes, namespace, false, false);
            }
            doc.copy("verify", verify);
        } else if (options.cosign() && r.oci().signed()) {
            Optional<SigningIdentity> signer = ChartCatalog.signerOf(r.oci().url());
            if (signer.isPresent()) {
                doc.cosign(signer.get());
            } else {
                notes.add(
                        "oci.verify=cosign: spec.verify not written: " + r.oci().url() + " is signed, but the"
                                + " catalog does not know by whom; a keyless verify without matchOIDCIdentity accepts any"
                                + " signature in Sigstore's public log (and needs the public Sigstore services, so it fails"
                                + " on an air-gapped cluster): add verify.provider cosign with matchOIDCIdentity (issuer,"
                                + " subject) of the publisher's signing workflow by hand");
            }
        } else if (options.cosign()) {
            notes.add("oci.verify=cosign: spec.verify not written, " + unsignedBecause(r.oci())
                    + " (Flux would fail to verify an unsigned chart)");
        }
        return doc.text();
    }

    /** The HelmRepository's fields an OCIRepository takes: all of them from a {@code type: oci} one. */
    private void carryOver(
            KubeObject repo, ScannedRelease r, OciRepositoryDocument doc, List<String> notes, String namespace)
            throws Refusal {
        Node repoSpec = Nodes.get(repo.root(), "spec");
        boolean ociRepo = "oci".equals(Nodes.text(repoSpec, "type"));
        for (String field : List.of("provider", "secretRef", "certSecretRef", "insecure", "timeout")) {
            Node value = Nodes.get(repoSpec, field);
            if (value == null) {
                continue;
            }
            boolean secret = field.endsWith("SecretRef") || field.equals("secretRef");
            if (ociRepo && secret && !keepSecret(field, value, r, notes, namespace, field.equals("secretRef"), true)) {
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

    /**
     * Whether a Secret reference can be written on the OCIRepository in {@code namespace}: the Secret is where the
     * OCIRepository reads it (the HelmRepository's namespace, or a Secret the tree puts in {@code namespace}). Else,
     * for a chart the catalog knows as public, a {@code droppable} reference is left out with a note; otherwise the
     * release is refused with what to do. A pull secret the tree shows as another type than {@code kubernetes.io/dockerconfigjson} is refused.
     */
    private boolean keepSecret(
            String field,
            Node ref,
            ScannedRelease r,
            List<String> notes,
            String namespace,
            boolean pullSecret,
            boolean droppable)
            throws Refusal {
        String name = Nodes.text(ref, "name");
        String repoNs = r.source() == null ? null : r.source().namespace();
        if (name == null || name.contains("${")) {
            return true;
        }
        List<KubeObject> there = PullSecrets.in(tree, name, namespace);
        if (there.isEmpty() && !java.util.Objects.equals(namespace, repoNs)) {
            if (droppable && r.oci().provenance() != null) {
                notes.add(field + " " + name + " not carried: Flux reads it in the HelmRepository's namespace " + repoNs
                        + ", but an OCIRepository reads Secrets in its own (" + namespace + "), where the tree has no "
                        + name + "; the catalog knows " + r.oci().url() + " as a public chart, which needs none");
                return false;
            }
            throw new Refusal("HelmRepository " + r.source().name() + " has " + field + " " + name
                    + ", which Flux reads"
                    + " in " + repoNs + "; the OCIRepository in " + namespace + " would read it in " + namespace
                    + ", where the tree has no Secret " + name + ": create it there (kubectl create secret"
                    + " docker-registry " + name + " -n " + namespace + " ...), or share the OCIRepository in " + repoNs
                    + " (-Doci.share=chart -Doci.shareNamespace=" + repoNs + "), then run again");
        }
        List<KubeObject> seen = there.isEmpty() ? PullSecrets.in(tree, name, repoNs) : there;
        for (KubeObject s : seen) {
            String type = PullSecrets.typeOf(s);
            if (pullSecret && type != null && !PullSecrets.DOCKER_CONFIG_JSON.equals(type)) {
                throw new Refusal("Secret " + name + " (" + s.file().relativePath() + ":" + s.line() + ") is type "
                        + type + ": an OCIRepository reads only " + PullSecrets.DOCKER_CONFIG_JSON + " pull secrets and"
                        + " would pull anonymously; create one with kubectl create secret docker-registry " + name
                        + " --docker-server=<registry> --docker-username=... --docker-password=... -n " + namespace
                        + ", then run again");
            }
        }
        return true;
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
