package io.github.fluxoci.oci.verify;

/** One defect: where (file relative to the root, 1-based line and column), which rule, and what to do. */
public record Finding(String rule, Severity severity, String file, int line, int column, String message) {

    /** {@code path:line:col [rule-id] message}, the console form. */
    public String describe() {
        return file + ":" + line + ":" + column + " [" + rule + "] " + message;
    }
}
