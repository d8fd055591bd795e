/**
 * {@code oci:migrate}'s engine. {@link io.github.fluxoci.oci.migrate.MigrationPlanner#plan} turns a scan into a
 * {@link io.github.fluxoci.oci.migrate.MigrationPlan} (data: every file's text before and after, in write order),
 * composed from the parts each step computes from the tree and the {@link io.github.fluxoci.oci.migrate.MigrateOptions};
 * {@link io.github.fluxoci.oci.migrate.PlanApplier} writes a plan atomically, file by file, in an order that leaves
 * a tree Flux can apply after every write. Uses {@code scan}, {@code tree}, {@code yaml}; no Maven.
 */
package io.github.fluxoci.oci.migrate;
