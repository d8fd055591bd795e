package io.github.fluxoci.oci.verify;

/**
 * A rule's metadata, declared once in its constructor: the id that reports and SARIF use, the default severity and
 * the sentence that says what it checks. A rule class then holds only its check.
 */
abstract class DeclaredRule implements Rule {

    private final String id;
    private final Severity severity;
    private final String description;

    DeclaredRule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }
}
