package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;

/**
 * Turns the sum of the planner's parts into the files' changes: the edits of each existing file applied at once
 * (and re-parsed), the documents of each new file joined, and the same changes split into the ordered writes of
 * {@link MigrationPlan#writes()}.
 */
final class PlanAssembly {

    private PlanAssembly() {}

    static MigrationPlan assemble(
            PlanPart part,
            List<MigratedRelease> migrated,
            List<SkippedRelease> skipped,
            List<PrunedRepository> pruned,
            List<UpgradedApi> upgraded,
            List<String> unused,
            List<String> warnings) {
        Map<String, FileWork> work = new LinkedHashMap<>();
        for (PlanPart.FileEdit e : part.edits()) {
            workOf(work, e.file()).add(e);
        }
        part.deletions().forEach(f -> workOf(work, f).delete());
        part.readBacks().forEach(b -> workOf(work, b.file()).expect(b));
        Map<String, NewFile> newFiles = new LinkedHashMap<>();
        for (PlanPart.NewDocument d : part.documents()) {
            newFiles.computeIfAbsent(d.path(), p -> new NewFile(p, d.style()))
                    .documents
                    .add(d.text());
        }

        List<FileChange> changes = new ArrayList<>();
        Map<WritePhase, List<FileChange>> writes = new EnumMap<>(WritePhase.class);
        for (WritePhase phase : WritePhase.values()) {
            writes.put(phase, new ArrayList<>());
        }
        for (FileWork w : work.values()) {
            FileChange c = w.change();
            if (c != null) {
                changes.add(c);
                w.steps(c).forEach((phase, step) -> writes.get(phase).add(step));
            }
        }
        for (NewFile f : newFiles.values()) {
            FileChange c = f.change();
            changes.add(c);
            writes.get(WritePhase.ADD).add(c);
        }
        changes.sort(Comparator.comparing(FileChange::path));
        List<FileChange> ordered = new ArrayList<>();
        for (List<FileChange> phase : writes.values()) {
            phase.sort(Comparator.comparingInt(PlanAssembly::rankInPhase).thenComparing(FileChange::path));
            ordered.addAll(phase);
        }
        return new MigrationPlan(
                List.copyOf(changes),
                List.copyOf(migrated),
                List.copyOf(skipped),
                List.copyOf(pruned),
                List.copyOf(warnings),
                List.copyOf(ordered),
                List.copyOf(upgraded),
                List.copyOf(unused));
    }

    /**
     * Within a phase: new files before the kustomizations that list them, kustomizations before the files whose
     * patches they replace, deletions after the delisting.
     */
    private static int rankInPhase(FileChange c) {
        if (c.isNew()) {
            return 0;
        }
        if (c.isDeletion()) {
            return 3;
        }
        String name = c.path().substring(c.path().lastIndexOf('/') + 1);
        return ManifestTree.isKustomizationFileName(name) ? 1 : 2;
    }

    private static FileWork workOf(Map<String, FileWork> work, ManifestFile file) {
        return work.computeIfAbsent(file.relativePath(), p -> new FileWork(file));
    }
}
