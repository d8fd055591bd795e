package io.github.fluxoci.oci.scan;

import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;

/**
 * Finds the source object (HelmRepository, OCIRepository) a release names, to read what it says (URL, type,
 * ref): the instance deployed in the release's cluster and namespace first; else an object of that name in that
 * namespace wherever it is built (or its own {@code metadata.namespace} when nothing builds it); else the only
 * object of that name. Whether the source is deployed where the release needs it is verify's question.
 */
public final class SourceLookup {

    private SourceLookup() {}

    public static KubeObject object(ManifestTree tree, String kind, String name, String namespace, String cluster) {
        if (name == null) {
            return null;
        }
        if (cluster != null) {
            ObjectInstance i = tree.find(ManifestTree.SOURCE_GROUP, kind, name, namespace, cluster);
            if (i != null) {
                return i.object();
            }
        }
        List<KubeObject> named = tree.named(ManifestTree.SOURCE_GROUP, kind, name);
        if (namespace != null) {
            for (KubeObject o : named) {
                boolean there = tree.instancesOf(o).isEmpty()
                        ? namespace.equals(o.metadataNamespace())
                        : tree.instancesOf(o).stream().anyMatch(i -> namespace.equals(i.namespaceValue()));
                if (there) {
                    return o;
                }
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    /** {@code " in namespace x"} and, in a tree of several clusters, {@code " of cluster y"}. */
    public static String where(ManifestTree tree, String namespace, String cluster) {
        String in = namespace != null ? " in namespace " + namespace : "";
        return tree.clusters().size() > 1 && cluster != null ? in + " of cluster " + cluster : in;
    }
}
