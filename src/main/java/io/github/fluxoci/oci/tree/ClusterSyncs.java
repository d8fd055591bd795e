package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * What the clusters of a tree sync, whatever the names: each FluxInstance's {@code spec.sync} (any kind, any name,
 * however the instance is written: {@link FluxInstanceSpec}), each bootstrap {@code flux-system/gotk-sync.yaml}
 * (its Kustomization, or, where bootstrap writes it at install time, the cluster folder that holds it), and so which
 * sources are "this repository": theirs, and every GitRepository of the tree at the same URL. An OCIRepository or
 * Bucket sync applies an artifact CI pushes from a folder of the repository ({@link ArtifactRoots}).
 */
final class ClusterSyncs {

    static final String THIS_REPOSITORY = "GitRepository/flux-system";

    final List<FluxInstanceSpec.Sync> syncs = new ArrayList<>();
    final Map<KubeObject, FluxInstanceSpec.Sync> syncOf = new IdentityHashMap<>();
    final Set<String> thisRepository = new LinkedHashSet<>();
    final List<String> clusterFolders = new ArrayList<>();
    final Set<KubeObject> bootstrapSyncs = Collections.newSetFromMap(new IdentityHashMap<>());
    /** whether the tree says what a cluster syncs now (a sync whose path is in the tree, or a bootstrap folder) */
    final boolean declared;

    private final FileIndex index;
    private final FluxSourcePaths paths;

    /** Reads the syncs of the tree; finds where OCI-artifact syncs are pushed from (saying so in {@code notices}). */
    ClusterSyncs(
            List<FluxInstanceSpec> fluxInstances,
            FileIndex index,
            FluxSourcePaths paths,
            List<String> artifactRoots,
            List<TreeNotice> notices) {
        this.index = index;
        this.paths = paths;
        for (FluxInstanceSpec spec : fluxInstances) {
            FluxInstanceSpec.Sync sync = spec.sync();
            if (sync != null && sync.path() != null) {
                syncs.add(sync);
                syncOf.put(spec.declaredBy(), sync);
                thisRepository.add(sync.sourceKey());
            }
        }
        for (ManifestFile f : index.files()) {
            if (f.relativePath().equals(EntryPointFinder.BOOTSTRAP_SYNC)
                    || f.relativePath().endsWith("/" + EntryPointFinder.BOOTSTRAP_SYNC)) {
                List<KubeObject> syncKustomizations = f.objects().stream()
                        .filter(o -> o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization"))
                        .toList();
                syncKustomizations.forEach(k -> thisRepository.add(sourceKey(k, null)));
                bootstrapSyncs.addAll(syncKustomizations);
                if (syncKustomizations.isEmpty()) {
                    // bootstrap writes the sync at install time: the cluster folder is a root of its own
                    clusterFolders.add(FileIndex.parentOf(f.directory()));
                    thisRepository.add(THIS_REPOSITORY);
                }
            }
        }
        sameUrl();
        for (FluxInstanceSpec.Sync sync : syncs) {
            if (sync.isArtifact()) {
                new ArtifactRoots(index, paths, artifactRoots, notices).resolve(sync, kustomizationsOf(sync));
            }
        }
        // a sync whose path is gone (an archived gotk-sync.yaml) says nothing about what the clusters sync now; an
        // artifact sync whose folder is unknown still says the tree is not one build of everything
        declared = !clusterFolders.isEmpty()
                || syncs.stream()
                        .anyMatch(y -> y.isArtifact() || paths.exists(paths.pathOf(y.kind(), y.name(), y.path())))
                || bootstrapSyncs.stream().anyMatch(k -> paths.exists(paths.pathOf(k)));
    }

    /** Every GitRepository of the tree at the URL of a source of this repository is this repository too. */
    private void sameUrl() {
        Set<String> urls = new LinkedHashSet<>();
        syncs.stream().map(FluxInstanceSpec.Sync::url).forEach(u -> urls.add(normalizeUrl(u)));
        for (KubeObject g : index.objects()) {
            if (g.is(ManifestTree.SOURCE_GROUP, "GitRepository")
                    && thisRepository.contains("GitRepository/" + g.name())) {
                urls.add(normalizeUrl(Nodes.text(g.root(), "spec", "url")));
            }
        }
        urls.remove(null);
        for (KubeObject g : index.objects()) {
            if (g.is(ManifestTree.SOURCE_GROUP, "GitRepository")
                    && urls.contains(normalizeUrl(Nodes.text(g.root(), "spec", "url")))) {
                thisRepository.add("GitRepository/" + g.name());
            }
        }
    }

    private List<KubeObject> kustomizationsOf(FluxInstanceSpec.Sync sync) {
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject o : index.objects()) {
            if (o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization")
                    && sync.sourceKey().equals(sourceKey(o, null))) {
                out.add(o);
            }
        }
        return out;
    }

    /** Flux Kustomizations of this repository whose declared path is not in the tree. */
    Map<KubeObject, String> missingPaths(List<KubeObject> fluxKustomizations) {
        Map<KubeObject, String> out = new IdentityHashMap<>();
        for (KubeObject k : fluxKustomizations) {
            String written = Nodes.text(k.root(), "spec", "path");
            String name = Nodes.text(k.root(), "spec", "sourceRef", "name");
            String key = sourceKey(k, null);
            boolean ours = name != null && thisRepository.contains(key) && !key.startsWith("ExternalArtifact/");
            if (ours && written != null && !written.contains("${")) {
                String kind = key.substring(0, key.indexOf('/'));
                String path = paths.pathOf(kind, name, written);
                boolean artifactUnknown = !"GitRepository".equals(kind) && path == null;
                if (!artifactUnknown && !paths.exists(path)) {
                    out.put(k, written);
                }
            }
        }
        return out;
    }

    /** {@code GitRepository/flux-system}: the source a Kustomization builds from (GitRepository by default). */
    static String sourceKey(KubeObject k, ObjectInstance applied) {
        String kind = applied != null
                ? applied.text("spec", "sourceRef", "kind")
                : Nodes.text(k.root(), "spec", "sourceRef", "kind");
        String name = applied != null
                ? applied.text("spec", "sourceRef", "name")
                : Nodes.text(k.root(), "spec", "sourceRef", "name");
        return (kind == null ? "GitRepository" : kind) + "/" + name;
    }

    /** A git URL without scheme, user, {@code .git} and trailing slash, lower case; null for none. */
    static String normalizeUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^[a-z+]+://", "").replaceFirst("^[^@/]+@", "").replace(':', '/');
        u = u.replaceAll("/+$", "");
        return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
    }
}
