/**
 * {@code oci:verify}'s rules: one class per rule behind {@link io.github.fluxoci.oci.verify.Rule}, each yielding
 * {@link io.github.fluxoci.oci.verify.Finding}s from a {@link io.github.fluxoci.oci.verify.VerifyContext};
 * {@link io.github.fluxoci.oci.verify.Verifier#rules()} lists them and {@link io.github.fluxoci.oci.verify.Verifier#verify}
 * runs them (a file nothing deploys gives notes only). Uses {@code tree}, {@code scan}, {@code catalog}, {@code yaml}
 * and (online) {@code online}; no Maven.
 */
package io.github.fluxoci.oci.verify;
