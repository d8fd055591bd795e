package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * What one step of the planner contributes to a {@link MigrationPlan}, as values: edits of existing files, files
 * deleted, documents of new files, entries to list in kustomizations, HelmReleases that must read back on
 * {@code chartRef}, warnings, and the paths it creates and changes as the reports name them (an edit does not
 * count as a change by itself: the step says which files it changed for whom). Steps return parts; the
 * planner only concatenates them ({@link #plus}) and hands the sum to {@link PlanAssembly}.
 */
record PlanPart(
        List<FileEdit> edits,
        List<ManifestFile> deletions,
        List<NewDocument> documents,
        List<Listing> listings,
        List<ReadBack> readBacks,
        List<String> warnings,
        List<String> created,
        List<String> changed) {

    static final PlanPart EMPTY = new Builder().build();

    /** One edit of an existing file; {@code documents} is how many documents it adds (negative: removes). */
    record FileEdit(ManifestFile file, TextEdit edit, int documents, WritePhase phase) {}

    /** One document of a new file, written in the style of an existing file ({@code style}). */
    record NewDocument(String path, YamlEdits style, String text) {}

    /**
     * An entry to add to a kustomization list: {@code list} is its {@code resources} or {@code components}; null
     * means a {@code components} list the kustomization does not have yet.
     */
    record Listing(KustomizeFile kustomization, SequenceNode list, String value) {}

    /** After the edit, {@code file} must hold HelmRelease {@code release} of {@code apiVersion} on {@code chartRef.name: ociName}. */
    record ReadBack(ManifestFile file, String release, String ociName, String apiVersion) {}

    PlanPart plus(PlanPart o) {
        return new PlanPart(
                join(edits, o.edits),
                join(deletions, o.deletions),
                join(documents, o.documents),
                join(listings, o.listings),
                join(readBacks, o.readBacks),
                join(warnings, o.warnings),
                join(created, o.created),
                join(changed, o.changed));
    }

    static PlanPart warning(String warning) {
        return new Builder().warn(warning).build();
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        List<T> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Collects one step's part; {@link #build()} freezes it. */
    static final class Builder {
        private final List<FileEdit> edits = new ArrayList<>();
        private final List<ManifestFile> deletions = new ArrayList<>();
        private final List<NewDocument> documents = new ArrayList<>();
        private final List<Listing> listings = new ArrayList<>();
        private final List<ReadBack> readBacks = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> created = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();

        Builder edit(ManifestFile file, TextEdit edit, int documentsAdded, WritePhase phase) {
            edits.add(new FileEdit(file, edit, documentsAdded, phase));
            return this;
        }

        Builder delete(ManifestFile file) {
            deletions.add(file);
            return this;
        }

        Builder document(String path, YamlEdits style, String text, boolean newFile) {
            documents.add(new NewDocument(path, style, text));
            return newFile ? created(path) : changed(path);
        }

        Builder list(KustomizeFile kustomization, SequenceNode list, String value) {
            listings.add(new Listing(kustomization, list, value));
            return changed(kustomization.file().relativePath());
        }

        Builder readBack(ManifestFile file, String release, String ociName, String apiVersion) {
            readBacks.add(new ReadBack(file, release, ociName, apiVersion));
            return this;
        }

        Builder warn(String warning) {
            warnings.add(warning);
            return this;
        }

        Builder created(String path) {
            if (!created.contains(path)) {
                created.add(path);
            }
            return this;
        }

        Builder changed(String path) {
            if (!changed.contains(path)) {
                changed.add(path);
            }
            return this;
        }

        Builder add(PlanPart part) {
            edits.addAll(part.edits);
            deletions.addAll(part.deletions);
            documents.addAll(part.documents);
            listings.addAll(part.listings);
            readBacks.addAll(part.readBacks);
            warnings.addAll(part.warnings);
            part.created.forEach(this::created);
            part.changed.forEach(this::changed);
            return this;
        }

        PlanPart build() {
            return new PlanPart(
                    List.copyOf(edits),
                    List.copyOf(deletions),
                    List.copyOf(documents),
                    List.copyOf(listings),
                    List.copyOf(readBacks),
                    List.copyOf(warnings),
                    List.copyOf(created),
                    List.copyOf(changed));
        }
    }
}
