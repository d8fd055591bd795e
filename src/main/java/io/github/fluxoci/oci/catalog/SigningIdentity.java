package io.github.fluxoci.oci.catalog;

/**
 * Who signs a publisher's charts with cosign, keyless: what an OCIRepository's {@code spec.verify.matchOIDCIdentity}
 * pins (source-controller accepts a signature only from a certificate whose OIDC issuer and subject match these
 * regular expressions). Without it, a keyless verify accepts any signature Sigstore's public instance logged.
 *
 * @param issuer  the OIDC issuer, a regular expression
 * @param subject the certificate identity (for GitHub Actions, the signing workflow), a regular expression
 * @param source  where the catalog learnt it (the publisher's own workflow or documentation, at a commit)
 */
public record SigningIdentity(String issuer, String subject, String source) {}
