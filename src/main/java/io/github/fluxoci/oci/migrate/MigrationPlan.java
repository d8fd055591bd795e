package io.github.fluxoci.oci.migrate;

import java.util.List;

/** Every change {@code oci:migrate} would make, computed before anything is written. */
public record MigrationPlan(List<FileChange> changes, List<MigratedRelease> migrated, List<SkippedRelease> skipped,
                            List<PrunedRepository> pruned, List<String> warnings) {

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
