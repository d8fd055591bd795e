package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * New files listed in kustomizations. While the releases are planned, each step asks for entries as
 * {@link PlanPart.Listing}s ({@link #in}, {@link #besideRelease}, {@link #component}); once all are known,
 * {@link #edits} writes each list once, in its order (sorted lists stay sorted) and in its style.
 */
final class KustomizationAdditions {

    private KustomizationAdditions() {}

    /** The edits that add every requested entry, once per list and value. */
    static PlanPart edits(List<PlanPart.Listing> listings) {
        Map<SequenceNode, ListAddition> additions = new IdentityHashMap<>();
        Map<KustomizeFile, List<String>> newComponentLists = new LinkedHashMap<>();
        for (PlanPart.Listing l : listings) {
            List<String> values = l.list() != null
                    ? additions.computeIfAbsent(l.list(), s -> new ListAddition(l.kustomization())).values
                    : newComponentLists.computeIfAbsent(l.kustomization(), k -> new ArrayList<>());
            if (!values.contains(l.value())) {
                values.add(l.value());
            }
        }
        PlanPart.Builder out = new PlanPart.Builder();
        additions.forEach((seq, add) -> addToList(seq, add, out));
        newComponentLists.forEach((k, values) -> newComponentsList(k, values, out));
        return out.build();
    }

    private static void newComponentsList(KustomizeFile k, List<String> values, PlanPart.Builder out) {
        StringBuilder block = new StringBuilder("components:");
        values.forEach(v -> block.append("\n  - ").append(YamlEdits.stringScalar(v)));
        MappingNode root = k.root();
        String after = null;
        for (int i = 0; i < root.getValue().size(); i++) {
            if (root.getValue().get(i).getKeyNode() instanceof ScalarNode key
                    && key.getValue().equals("resources")) {
                after = i == 0 ? null : ((ScalarNode) root.getValue().get(i - 1).getKeyNode()).getValue();
            }
        }
        YamlEdits edits = new YamlEdits(k.file().yaml());
        out.edit(k.file(), edits.insertEntry(root, block.toString(), after), 0, WritePhase.ADD);
    }

    /** Lists a new file in the resources of a kustomization (a folder of shared sources). */
    static PlanPart in(ManifestTree tree, KustomizeFile k, String newPath) {
        if (!(Nodes.get(k.root(), "resources") instanceof SequenceNode seq)) {
            return PlanPart.warning(k.file().relativePath() + " has no resources list: add " + newPath + " to it");
        }
        if (tree.listersOf(newPath).stream().anyMatch(e -> e.owner() == k)) {
            return PlanPart.EMPTY;
        }
        return new PlanPart.Builder()
                .list(k, seq, styled(seq, relative(k.directory(), newPath)))
                .build();
    }

    /**
     * A path within the folder written as the list's other local entries are: {@code ./x.yaml} when most of them start
     * with {@code ./} (or the list has none to follow), {@code x.yaml} when most do not. A path that leaves the folder
     * stays as it is.
     */
    static String styled(SequenceNode list, String relative) {
        if (relative.startsWith("..")) {
            return relative;
        }
        int dotted = 0;
        int plain = 0;
        for (Node item : list == null ? List.<Node>of() : list.getValue()) {
            if (item instanceof ScalarNode v && !v.getValue().startsWith("../")) {
                if (v.getValue().startsWith("./")) {
                    dotted++;
                } else {
                    plain++;
                }
            }
        }
        return plain > dotted ? relative : "./" + relative;
    }

    /** Includes a component folder in a kustomization's {@code components} (made when it has none). */
    static PlanPart component(ManifestTree tree, KustomizeFile k, String componentFolder) {
        if (tree.listersOf(componentFolder).stream()
                .anyMatch(e -> e.owner() == k && e.role() == KustomizeEntry.Role.COMPONENT)) {
            return PlanPart.EMPTY;
        }
        SequenceNode list = Nodes.get(k.root(), "components") instanceof SequenceNode seq ? seq : null;
        String value = styled(
                list != null ? list : Nodes.get(k.root(), "resources") instanceof SequenceNode r ? r : null,
                relative(k.directory(), componentFolder));
        return new PlanPart.Builder().list(k, list, value).build();
    }

    /** {@code a/b} to {@code a/c/d}: {@code ../c/d}. */
    static String relative(String fromDir, String to) {
        return java.nio.file.Path.of(fromDir)
                .relativize(java.nio.file.Path.of(to))
                .toString()
                .replace('\\', '/');
    }

    /** Lists a new file in the resources of each kustomization that lists the release's file. */
    static PlanPart besideRelease(ManifestTree tree, ScannedRelease r, String newPath) {
        List<KustomizeEntry> listers = tree.listersOf(r.file()).stream()
                .filter(e -> e.role() == KustomizeEntry.Role.RESOURCE)
                .toList();
        if (listers.isEmpty()) {
            return tree.isBuilt(r.object().file())
                    ? PlanPart.EMPTY
                    : PlanPart.warning(r.file() + ": no kustomization lists it, so none lists " + newPath + " either");
        }
        PlanPart.Builder out = new PlanPart.Builder();
        for (KustomizeEntry lister : listers) {
            KustomizeFile k = lister.owner();
            if (Nodes.get(k.root(), "resources") instanceof SequenceNode seq
                    && tree.listersOf(newPath).stream().noneMatch(e -> e.owner() == k)) {
                out.list(k, seq, sibling(lister.value(), newPath.substring(newPath.lastIndexOf('/') + 1)));
            }
        }
        return out.build();
    }

    /** {@code ./app/helmrelease.yaml} + {@code ocirepository.yaml} -> {@code ./app/ocirepository.yaml}. */
    static String sibling(String listedValue, String fileName) {
        int slash = listedValue.lastIndexOf('/');
        return slash < 0 ? fileName : listedValue.substring(0, slash + 1) + fileName;
    }

    private static void addToList(SequenceNode seq, ListAddition add, PlanPart.Builder out) {
        ManifestFile file = add.kustomization.file();
        YamlEdits edits = new YamlEdits(file.yaml());
        String key = keyOf(add.kustomization.root(), seq);
        if (seq.getValue().isEmpty() && seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW && key != null) {
            // "resources: []" has no style of its own to keep: it becomes a block list, as the rest of the file
            StringBuilder block = new StringBuilder(key).append(':');
            add.values.forEach(v -> block.append("\n  - ").append(YamlEdits.stringScalar(v)));
            out.edit(file, edits.replaceEntry(add.kustomization.root(), key, block.toString()), 0, WritePhase.ADD);
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
            TextEdit e = edits.insertSequenceItem(seq, index, YamlEdits.stringScalar(value));
            byIndex.computeIfAbsent(index, i -> new StringBuilder()).append(e.replacement());
            atOffset.put(index, e.start());
        }
        for (Map.Entry<Integer, StringBuilder> e : byIndex.entrySet()) {
            out.edit(
                    file, TextEdit.insert(atOffset.get(e.getKey()), e.getValue().toString()), 0, WritePhase.ADD);
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
