package io.github.fluxoci.oci.yaml;

/** Thrown when an edit plan cannot be applied safely: overlapping edits, or a result that no longer parses. */
public class EditConflictException extends RuntimeException {
    public EditConflictException(String message) {
        super(message);
    }

    public EditConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
