/**
 * Versions and ranges as Flux and Helm read them (Masterminds semver v3): {@link io.github.fluxoci.oci.semver.Version}
 * and {@link io.github.fluxoci.oci.semver.Constraint}. No dependency on the rest of the plugin.
 */
@NullMarked
package io.github.fluxoci.oci.semver;

import org.jspecify.annotations.NullMarked;
