/**
 * The online checks' clients ({@code -Doci.online=true}): {@link io.github.fluxoci.oci.online.OciRegistryClient}
 * (OCI distribution API: tags, manifests, digests, cosign signatures) and
 * {@link io.github.fluxoci.oci.online.HelmIndexClient} (a Helm repository's {@code index.yaml}), both over
 * {@link io.github.fluxoci.oci.online.RegistryHttp} under the credential policy of
 * {@link io.github.fluxoci.oci.online.HostPolicy} ({@code docs/online.md}): HTTPS unless loopback or listed, capped
 * answers, one {@link io.github.fluxoci.oci.online.RunBudget} per run. Uses the JDK's HTTP client and Jackson; no
 * Maven, nothing of the tree.
 */
package io.github.fluxoci.oci.online;
