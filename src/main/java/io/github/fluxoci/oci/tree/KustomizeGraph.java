package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The kustomize side of the tree: every {@code kustomization.yaml} (Kustomization or Component), the paths it
 * lists under {@code resources}/{@code bases}, {@code components} and patches, and for every path the entries
 * that list it. Paths that climb out of the root or follow a link out of it are problems, never followed.
 */
final class KustomizeGraph {

    static final Set<String> FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Path root;
    private final Path realRoot;
    private final FileIndex index;
    private final List<Problem> problems;
    private final Map<String, KustomizeFile> byDirectory = new HashMap<>();
    private final List<KustomizeFile> files = new ArrayList<>();
    private final Map<String, List<KustomizeEntry>> listers = new HashMap<>();

    KustomizeGraph(Path root, Path realRoot, FileIndex index, List<Problem> problems) {
        this.root = root;
        this.realRoot = realRoot;
        this.index = index;
        this.problems = problems;
        for (ManifestFile f : index.files()) {
            if (FILE_NAMES.contains(f.name()) && f.parsed() && !f.objects().isEmpty()) {
                KubeObject first = f.objects().get(0);
                boolean kustomize = first.kind() == null || ManifestTree.KUSTOMIZE_GROUP.equals(first.group());
                if (kustomize) {
                    String kind = first.kind() == null ? "Kustomization" : first.kind();
                    KustomizeFile k = new KustomizeFile(f, first.root(), kind, Nodes.text(first.root(), "namespace"));
                    files.add(k);
                    byDirectory.putIfAbsent(f.directory(), k);
                }
            }
        }
        for (KustomizeFile k : files) {
            readEntries(k);
        }
    }

    List<KustomizeFile> files() {
        return Collections.unmodifiableList(files);
    }

    /** The kustomization of a directory ("" = root), or null. */
    KustomizeFile in(String directory) {
        return byDirectory.get(directory);
    }

    /** True when the directory holds a file with a kustomization file name, whatever it contains. */
    boolean hasKustomizationFileName(String directory) {
        for (String name : FILE_NAMES) {
            if (index.file(directory.isEmpty() ? name : directory + "/" + name) != null) {
                return true;
            }
        }
        return false;
    }

    List<KustomizeEntry> listersOf(String relativePath) {
        return listers.getOrDefault(relativePath, List.of());
    }

    /** True when kustomizations list this file only under patches: its documents are overlays, not objects. */
    boolean isPatchOnly(ManifestFile file) {
        List<KustomizeEntry> entries = listersOf(file.relativePath());
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.role() == KustomizeEntry.Role.PATCH);
    }

    private void readEntries(KustomizeFile k) {
        forEachEntry(k.root(), (role, item) -> addEntry(k, role, item));
    }

    /**
     * Every path a kustomization lists, with its role: {@code resources}/{@code bases}, {@code components},
     * {@code patches[].path}/{@code patchesJson6902[].path}, and file names under {@code patchesStrategicMerge}
     * (inline patches there are not paths). Items are the YAML nodes as written; non-scalars are passed on too.
     */
    static void forEachEntry(MappingNode root, BiConsumer<KustomizeEntry.Role, Node> action) {
        for (String key : List.of("resources", "bases")) {
            for (Node item : Nodes.items(root, key)) {
                action.accept(KustomizeEntry.Role.RESOURCE, item);
            }
        }
        for (Node item : Nodes.items(root, "components")) {
            action.accept(KustomizeEntry.Role.COMPONENT, item);
        }
        for (String key : List.of("patches", "patchesJson6902")) {
            for (Node item : Nodes.items(root, key)) {
                Node path = Nodes.get(item, "path");
                if (path != null) {
                    action.accept(KustomizeEntry.Role.PATCH, path);
                }
            }
        }
        for (Node item : Nodes.items(root, "patchesStrategicMerge")) {
            if (item instanceof ScalarNode s
                    && s.getValue().indexOf('\n') < 0
                    && !s.getValue().contains(":")) {
                action.accept(KustomizeEntry.Role.PATCH, item);
            }
        }
    }

    private void addEntry(KustomizeFile k, KustomizeEntry.Role role, Node item) {
        if (!(item instanceof ScalarNode scalar)) {
            return;
        }
        String value = scalar.getValue().trim();
        if (value.isEmpty()) {
            return;
        }
        KustomizeEntry entry;
        if (isRemote(value)) {
            entry = new KustomizeEntry(k, role, value, item, null, KustomizeEntry.Status.REMOTE);
        } else {
            String target = normalize(k.directory(), value);
            KustomizeEntry.Status status = target == null ? KustomizeEntry.Status.OUTSIDE_ROOT : statusOf(target);
            entry = new KustomizeEntry(
                    k, role, value, item, status == KustomizeEntry.Status.OUTSIDE_ROOT ? null : target, status);
            if (status == KustomizeEntry.Status.OUTSIDE_ROOT) {
                problems.add(new Problem(
                        k.file().relativePath(),
                        entry.line(),
                        entry.column(),
                        role.name().toLowerCase(Locale.ROOT) + " path \"" + value
                                + "\" leaves the scanned tree; not followed"
                                + " (scan a directory that contains it with -Doci.directory=...)"));
            }
        }
        k.add(entry);
        if (entry.target() != null) {
            listers.computeIfAbsent(entry.target(), t -> new ArrayList<>()).add(entry);
        }
    }

    private KustomizeEntry.Status statusOf(String target) {
        if (index.file(target) != null) {
            return KustomizeEntry.Status.FILE;
        }
        Path p = target.isEmpty() ? root : root.resolve(target);
        if (index.isDirectory(target) && !Files.isSymbolicLink(p)) {
            return KustomizeEntry.Status.DIRECTORY;
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return KustomizeEntry.Status.MISSING;
        }
        try {
            if (!p.toRealPath().startsWith(realRoot)) {
                return KustomizeEntry.Status.OUTSIDE_ROOT;
            }
        } catch (IOException e) {
            return KustomizeEntry.Status.MISSING;
        }
        return Files.isDirectory(p) ? KustomizeEntry.Status.DIRECTORY : KustomizeEntry.Status.OTHER_FILE;
    }

    static boolean isRemote(String value) {
        return value.contains("://")
                || value.startsWith("github.com/")
                || value.startsWith("git@")
                || value.contains("?ref=")
                || value.startsWith("gitlab.com/");
    }

    /** Joins a path to a directory and normalizes it; null when it climbs out of the root. */
    static String normalize(String directory, String path) {
        List<String> parts = new ArrayList<>();
        if (!path.startsWith("/") && !directory.isEmpty()) {
            Collections.addAll(parts, directory.split("/"));
        }
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
