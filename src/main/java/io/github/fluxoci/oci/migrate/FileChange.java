package io.github.fluxoci.oci.migrate;

/**
 * One file's change: its path relative to the root, its whole text before ({@code null} for a new file) and after
 * ({@code null} to delete it). Texts include any byte order mark.
 */
public record FileChange(String path, String before, String after) {

    public boolean isNew() {
        return before == null;
    }

    public boolean isDeletion() {
        return after == null;
    }
}
