package io.github.fluxoci.oci.tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.fluxoci.oci.yaml.YamlFile;

/** A YAML file of the tree: its path relative to the root, its parsed text (null when it could not be parsed), its objects. */
public final class ManifestFile {

    private final String relativePath;
    private final Path path;
    private final YamlFile yaml;
    private final List<KubeObject> objects = new ArrayList<>();

    ManifestFile(String relativePath, Path path, YamlFile yaml) {
        this.relativePath = relativePath;
        this.path = path;
        this.yaml = yaml;
    }

    /** Path relative to the scanned root, {@code /}-separated. */
    public String relativePath() {
        return relativePath;
    }

    public Path path() {
        return path;
    }

    /** The parsed text, or null when the file could not be read or parsed (see the tree's problems). */
    public YamlFile yaml() {
        return yaml;
    }

    public boolean parsed() {
        return yaml != null;
    }

    public List<KubeObject> objects() {
        return Collections.unmodifiableList(objects);
    }

    void add(KubeObject object) {
        objects.add(object);
    }

    /** The directory part of the relative path ("" at the root). */
    public String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }

    /** The file name. */
    public String name() {
        int slash = relativePath.lastIndexOf('/');
        return relativePath.substring(slash + 1);
    }

    @Override
    public String toString() {
        return relativePath;
    }
}
