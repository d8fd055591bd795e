package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedHelmRepository;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.LineRange;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlFile;

/**
 * The prune step of a migration ({@code oci.prune}): which HelmRepositories go, and the edits that remove them and
 * their kustomization entries, block or flow lists alike. Writes into the planner's file work; reports what it
 * removed and why it kept or skipped the others.
 */
final class Pruning {

    private final ManifestTree tree;
    private final ScanResult scan;
    private final MigrateOptions options;
    private final Function<ManifestFile, FileWork> work;
    /** flow-style kustomization lists that lose items */
    private final Map<SequenceNode, FlowRemoval> flowRemovals = new IdentityHashMap<>();

    private final List<PrunedRepository> pruned = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Pruning(ManifestTree tree, ScanResult scan, MigrateOptions options, Function<ManifestFile, FileWork> work) {
        this.tree = tree;
        this.scan = scan;
        this.options = options;
        this.work = work;
    }

    List<PrunedRepository> pruned() {
        return pruned;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Removes the HelmRepositories nothing can use any more. A HelmRepository counts as used while any document of
     * the tree names it in a {@code sourceRef} after this run: a HelmRelease this run does not move (deployed or
     * not, in any cluster), an overlay patch, a {@code HelmChart}; a {@code ${VAR:=default}} substitution names its
     * default, a bare {@code ${VAR}} could name any of them. Names are compared without namespaces, so a same-named
     * repository of another namespace keeps it too. By default only repositories this run freed are removed;
     * ones unused before are reported, and removed with {@code -Doci.prune=all}.
     */
    void run(List<MigratedRelease> migrated) {
        Set<KubeObject> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        migrated.forEach(m -> moved.add(m.release().object()));
        SourceNames stillNamed = SourceNames.of(tree, moved);
        List<ScannedHelmRepository> candidates = new ArrayList<>();
        for (ScannedHelmRepository h : scan.helmRepositories()) {
            if (stillNamed.names(h.name())) {
                continue;
            }
            if (h.usedBy().isEmpty() && options.prune() != Prune.ALL) {
                warnings.add("HelmRepository " + h.name() + " (" + h.file() + ") was unused before this run; kept"
                        + " (-Doci.prune=all removes it too)");
                continue;
            }
            candidates.add(h);
        }
        if (candidates.isEmpty()) {
            return;
        }
        if (stillNamed.anyName() != null) {
            warnings.add("prune skipped: " + stillNamed.anyName() + " names its HelmRepository through a substitution"
                    + " without a default, so it could be any of " + candidates.size() + " that look unused");
            return;
        }
        if (!scan.problems().isEmpty()) {
            int files = scan.problems().size();
            warnings.add(
                    "prune skipped: " + files + (files == 1 ? " file" : " files") + " could not be read and may use "
                            + candidates.size()
                            + (candidates.size() == 1 ? " HelmRepository that looks" : " HelmRepositories that look")
                            + " unused; fix or exclude them, then prune");
            return;
        }
        for (ScannedHelmRepository h : candidates) {
            KubeObject repo = h.object();
            ManifestFile file = repo.file();
            boolean alone = file.yaml().documents().size() == 1;
            FileWork w = work.apply(file);
            if (alone) {
                w.delete();
                for (KustomizeEntry e : tree.listersOf(file.relativePath())) {
                    removeListEntry(e);
                }
            } else {
                LineRange doc = w.edits.documentRange(repo.documentIndex());
                w.add(TextEdit.delete(doc.start(), doc.end()), -1, MigrationPlanner.REMOVE);
            }
            pruned.add(new PrunedRepository(h.name(), h.namespace(), file.relativePath(), alone));
        }
        flowRemovals.forEach(this::rewriteFlowList);
    }

    private void removeListEntry(KustomizeEntry entry) {
        FileWork w = work.apply(entry.owner().file());
        for (String key : List.of("resources", "bases", "components")) {
            if (!(Nodes.get(entry.owner().root(), key) instanceof SequenceNode seq)
                    || seq.getValue().stream().noneMatch(item -> item == entry.node())) {
                continue;
            }
            if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                // [a, b]: the items share a line; the whole list is rewritten once, after every removal is known
                flowRemovals
                        .computeIfAbsent(
                                seq, q -> new FlowRemoval(w, entry.owner().root(), key))
                        .items
                        .add(entry.node());
            } else if (seq.getValue().size() == 1) {
                w.add(w.edits.replaceEntry(entry.owner().root(), key, key + ": []"), 0, MigrationPlanner.REMOVE);
            } else {
                LineRange lines = w.edits.itemLines(entry.node());
                w.add(TextEdit.delete(lines.start(), lines.end()), 0, MigrationPlanner.REMOVE);
            }
            return;
        }
    }

    /** A flow list ({@code resources: [a, b]}) written again without the removed items, in its own style. */
    private void rewriteFlowList(SequenceNode seq, FlowRemoval removal) {
        YamlFile file = removal.work.file();
        List<String> kept = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (removal.items.stream().noneMatch(r -> r == item)) {
                kept.add(file.text().substring(file.startOffset(item), file.endOffset(item)));
            }
        }
        if (kept.isEmpty()) {
            removal.work.add(
                    removal.work.edits.replaceEntry(removal.kustomization, removal.key, removal.key + ": []"),
                    0,
                    MigrationPlanner.REMOVE);
        } else {
            removal.work.add(
                    new TextEdit(file.startOffset(seq), file.endOffset(seq), "[" + String.join(", ", kept) + "]"),
                    0,
                    MigrationPlanner.REMOVE);
        }
    }

    /** Items to remove from one flow list. */
    private static final class FlowRemoval {
        final FileWork work;
        final MappingNode kustomization;
        final String key;
        final List<Node> items = new ArrayList<>();

        FlowRemoval(FileWork work, MappingNode kustomization, String key) {
            this.work = work;
            this.kustomization = kustomization;
            this.key = key;
        }
    }
}
