package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Online only ({@code -Doci.online=true}): a chart OCIRepository whose pinned tag carries a cosign signature but that
 * does not verify it ({@code spec.verify}): the publisher signs, so Flux can refuse a tampered chart, and does not.
 * A warning by default; {@code -Doci.severities=unverified-signature=error} makes it fail the gate.
 */
public final class UnverifiedSignatureRule extends OnlineRule {

    public UnverifiedSignatureRule() {
        super(
                "unverified-signature",
                Severity.WARNING,
                "(online) an OCIRepository of a chart signed with cosign verifies the signature (spec.verify)");
    }

    @Override
    List<Finding> check(VerifyContext context, OciRegistryClient registry) {
        List<Finding> out = new ArrayList<>();
        for (OciRepositories.PinnedTag pinned : OciRepositories.pinnedByTag(context)) {
            KubeObject oci = pinned.oci();
            if (Nodes.has(oci.root(), "spec", "verify") || Nodes.has(oci.root(), "spec", "ref", "digest")) {
                continue;
            }
            String url = pinned.url();
            String published = pinned.tag();
            OciRegistryClient.Manifest manifest = registry.manifest(url, published);
            if (manifest.digest() == null) {
                continue; // oci-tag-exists says what is wrong with the tag
            }
            OciRegistryClient.Signature signature = registry.signature(url, manifest.digest());
            if (signature.state() == OciRegistryClient.SignatureState.SIGNED) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(oci.root(), "spec"),
                        url + ":" + published
                                + " is signed with cosign (" + signature.how()
                                + ") but this OCIRepository does not verify it: add"
                                + " spec.verify.provider: cosign with matchOIDCIdentity "
                                + ChartCatalog.signerOf(url)
                                        .map(s -> "- {issuer: '" + s.issuer() + "', subject: '" + s.subject()
                                                + "'} (the publisher's, " + s.source() + ")")
                                        .orElse("(issuer and subject of the publisher's signing workflow)")));
            }
        }
        return out;
    }
}
