package io.github.fluxoci.oci.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;

/**
 * What the rules look at: the tree, its scan, and the policy the user configured.
 *
 * @param exceptions       releases allowed to stay on a HelmRepository
 * @param criticalReleases releases ({@code name}, {@code namespace/name}) or namespaces that must pin {@code ref.tag}
 * @param registry         the registry client with {@code -Doci.online=true}, else null
 * @param helm             the Helm repository client with {@code -Doci.online=true}, else null
 * @param catalog          where charts live as OCI (the user's mappings and the shipped catalog), or null
 * @param noCrossNamespaceRefs {@code oci.noCrossNamespaceRefs}: Flux's controllers run with
 *                         {@code --no-cross-namespace-refs=true} (the tree may say so too)
 */
public record VerifyContext(
        ManifestTree tree,
        ScanResult scan,
        List<ReleaseException> exceptions,
        List<String> criticalReleases,
        OciRegistryClient registry,
        HelmIndexClient helm,
        ChartCatalog catalog,
        boolean noCrossNamespaceRefs) {

    public VerifyContext {
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        criticalReleases = criticalReleases == null ? List.of() : List.copyOf(criticalReleases);
    }

    /** Without {@code oci.noCrossNamespaceRefs} (the tree may still say the controllers run with it). */
    public VerifyContext(
            ManifestTree tree,
            ScanResult scan,
            List<ReleaseException> exceptions,
            List<String> criticalReleases,
            OciRegistryClient registry,
            HelmIndexClient helm,
            ChartCatalog catalog) {
        this(tree, scan, exceptions, criticalReleases, registry, helm, catalog, false);
    }

    /** Online without a Helm repository client or catalog (the tag checks only). */
    public VerifyContext(
            ManifestTree tree,
            ScanResult scan,
            List<ReleaseException> exceptions,
            List<String> criticalReleases,
            OciRegistryClient registry) {
        this(tree, scan, exceptions, criticalReleases, registry, null, null);
    }

    /** Offline: no registry to ask. */
    public VerifyContext(
            ManifestTree tree, ScanResult scan, List<ReleaseException> exceptions, List<String> criticalReleases) {
        this(tree, scan, exceptions, criticalReleases, null, null, null);
    }

    /**
     * True when Flux applies the object: some entry point's build yields it; in a tree without entry points, some
     * kustomization builds its file.
     */
    public boolean applied(KubeObject object) {
        return tree.hasEntryPoints() ? tree.isDeployed(object) : tree.isBuilt(object.file());
    }

    /**
     * True when Flux reads the file: some build reaches it, or the tree is a bare folder of manifests (no entry point,
     * no kustomization: one build of everything).
     */
    public boolean reached(ManifestFile file) {
        return tree.isBuilt(file)
                || (!tree.hasEntryPoints() && tree.kustomizeFiles().isEmpty());
    }

    /**
     * The severity of a defect of a whole file: an error where Flux reads it, and in a tree with entry points (the
     * verifier notes it where no entry point builds the file); a warning in a file that no kustomization lists.
     */
    public Severity fileSeverity(ManifestFile file) {
        return reached(file) || tree.hasEntryPoints() ? Severity.ERROR : Severity.WARNING;
    }

    /** True when Flux applies the release instance (see {@link #applied(KubeObject)}). */
    public boolean applied(ScannedRelease release) {
        return release.deployed()
                && (tree.hasEntryPoints() || tree.isBuilt(release.object().file()));
    }

    /** The release instances an entry point builds: what most release rules walk. */
    public List<ScannedRelease> deployedReleases() {
        return scan.releases().stream().filter(ScannedRelease::deployed).toList();
    }

    /** The Flux of each cluster that builds the object (by cluster), or the tree's when none does (key ""). */
    public Map<String, FluxVersions.Stated> fluxOf(KubeObject o) {
        FluxVersions versions = scan.flux();
        Map<String, FluxVersions.Stated> out = new LinkedHashMap<>();
        for (ObjectInstance i : tree.instancesOf(o)) {
            out.put(String.valueOf(i.cluster()), versions.of(i.cluster()));
        }
        if (out.isEmpty()) {
            out.put("", versions.tree());
        }
        return out;
    }

    /** A finding placed at a node of an object (or at the object when the node is null). */
    public static Finding at(Rule rule, KubeObject object, Node node, String message) {
        int line = node != null ? object.lineOf(node) : object.line();
        int column = node != null ? object.columnOf(node) : object.column();
        return new Finding(rule.id(), rule.severity(), object.file().relativePath(), line, column, message);
    }
}
