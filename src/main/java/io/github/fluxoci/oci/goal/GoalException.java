package io.github.fluxoci.oci.goal;

/**
 * A goal that did not succeed: a {@link #failure()} is what the user's tree or configuration caused (Maven's
 * "failure": a message, no stack trace); otherwise the goal could not do its work (an I/O error, an unforeseen input).
 */
public final class GoalException extends Exception {

    private final boolean failure;

    private GoalException(String message, boolean failure, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** The user's tree or configuration is wrong: the message says what and how to fix it. */
    public static GoalException failure(String message) {
        return new GoalException(message, true, null);
    }

    /** The goal could not do its work. */
    public static GoalException error(String message, Throwable cause) {
        return new GoalException(message, false, cause);
    }

    public boolean failure() {
        return failure;
    }
}
