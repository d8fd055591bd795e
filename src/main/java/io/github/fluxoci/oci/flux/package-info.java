/**
 * What Flux serves and which Flux a tree runs. {@link io.github.fluxoci.oci.flux.FluxApis} holds the apiVersions of
 * each Flux release as Flux's CRDs define them (a shipped resource generated from them);
 * {@link io.github.fluxoci.oci.flux.FluxVersionFinder} reads the tree's Flux version from what the tree states. Uses
 * {@code tree} and {@code semver}; used by {@code scan}, {@code migrate} and {@code verify}. No Maven.
 */
package io.github.fluxoci.oci.flux;
