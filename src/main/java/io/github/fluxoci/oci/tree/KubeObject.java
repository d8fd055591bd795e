package io.github.fluxoci.oci.tree;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * One Kubernetes object: a YAML document with {@code apiVersion} and {@code kind}. {@code line} and
 * {@code column} (1-based) are where the document's content starts.
 */
public record KubeObject(
        ManifestFile file,
        int documentIndex,
        MappingNode root,
        String apiVersion,
        String kind,
        String name,
        String metadataNamespace,
        int line,
        int column) {

    static KubeObject of(ManifestFile file, int documentIndex, MappingNode root, int line, int column) {
        return new KubeObject(
                file,
                documentIndex,
                root,
                Nodes.text(root, "apiVersion"),
                Nodes.text(root, "kind"),
                Nodes.text(root, "metadata", "name"),
                Nodes.text(root, "metadata", "namespace"),
                line,
                column);
    }

    /** The API group, e.g. {@code helm.toolkit.fluxcd.io}, or "" for the core group. */
    public String group() {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version part of apiVersion, e.g. {@code v2beta1}. */
    public String version() {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    public boolean is(String group, String kind) {
        return group.equals(group()) && kind.equals(this.kind);
    }

    /** 1-based line of a node of this object. */
    public int lineOf(Node node) {
        return file.yaml().lineNumber(file.yaml().startOffset(node));
    }

    /** 1-based column of a node of this object. */
    public int columnOf(Node node) {
        return file.yaml().columnNumber(file.yaml().startOffset(node));
    }

    /** {@code Kind/namespace/name} or {@code Kind/name} for messages. */
    public String describe() {
        return kind + "/" + (metadataNamespace != null ? metadataNamespace + "/" : "") + name;
    }
}
