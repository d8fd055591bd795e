package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.yaml.EditConflictException;
import io.github.fluxoci.oci.yaml.EditPlan;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;
import io.github.fluxoci.oci.yaml.YamlFile;

/** Edits collected for one existing file. */
final class FileWork {
    final ManifestFile source;
    final YamlEdits edits;
    final List<TextEdit> list = new ArrayList<>();
    /** the write phase of each edit of {@link #list} */
    final List<Integer> phases = new ArrayList<>();

    final int[] documentDeltas = new int[MigrationPlanner.PHASES];
    /** releases whose HelmRelease must read back on chartRef -> the OCIRepository it must name */
    final Map<String, String> expected = new LinkedHashMap<>();

    int documentDelta;
    boolean deleted;

    FileWork(ManifestFile source) {
        this.source = source;
        this.edits = new YamlEdits(source.yaml());
    }

    YamlFile file() {
        return source.yaml();
    }

    void add(TextEdit e, int documents, int phase) {
        list.add(e);
        phases.add(phase);
        documentDeltas[phase] += documents;
        documentDelta += documents;
    }

    void delete() {
        deleted = true;
    }

    /**
     * The file's change split by phase: one step per phase that edits it, each from the text of the step before;
     * the last step ends at {@code whole}, the file's {@link #change()}, so only the texts between phases (files
     * edited in several phases) are computed here. A deleted file is one removal step.
     */
    Map<Integer, FileChange> steps(FileChange whole) {
        Map<Integer, FileChange> out = new LinkedHashMap<>();
        if (deleted) {
            out.put(MigrationPlanner.REMOVE, whole);
            return out;
        }
        int last = Collections.max(phases);
        String previous = whole.before();
        int documents = file().documents().size();
        for (int phase = 0; phase < last; phase++) {
            documents += documentDeltas[phase];
            if (!phases.contains(phase)) {
                continue;
            }
            List<TextEdit> upTo = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (phases.get(i) <= phase) {
                    upTo.add(list.get(i));
                }
            }
            String text;
            try {
                YamlFile step = new EditPlan().addAll(upTo).applyTo(file(), documents);
                text = step.render(step.text());
            } catch (EditConflictException e) {
                throw new IllegalStateException(source.relativePath() + ": " + e.getMessage(), e);
            }
            out.put(phase, new FileChange(source.relativePath(), previous, text));
            previous = text;
        }
        out.put(last, new FileChange(source.relativePath(), previous, whole.after()));
        return out;
    }

    FileChange change() {
        String before = file().render(file().text());
        if (deleted) {
            return new FileChange(source.relativePath(), before, null);
        }
        if (list.isEmpty()) {
            return null;
        }
        YamlFile after;
        try {
            after = new EditPlan()
                    .addAll(list)
                    .applyTo(file(), file().documents().size() + documentDelta);
        } catch (EditConflictException e) {
            throw new IllegalStateException(source.relativePath() + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> release : expected.entrySet()) {
            String name = release.getKey();
            List<Node> docs = after.documents().stream()
                    .filter(d -> "HelmRelease".equals(Nodes.text(d, "kind"))
                            && name.equals(Nodes.text(d, "metadata", "name")))
                    .toList();
            boolean ok = docs.size() == 1
                    && release.getValue().equals(Nodes.text(docs.get(0), "spec", "chartRef", "name"))
                    && !Nodes.has(docs.get(0), "spec", "chart")
                    && MigrationPlanner.HELM_V2.equals(Nodes.text(docs.get(0), "apiVersion"));
            if (!ok) {
                throw new IllegalStateException(source.relativePath() + ": HelmRelease " + name
                        + " does not read back on chartRef after the edit");
            }
        }
        return new FileChange(source.relativePath(), before, after.render(after.text()));
    }
}
