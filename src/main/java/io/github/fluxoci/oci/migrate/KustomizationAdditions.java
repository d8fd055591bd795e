package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * New files listed in the kustomizations that list their release: collected per {@code resources} list while the
 * releases are planned, then written once per list, in its order (sorted lists stay sorted) and in its style.
 */
final class KustomizationAdditions {

    private final ManifestTree tree;
    private final Function<ManifestFile, FileWork> work;
    private final List<String> warnings;
    /** kustomization resources list -> entries to add */
    private final Map<SequenceNode, ListAddition> additions = new IdentityHashMap<>();

    KustomizationAdditions(ManifestTree tree, Function<ManifestFile, FileWork> work, List<String> warnings) {
        this.tree = tree;
        this.work = work;
        this.warnings = warnings;
    }

    /** kustomizations without a {@code components} list -> components to list in a new one */
    private final Map<KustomizeFile, List<String>> newComponentLists = new LinkedHashMap<>();

    /** The edits of every list, once all releases are planned. */
    void write() {
        for (Map.Entry<SequenceNode, ListAddition> e : additions.entrySet()) {
            addToList(e.getKey(), e.getValue());
        }
        for (Map.Entry<KustomizeFile, List<String>> e : newComponentLists.entrySet()) {
            KustomizeFile k = e.getKey();
            FileWork w = work.apply(k.file());
            StringBuilder block = new StringBuilder("components:");
            e.getValue().forEach(v -> block.append("\n  - ").append(YamlEdits.stringScalar(v)));
            MappingNode root = k.root();
            String after = null;
            for (int i = 0; i < root.getValue().size(); i++) {
                if (root.getValue().get(i).getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("resources")) {
                    after = i == 0
                            ? null
                            : ((ScalarNode) root.getValue().get(i - 1).getKeyNode()).getValue();
                }
            }
            w.add(w.edits.insertEntry(root, block.toString(), after), 0, MigrationPlanner.ADD);
        }
    }

    /** Adds a new file to the resources of a kustomization (a folder of shared sources). */
    void listIn(KustomizeFile k, String newPath, List<String> changed) {
        if (!(Nodes.get(k.root(), "resources") instanceof SequenceNode seq)) {
            warnings.add(k.file().relativePath() + " has no resources list: add " + newPath + " to it");
            return;
        }
        if (tree.listersOf(newPath).stream().anyMatch(e -> e.owner() == k)) {
            return;
        }
        String value = "./" + relative(k.directory(), newPath);
        ListAddition add = additions.computeIfAbsent(seq, s -> new ListAddition(k));
        if (!add.values.contains(value)) {
            add.values.add(value);
        }
        if (!changed.contains(k.file().relativePath())) {
            changed.add(k.file().relativePath());
        }
    }

    /** Includes a component folder in a kustomization's {@code components} (made when it has none). */
    void includeComponent(KustomizeFile k, String componentFolder, List<String> changed) {
        if (tree.listersOf(componentFolder).stream()
                .anyMatch(e -> e.owner() == k && e.role() == KustomizeEntry.Role.COMPONENT)) {
            return;
        }
        String rel = relative(k.directory(), componentFolder);
        String value = rel.startsWith("..") ? rel : "./" + rel;
        Node list = Nodes.get(k.root(), "components");
        List<String> values;
        if (list instanceof SequenceNode seq) {
            values = additions.computeIfAbsent(seq, s -> new ListAddition(k)).values;
        } else {
            values = newComponentLists.computeIfAbsent(k, x -> new ArrayList<>());
        }
        if (!values.contains(value)) {
            values.add(value);
        }
        if (!changed.contains(k.file().relativePath())) {
            changed.add(k.file().relativePath());
        }
    }

    /** {@code a/b} to {@code a/c/d}: {@code ../c/d}. */
    static String relative(String fromDir, String to) {
        return java.nio.file.Path.of(fromDir)
                .relativize(java.nio.file.Path.of(to))
                .toString()
                .replace('\\', '/');
    }

    /** Adds the new file to the resources of the kustomization that lists the release's file. */
    void listBeside(ScannedRelease r, String newPath, List<String> changed) {
        List<KustomizeEntry> listers = tree.listersOf(r.file()).stream()
                .filter(e -> e.role() == KustomizeEntry.Role.RESOURCE)
                .toList();
        if (listers.isEmpty()) {
            if (!tree.isBuilt(r.object().file())) {
                warnings.add(r.file() + ": no kustomization lists it, so none lists " + newPath + " either");
            }
            return;
        }
        for (KustomizeEntry lister : listers) {
            KustomizeFile k = lister.owner();
            Node listNode = Nodes.get(k.root(), "resources");
            if (!(listNode instanceof SequenceNode seq)) {
                continue;
            }
            boolean alreadyListed = tree.listersOf(newPath).stream().anyMatch(e -> e.owner() == k);
            String value = sibling(lister.value(), newPath.substring(newPath.lastIndexOf('/') + 1));
            ListAddition add = additions.computeIfAbsent(seq, s -> new ListAddition(k));
            if (!alreadyListed && !add.values.contains(value)) {
                add.values.add(value);
            }
            if (!changed.contains(k.file().relativePath()) && !alreadyListed) {
                changed.add(k.file().relativePath());
            }
        }
    }

    /** {@code ./app/helmrelease.yaml} + {@code ocirepository.yaml} -> {@code ./app/ocirepository.yaml}. */
    static String sibling(String listedValue, String fileName) {
        int slash = listedValue.lastIndexOf('/');
        return slash < 0 ? fileName : listedValue.substring(0, slash + 1) + fileName;
    }

    private void addToList(SequenceNode seq, ListAddition add) {
        if (add.values.isEmpty()) {
            return;
        }
        FileWork w = work.apply(add.kustomization.file());
        String key = keyOf(add.kustomization.root(), seq);
        if (seq.getValue().isEmpty() && seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW && key != null) {
            // "resources: []" has no style of its own to keep: it becomes a block list, as the rest of the file
            StringBuilder block = new StringBuilder(key).append(':');
            add.values.forEach(v -> block.append("\n  - ").append(YamlEdits.stringScalar(v)));
            w.add(w.edits.replaceEntry(add.kustomization.root(), key, block.toString()), 0, MigrationPlanner.ADD);
            return;
        }
        List<String> existing = new ArrayList<>();
        for (Node item : seq.getValue()) {
            existing.add(item instanceof ScalarNode s ? s.getValue() : "");
        }
        boolean sorted = existing.size() >= 2 && isSorted(existing);
        Map<Integer, StringBuilder> byIndex = new LinkedHashMap<>();
        Map<Integer, Integer> atOffset = new LinkedHashMap<>();
        for (String value : add.values) {
            int index = existing.size();
            if (sorted) {
                index = 0;
                while (index < existing.size() && key(existing.get(index)).compareTo(key(value)) < 0) {
                    index++;
                }
            }
            TextEdit e = w.edits.insertSequenceItem(seq, index, YamlEdits.stringScalar(value));
            byIndex.computeIfAbsent(index, i -> new StringBuilder()).append(e.replacement());
            atOffset.put(index, e.start());
        }
        for (Map.Entry<Integer, StringBuilder> e : byIndex.entrySet()) {
            w.add(TextEdit.insert(atOffset.get(e.getKey()), e.getValue().toString()), 0, MigrationPlanner.ADD);
        }
    }

    private static String keyOf(MappingNode root, SequenceNode seq) {
        for (org.yaml.snakeyaml.nodes.NodeTuple t : root.getValue()) {
            if (t.getValueNode() == seq && t.getKeyNode() instanceof ScalarNode k) {
                return k.getValue();
            }
        }
        return null;
    }

    private static boolean isSorted(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (key(values.get(i - 1)).compareTo(key(values.get(i))) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String key(String value) {
        return value.startsWith("./") ? value.substring(2) : value;
    }

    /** Entries to add to one kustomization list. */
    private static final class ListAddition {
        final KustomizeFile kustomization;
        final List<String> values = new ArrayList<>();

        ListAddition(KustomizeFile kustomization) {
            this.kustomization = kustomization;
        }
    }
}
