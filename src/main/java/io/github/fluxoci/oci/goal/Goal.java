package io.github.fluxoci.oci.goal;

/** One goal's work, Maven-free: a Mojo builds it from its parameters and {@link GoalRun#execute runs} it. */
public interface Goal {

    void run(GoalRun run) throws GoalException;
}
