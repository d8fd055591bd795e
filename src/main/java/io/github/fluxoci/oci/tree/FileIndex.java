package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of the tree by path, the directories that hold them, and every Kubernetes object by kind and name.
 * Paths are relative to the scanned root, {@code /}-separated, "" for the root itself.
 */
final class FileIndex {

    private final List<ManifestFile> files;
    private final Map<String, ManifestFile> byPath = new HashMap<>();
    private final Map<String, List<ManifestFile>> filesByDirectory = new HashMap<>();
    private final Map<String, Set<String>> subdirectories = new HashMap<>();
    private final List<KubeObject> objects = new ArrayList<>();
    private final Map<String, List<KubeObject>> byKindAndName = new HashMap<>();

    FileIndex(List<ManifestFile> files) {
        this.files = List.copyOf(files);
        for (ManifestFile f : this.files) {
            byPath.put(f.relativePath(), f);
            filesByDirectory
                    .computeIfAbsent(f.directory(), d -> new ArrayList<>())
                    .add(f);
            String dir = f.directory();
            while (!dir.isEmpty()) {
                String parent = parentOf(dir);
                if (!subdirectories
                        .computeIfAbsent(parent, p -> new TreeSet<>())
                        .add(dir)) {
                    break;
                }
                dir = parent;
            }
            subdirectories.computeIfAbsent(f.directory(), d -> new TreeSet<>());
            for (KubeObject o : f.objects()) {
                objects.add(o);
                if (o.kind() != null && o.name() != null) {
                    byKindAndName
                            .computeIfAbsent(o.kind() + "/" + o.name(), k -> new ArrayList<>())
                            .add(o);
                }
            }
        }
        subdirectories.computeIfAbsent("", d -> new TreeSet<>());
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    List<ManifestFile> files() {
        return files;
    }

    ManifestFile file(String relativePath) {
        return byPath.get(relativePath);
    }

    boolean isDirectory(String relativePath) {
        return subdirectories.containsKey(relativePath);
    }

    /** The scanned files directly in a directory, sorted by name. */
    List<ManifestFile> filesIn(String directory) {
        return filesByDirectory.getOrDefault(directory, List.of());
    }

    /** The directories directly below a directory that hold scanned files somewhere below them, sorted. */
    Set<String> subdirectoriesOf(String directory) {
        return Collections.unmodifiableSet(subdirectories.getOrDefault(directory, Set.of()));
    }

    /** Every directory that holds scanned files somewhere below it ("" for the root). */
    Set<String> directories() {
        return Collections.unmodifiableSet(subdirectories.keySet());
    }

    List<KubeObject> objects() {
        return Collections.unmodifiableList(objects);
    }

    List<KubeObject> objectsNamed(String kind, String name) {
        return byKindAndName.getOrDefault(kind + "/" + name, List.of());
    }
}
