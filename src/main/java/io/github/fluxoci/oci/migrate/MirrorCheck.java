package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * With {@code oci.mirrorPrefix} and {@code oci.online=true}: asks the mirror for every chart version the plan's new
 * OCIRepositories take from it, once each, and adds a warning to the plan for each one it lacks (or could not say):
 * Flux would report "not found" until someone copies it there.
 */
public final class MirrorCheck {

    private MirrorCheck() {
    }

    /**
     * @param hasManifest asks a registry whether {@code oci://...} has that tag (empty: it did not say)
     */
    public static MigrationPlan apply(MigrationPlan plan, BiFunction<String, String, Optional<Boolean>> hasManifest) {
        Set<String> asked = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>(plan.warnings());
        for (MigratedRelease m : plan.migrated()) {
            String source = m.release().oci().url();
            String tag = m.release().oci().tag();
            if (m.ociUrl().equals(source) || tag == null || !asked.add(m.ociUrl() + ":" + tag)) {
                continue;
            }
            Optional<Boolean> there = hasManifest.apply(m.ociUrl(), tag);
            if (there.isEmpty()) {
                warnings.add("could not ask the mirror whether " + m.ociUrl() + ":" + tag + " is there; copy "
                        + source + ":" + tag + " to it (mirror.txt) if it is not");
            } else if (!there.get()) {
                warnings.add("the mirror lacks " + m.ociUrl() + ":" + tag + ": copy " + source + ":" + tag
                        + " there (mirror.txt) before this change reaches the cluster, or Flux reports the chart not found");
            }
        }
        return new MigrationPlan(plan.changes(), plan.migrated(), plan.skipped(), plan.pruned(), List.copyOf(warnings),
                plan.writes());
    }
}
