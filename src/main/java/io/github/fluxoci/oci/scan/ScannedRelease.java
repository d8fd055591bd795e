package io.github.fluxoci.oci.scan;

import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.tree.ResolvedNamespace;

/**
 * One HelmRelease as one build deploys it, with its classification, reasons (why not migratable) and warnings
 * (what to watch). A release document built twice (a shared component, two clusters) is scanned once per
 * instance; a document that no entry point builds is scanned once, with no instance.
 *
 * @param instance the build instance, or null when nothing deploys the document
 */
public record ScannedRelease(
        KubeObject object,
        ObjectInstance instance,
        String name,
        ResolvedNamespace namespace,
        String chart,
        String version,
        ReleaseStatus status,
        ChartSource source,
        OciTarget oci,
        List<String> reasons,
        List<String> warnings) {

    public String file() {
        return object.file().relativePath();
    }

    /** This release instance with another status, OCI target, reasons and warnings (an online check's answer). */
    public ScannedRelease with(ReleaseStatus status, OciTarget target, List<String> reasons, List<String> warnings) {
        return new ScannedRelease(
                object,
                instance,
                name,
                namespace,
                chart,
                version,
                status,
                source,
                target,
                List.copyOf(reasons),
                List.copyOf(warnings));
    }

    public int line() {
        return object.line();
    }

    public String apiVersion() {
        return object.apiVersion();
    }

    /** True when some entry point builds it (always, in a tree without entry points). */
    public boolean deployed() {
        return instance != null;
    }

    /** The cluster its instance is applied to, or null when it is not deployed. */
    public String cluster() {
        return instance == null ? null : instance.cluster();
    }

    /** {@code namespace/name}, or the name alone when the namespace is unknown. */
    public String qualifiedName() {
        return namespace.known() ? namespace.value() + "/" + name : name;
    }

    /**
     * True when a configuration list names this release: {@code name}, {@code namespace/name}, or (with
     * {@code namespacesToo}) its namespace ({@code <criticalReleases>}, {@code <exceptions>}).
     */
    public boolean isNamedBy(List<String> entries, boolean namespacesToo) {
        for (String e : entries) {
            String t = e.trim();
            if (t.equals(name)
                    || t.equals(qualifiedName())
                    || (namespacesToo && namespace.known() && t.equals(namespace.value()))) {
                return true;
            }
        }
        return false;
    }
}
