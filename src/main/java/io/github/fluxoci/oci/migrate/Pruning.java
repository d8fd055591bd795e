package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.github.fluxoci.oci.yaml.YamlEdits;
import io.github.fluxoci.oci.yaml.YamlFile;

/**
 * The prune step of a migration ({@code oci.prune}): which HelmRepositories go, and the edits that remove them and
 * their kustomization entries, block or flow lists alike, as a {@link PlanPart} with the repositories removed and
 * warnings for the ones kept or skipped.
 */
final class Pruning {

    /** What pruning removes: the repositories, and the part that removes them. */
    record Result(List<PrunedRepository> pruned, PlanPart part) {}

    private final ManifestTree tree;
    private final ScanResult scan;
    private final MigrateOptions options;
    /** flow-style kustomization lists that lose items */
    private final Map<SequenceNode, FlowRemoval> flowRemovals = new IdentityHashMap<>();

    private final List<PrunedRepository> pruned = new ArrayList<>();
    private final PlanPart.Builder part = new PlanPart.Builder();

    private Pruning(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        this.tree = tree;
        this.scan = scan;
        this.options = options;
    }

    /** The prune step for the releases this run moves. */
    static Result plan(ManifestTree tree, ScanResult scan, MigrateOptions options, List<MigratedRelease> migrated) {
        Pruning p = new Pruning(tree, scan, options);
        p.run(migrated);
        return new Result(List.copyOf(p.pruned), p.part.build());
    }

    /**
     * The HelmRepositories that no document names after the releases of {@code migrated} move (see {@link #run}),
     * as {@code name (file)}: what {@code -Doci.prune=all} would remove. Empty when a substitution without a default
     * could name any of them. Those of {@code pruned} are gone, so not listed.
     */
    static List<String> unusedAfter(
            ManifestTree tree, ScanResult scan, List<MigratedRelease> migrated, List<PrunedRepository> pruned) {
        Set<KubeObject> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        migrated.forEach(m -> moved.add(m.release().object()));
        SourceNames stillNamed = SourceNames.of(tree, moved);
        if (stillNamed.anyName() != null) {
            return List.of();
        }
        return scan.helmRepositories().stream()
                .filter(h -> !stillNamed.names(h.name())
                        && pruned.stream()
                                .noneMatch(p ->
                                        p.name().equals(h.name()) && p.file().equals(h.file())))
                .map(h -> h.name() + " (" + h.file() + ")")
                .toList();
    }

    /**
     * Removes the HelmRepositories nothing can use any more. A HelmRepository counts as used while any document of
     * the tree names it in a {@code sourceRef} after this run: a HelmRelease this run does not move (deployed or
     * not, in any cluster), an overlay patch, a {@code HelmChart}; a {@code ${VAR:=default}} substitution names its
     * default, a bare {@code ${VAR}} could name any of them. Names are compared without namespaces, so a same-named
     * repository of another namespace keeps it too. By default only repositories this run freed are removed;
     * ones unused before are reported, and removed with {@code -Doci.prune=all}.
     */
    private void run(List<MigratedRelease> migrated) {
        Set<KubeObject> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        migrated.forEach(m -> moved.add(m.release().object()));
        SourceNames stillNamed = SourceNames.of(tree, moved);
        List<ScannedHelmRepository> candidates = new ArrayList<>();
        for (ScannedHelmRepository h : scan.helmRepositories()) {
            if (stillNamed.names(h.name())) {
                continue;
            }
            if (h.usedBy().isEmpty() && options.prune() != Prune.ALL) {
                part.warn("HelmRepository " + h.name() + " (" + h.file() + ") was unused before this run; kept"
                        + " (-Doci.prune=all removes it too)");
                continue;
            }
            candidates.add(h);
        }
        if (candidates.isEmpty()) {
            return;
        }
        if (stillNamed.anyName() != null) {
            part.warn("prune skipped: " + stillNamed.anyName() + " names its HelmRepository through a substitution"
                    + " without a default, so it could be any of " + candidates.size() + " that look unused");
            return;
        }
        if (!scan.problems().isEmpty()) {
            int files = scan.problems().size();
            part.warn("prune skipped: " + files + (files == 1 ? " file" : " files") + " could not be read and may use "
                    + candidates.size()
                    + (candidates.size() == 1 ? " HelmRepository that looks" : " HelmRepositories that look")
                    + " unused; fix or exclude them, then prune");
            return;
        }
        for (ScannedHelmRepository h : candidates) {
            KubeObject repo = h.object();
            ManifestFile file = repo.file();
            boolean alone = file.yaml().documents().size() == 1;
            if (alone) {
                part.delete(file);
                for (KustomizeEntry e : tree.listersOf(file.relativePath())) {
                    removeListEntry(e);
                }
            } else {
                LineRange doc = new YamlEdits(file.yaml()).documentRange(repo.documentIndex());
                part.edit(file, TextEdit.delete(doc.start(), doc.end()), -1, WritePhase.REMOVE);
            }
            pruned.add(new PrunedRepository(h.name(), h.namespace(), file.relativePath(), alone));
        }
        flowRemovals.forEach(this::rewriteFlowList);
    }

    private void removeListEntry(KustomizeEntry entry) {
        ManifestFile file = entry.owner().file();
        YamlEdits edits = new YamlEdits(file.yaml());
        for (String key : List.of("resources", "bases", "components")) {
            if (!(Nodes.get(entry.owner().root(), key) instanceof SequenceNode seq)
                    || seq.getValue().stream().noneMatch(item -> item == entry.node())) {
                continue;
            }
            if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                // [a, b]: the items share a line; the whole list is rewritten once, after every removal is known
                flowRemovals
                        .computeIfAbsent(
                                seq, q -> new FlowRemoval(file, entry.owner().root(), key))
                        .items
                        .add(entry.node());
            } else if (seq.getValue().size() == 1) {
                part.edit(file, edits.replaceEntry(entry.owner().root(), key, key + ": []"), 0, WritePhase.REMOVE);
            } else {
                LineRange lines = edits.itemLines(entry.node());
                part.edit(file, TextEdit.delete(lines.start(), lines.end()), 0, WritePhase.REMOVE);
            }
            return;
        }
    }

    /** A flow list ({@code resources: [a, b]}) written again without the removed items, in its own style. */
    private void rewriteFlowList(SequenceNode seq, FlowRemoval removal) {
        YamlFile file = removal.file.yaml();
        List<String> kept = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (removal.items.stream().noneMatch(r -> r == item)) {
                kept.add(file.text().substring(file.startOffset(item), file.endOffset(item)));
            }
        }
        if (kept.isEmpty()) {
            part.edit(
                    removal.file,
                    new YamlEdits(file).replaceEntry(removal.kustomization, removal.key, removal.key + ": []"),
                    0,
                    WritePhase.REMOVE);
        } else {
            part.edit(
                    removal.file,
                    new TextEdit(file.startOffset(seq), file.endOffset(seq), "[" + String.join(", ", kept) + "]"),
                    0,
                    WritePhase.REMOVE);
        }
    }

    /** Items to remove from one flow list. */
    private static final class FlowRemoval {
        final ManifestFile file;
        final MappingNode kustomization;
        final String key;
        final List<Node> items = new ArrayList<>();

        FlowRemoval(ManifestFile file, MappingNode kustomization, String key) {
            this.file = file;
            this.kustomization = kustomization;
            this.key = key;
        }
    }
}
