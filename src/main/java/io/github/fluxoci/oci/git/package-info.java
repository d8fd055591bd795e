/**
 * What git says about the scanned folder ({@link io.github.fluxoci.oci.git.GitWorkTree}): the repository root that
 * paths are shown from, and which files have uncommitted changes. Asked of the {@code git} command; without it,
 * the plugin works as outside version control.
 */
@NullMarked
package io.github.fluxoci.oci.git;

import org.jspecify.annotations.NullMarked;
