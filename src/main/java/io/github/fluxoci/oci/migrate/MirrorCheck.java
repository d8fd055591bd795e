package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * With {@code oci.mirrorPrefix} and {@code oci.online=true}: asks the mirror for every artifact the plan's new
 * OCIRepositories take from it (chart versions, and their signature tags), once each, and adds a warning to the plan for each one it lacks (or could not say):
 * Flux would report "not found" until someone copies it there.
 */
public final class MirrorCheck {

    private MirrorCheck() {}

    /**
     * Checks that every mirror url the plan writes has its tag.
     *
     * @param hasManifest asks a registry whether {@code oci://...} has that tag (empty: it did not say)
     */
    public static MigrationPlan apply(MigrationPlan plan, BiFunction<String, String, Optional<Boolean>> hasManifest) {
        List<String> warnings = new ArrayList<>(plan.warnings());
        for (MirrorArtifacts.Artifact a : MirrorArtifacts.of(plan)) {
            String what = a.signature() ? "the signature " : "";
            Optional<Boolean> there = hasManifest.apply(a.destination(), a.tag());
            if (there.isEmpty()) {
                warnings.add("could not ask the mirror whether " + what + a.destination() + ":" + a.tag()
                        + " is there; copy " + a.source() + ":" + a.tag() + " to it (mirror.txt) if it is not");
            } else if (!there.get()) {
                warnings.add("the mirror lacks " + what + a.destination() + ":" + a.tag() + ": copy " + a.source() + ":"
                        + a.tag() + " there (mirror.txt) before this change reaches the cluster, or Flux reports "
                        + (what.isEmpty() ? "the chart not found" : "that it cannot verify the chart"));
            }
        }
        return new MigrationPlan(
                plan.changes(),
                plan.migrated(),
                plan.skipped(),
                plan.pruned(),
                List.copyOf(warnings),
                plan.writes(),
                plan.upgraded(),
                plan.unused());
    }
}
