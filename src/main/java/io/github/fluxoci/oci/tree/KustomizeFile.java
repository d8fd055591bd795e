package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * A kustomize {@code kustomization.yaml} (kind {@code Kustomization} or {@code Component}) with the paths it lists.
 */
public final class KustomizeFile {

    private final ManifestFile file;
    private final MappingNode root;
    private final String kind;
    private final String namespace;
    private final List<KustomizeEntry> entries = new ArrayList<>();

    KustomizeFile(ManifestFile file, MappingNode root, String kind, String namespace) {
        this.file = file;
        this.root = root;
        this.kind = kind;
        this.namespace = namespace;
    }

    public ManifestFile file() {
        return file;
    }

    public MappingNode root() {
        return root;
    }

    /** {@code Kustomization} or {@code Component}. */
    public String kind() {
        return kind;
    }

    /** The {@code namespace:} it sets, or null. */
    public String namespace() {
        return namespace;
    }

    /** The directory that holds it, relative to the root ("" for the root itself). */
    public String directory() {
        return file.directory();
    }

    public List<KustomizeEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public List<KustomizeEntry> entries(KustomizeEntry.Role role) {
        return entries.stream().filter(e -> e.role() == role).toList();
    }

    void add(KustomizeEntry entry) {
        entries.add(entry);
    }

    @Override
    public String toString() {
        return file.relativePath();
    }
}
