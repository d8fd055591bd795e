package io.github.fluxoci.oci.tree;

/**
 * Something in the tree that could not be read or understood: a file that is not YAML, a templated
 * file, an undefined alias, an unreadable file, a link or path that leaves the tree. {@code file} is
 * relative to the scanned root with {@code /} separators; line and column are 1-based (0 when unknown).
 */
public record Problem(String file, int line, int column, String message) {

    /** {@code file:line:column}, the form editors and CI logs link (line and column left out when unknown). */
    public String location() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /** {@code file:line:column: message}. */
    public String describe() {
        return location() + ": " + message;
    }
}
