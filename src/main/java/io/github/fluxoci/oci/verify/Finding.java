package io.github.fluxoci.oci.verify;

/**
 * One defect: where (file relative to the root, 1-based line and column), which rule, and what to do. A finding
 * that {@code <exceptions>} excuses carries the reason given there ({@code justification}); it is reported as a
 * note, and in SARIF as a suppressed result of its rule.
 */
public record Finding(
        String rule, Severity severity, String file, int line, int column, String message, String justification) {

    public Finding(String rule, Severity severity, String file, int line, int column, String message) {
        this(rule, severity, file, line, column, message, null);
    }

    /** {@code path:line:col [rule-id] message}, the console form. */
    public String describe() {
        return file + ":" + line + ":" + column + " [" + rule + "] " + message;
    }
}
