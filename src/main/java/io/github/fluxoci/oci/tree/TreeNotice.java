package io.github.fluxoci.oci.tree;

/**
 * Something the build model tells the user about the tree as a whole: how it read the tree where more than one
 * reading was possible, and what it could not read.
 *
 * @param level   {@code NOTE} (how the tree was read) or {@code WARNING} (something is not deployed, or not read)
 * @param code    what kind of notice it is, for grouping and for the JSON report ({@code other-source},
 *                {@code artifact-root}, {@code nothing-deployed}, {@code unresolved-variables},
 *                {@code kustomize-not-modelled})
 * @param file    the file it is about (relative path), or {@code ""} for the tree
 * @param line    1-based line, or 0
 * @param message what it says, naming the fix where there is one
 */
public record TreeNotice(Level level, String code, String file, int line, String message) {

    public enum Level {
        NOTE,
        WARNING
    }
}
