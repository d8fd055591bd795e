package io.github.fluxoci.oci.migrate;

import java.util.List;

/**
 * Every change {@code oci:migrate} would make, computed before anything is written.
 *
 * @param changes one change per file, from what it is to what it will be (diff, reports)
 * @param writes  the same changes as the ordered steps the applier writes, so that the tree after every prefix of
 *                them is one Flux can apply: first what is added (new OCIRepositories, their kustomization entries,
 *                new overlay patches), then the overlays that stop patching {@code spec.chart}, then the HelmRelease
 *                rewrites, then what is removed (prune). A file touched in several phases is written once per phase.
 * @param upgraded Flux objects moved off an apiVersion their Flux no longer serves ({@code oci.upgradeApis})
 * @param unused   HelmRepositories no document names once the plan is written and that it keeps, as
 *                 {@code name (file)}: what {@code -Doci.prune=all} removes
 */
public record MigrationPlan(
        List<FileChange> changes,
        List<MigratedRelease> migrated,
        List<SkippedRelease> skipped,
        List<PrunedRepository> pruned,
        List<String> warnings,
        List<FileChange> writes,
        List<UpgradedApi> upgraded,
        List<String> unused) {

    /** A plan whose writes are its changes, in order. */
    public MigrationPlan(
            List<FileChange> changes,
            List<MigratedRelease> migrated,
            List<SkippedRelease> skipped,
            List<PrunedRepository> pruned,
            List<String> warnings) {
        this(changes, migrated, skipped, pruned, warnings, changes, List.of(), List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
