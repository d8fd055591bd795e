package io.github.fluxoci.oci.goal;

/** One goal's work, Maven-free: run in the build's JVM or in a forked one ({@link ForkedGoal}). */
public interface Goal {

    void run(GoalRun run) throws GoalException;
}
