/**
 * The goals' work, Maven-free: {@link io.github.fluxoci.oci.goal.ScanGoal}, {@link io.github.fluxoci.oci.goal.VerifyGoal}
 * and {@link io.github.fluxoci.oci.goal.MigrateGoal} are records of the parameters as the build gave them;
 * {@link io.github.fluxoci.oci.goal.GoalRun} does what every goal shares (read the tree once, the catalog with the
 * user's mappings, the scan with the online checks, paths from the repository root, timings). A goal runs in Maven's
 * JVM and writes its lines to a {@link io.github.fluxoci.oci.goal.GoalLog}.
 */
package io.github.fluxoci.oci.goal;
