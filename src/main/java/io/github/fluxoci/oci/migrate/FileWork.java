package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.yaml.EditConflictException;
import io.github.fluxoci.oci.yaml.EditPlan;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlFile;

/** The planned edits of one existing file, gathered by {@link PlanAssembly}; it computes the file's texts. */
final class FileWork {
    private final ManifestFile source;
    private final List<TextEdit> list = new ArrayList<>();
    /** the write phase of each edit of {@link #list} */
    private final List<WritePhase> phases = new ArrayList<>();

    /** documents added (negative: removed) by the edits of each phase */
    private final Map<WritePhase, Integer> documentDeltas = new EnumMap<>(WritePhase.class);
    /** HelmReleases that must read back on chartRef */
    private final List<PlanPart.ReadBack> expected = new ArrayList<>();

    private int documentDelta;
    private boolean deleted;

    FileWork(ManifestFile source) {
        this.source = source;
    }

    private YamlFile file() {
        return source.yaml();
    }

    void add(PlanPart.FileEdit e) {
        list.add(e.edit());
        phases.add(e.phase());
        documentDeltas.merge(e.phase(), e.documents(), Integer::sum);
        documentDelta += e.documents();
    }

    void expect(PlanPart.ReadBack readBack) {
        expected.add(readBack);
    }

    void delete() {
        deleted = true;
    }

    /**
     * The file's change split by phase: one step per phase that edits it, each from the text of the step before;
     * the last step ends at {@code whole}, the file's {@link #change()}, so only the texts between phases (files
     * edited in several phases) are computed here. A deleted file is one removal step.
     */
    Map<WritePhase, FileChange> steps(FileChange whole) {
        Map<WritePhase, FileChange> out = new LinkedHashMap<>();
        if (deleted) {
            out.put(WritePhase.REMOVE, whole);
            return out;
        }
        WritePhase last = Collections.max(phases);
        String previous = whole.before();
        int documents = file().documents().size();
        for (WritePhase phase : WritePhase.values()) {
            if (phase.compareTo(last) >= 0) {
                break;
            }
            documents += documentDeltas.getOrDefault(phase, 0);
            if (!phases.contains(phase)) {
                continue;
            }
            List<TextEdit> upTo = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (phases.get(i).compareTo(phase) <= 0) {
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
        for (PlanPart.ReadBack release : expected) {
            String name = release.release();
            List<Node> docs = after.documents().stream()
                    .filter(d -> "HelmRelease".equals(Nodes.text(d, "kind"))
                            && name.equals(Nodes.text(d, "metadata", "name")))
                    .toList();
            boolean ok = docs.size() == 1
                    && release.ociName().equals(Nodes.text(docs.get(0), "spec", "chartRef", "name"))
                    && !Nodes.has(docs.get(0), "spec", "chart")
                    && release.apiVersion().equals(Nodes.text(docs.get(0), "apiVersion"));
            if (!ok) {
                throw new ReadBackFailure(source.relativePath(), name);
            }
        }
        return new FileChange(source.relativePath(), before, after.render(after.text()));
    }

    /** A release whose edited file does not read back as that release on chartRef (the planner leaves it out). */
    static final class ReadBackFailure extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        final String file;
        final String release;

        ReadBackFailure(String file, String release) {
            super(file + ": HelmRelease " + release + " does not read back on chartRef after the edit");
            this.file = file;
            this.release = release;
        }
    }
}
