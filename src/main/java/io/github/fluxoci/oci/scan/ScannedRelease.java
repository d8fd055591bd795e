package io.github.fluxoci.oci.scan;

import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ResolvedNamespace;

/** One HelmRelease with its classification, reasons (why not migratable) and warnings (what to watch). */
public record ScannedRelease(KubeObject object, String name, ResolvedNamespace namespace, String chart, String version,
                             ReleaseStatus status, ChartSource source, OciTarget oci, List<String> reasons,
                             List<String> warnings) {

    public String file() {
        return object.file().relativePath();
    }

    public int line() {
        return object.line();
    }

    public String apiVersion() {
        return object.apiVersion();
    }

    /** {@code namespace/name}, or the name alone when the namespace is unknown. */
    public String qualifiedName() {
        return namespace.known() ? namespace.value() + "/" + name : name;
    }
}
