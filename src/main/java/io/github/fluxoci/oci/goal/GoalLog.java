package io.github.fluxoci.oci.goal;

/** Where a goal's lines go: Maven's log in a build, a list in a test. */
public interface GoalLog {

    void info(String line);

    void warn(String line);

    void error(String line);

    /** A line printed as it is, at the start of a line of standard output (GitHub workflow commands). */
    void raw(String line);

    /** False when info lines are not shown (Maven's {@code -q}): a goal need not compose them. */
    default boolean infoShown() {
        return true;
    }

    /** False when warnings are not shown (Maven's {@code -q}). */
    default boolean warningsShown() {
        return true;
    }
}
