package io.github.fluxoci.oci.tree;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One path that a kustomization lists under {@code resources}, {@code components} or a patch {@code path}.
 *
 * @param owner    the kustomization that lists it
 * @param role     where it is listed
 * @param value    the text as written (e.g. {@code ./helmrelease.yaml})
 * @param node     the scalar node (for positions and edits)
 * @param target   the path it points to, relative to the root and normalized, or null when remote or outside
 * @param status   what the path points to
 */
public record KustomizeEntry(KustomizeFile owner, Role role, String value, Node node, String target, Status status) {

    public enum Role {
        RESOURCE,
        COMPONENT,
        PATCH
    }

    public enum Status {
        /** a YAML file of the tree */
        FILE,
        /** a directory of the tree (its kustomization is built) */
        DIRECTORY,
        /** a path inside the tree that does not exist */
        MISSING,
        /** a URL or remote base: not looked at */
        REMOTE,
        /** a {@code ../} path or link that leaves the scanned root: never followed */
        OUTSIDE_ROOT,
        /** a file that exists but is not scanned (excluded, or not YAML) */
        OTHER_FILE
    }

    public int line() {
        return owner.file().yaml().lineNumber(owner.file().yaml().startOffset(node));
    }

    public int column() {
        return owner.file().yaml().columnNumber(owner.file().yaml().startOffset(node));
    }
}
