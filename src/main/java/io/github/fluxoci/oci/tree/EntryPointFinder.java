package io.github.fluxoci.oci.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Finds what Flux applies from this repository and builds it, cluster by cluster.
 *
 * <ol>
 * <li>Candidates: every Flux {@code Kustomization} whose source can be this repository (a {@code GitRepository},
 * or an {@code ExternalArtifact} that an {@code ArtifactGenerator} of the tree copies from one) and whose path
 * exists in the tree, and every flux-operator {@code FluxInstance}. A probe build of each shows which other
 * candidates it applies.</li>
 * <li>Roots: the candidates nothing else applies (or only their own cycle: the cluster sync that {@code flux
 * bootstrap} writes applies itself), and every cluster folder holding a {@code flux-system/gotk-sync.yaml} without
 * its sync Kustomization (bootstrap writes it at install time). A root is a cluster: applied by bootstrap or by
 * hand. An archived Kustomization (an {@code .archive/} folder) whose path no longer exists is no candidate, so what
 * it used to build is applied by nothing.</li>
 * <li>"This repository" is the GitRepository {@code flux-system} and whatever the roots sync from; a Kustomization
 * whose GitRepository is another one is not followed.</li>
 * <li>Each root starts a cluster; every Kustomization its builds apply is an entry point of that cluster with its
 * own {@code targetNamespace}. The same Kustomization reached from two clusters is two entry points.</li>
 * </ol>
 * A tree with no candidate at all is one build of everything: each top kustomization (listed by no other) is built,
 * and each file no kustomization lists stands alone.
 */
final class EntryPointFinder {

    static final String FLUX_INSTANCE_GROUP = "fluxcd.controlplane.io";
    static final String BOOTSTRAP_SYNC = "flux-system/gotk-sync.yaml";

    /** The builds of the tree. */
    record Result(
            boolean wholeTree,
            List<EntryPoint> entryPoints,
            List<BuildWalker.Build> builds,
            Set<ManifestFile> built,
            List<KubeObject> notApplied,
            Set<String> thisRepository) {}

    /** An entry point to build: a Flux object, or a bootstrap cluster folder ({@code object} null). */
    private record Pending(KubeObject object, String path, String cluster) {}

    private final FileIndex index;
    private final KustomizeGraph graph;
    private final BuildWalker walker;
    private final FluxSourcePaths paths;

    EntryPointFinder(FluxSourcePaths paths, FileIndex index, KustomizeGraph graph, BuildWalker walker) {
        this.index = index;
        this.graph = graph;
        this.walker = walker;
        this.paths = paths;
    }

    Result find() {
        Search search = new Search();
        search.collectCandidates();
        if (search.candidates.isEmpty() && search.clusterFolders.isEmpty()) {
            return wholeTree();
        }
        search.buildCandidates();
        List<KubeObject> entryRoots = search.withoutLeftovers(search.roots());
        Set<String> thisRepository = thisRepository(entryRoots);
        return search.follow(entryRoots, thisRepository);
    }

    /** "This repository": the GitRepository {@code flux-system} and what the roots sync from. */
    private Set<String> thisRepository(List<KubeObject> entryRoots) {
        Set<String> thisRepository = new LinkedHashSet<>();
        thisRepository.add("flux-system");
        for (KubeObject r : entryRoots) {
            String name = Nodes.text(r.root(), "spec", "sourceRef", "name");
            if (name != null && r.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization") && fromGit(r)) {
                thisRepository.add(name);
            }
        }
        return thisRepository;
    }

    /** One search of the tree's entry points: the steps of the class comment, in order. */
    private final class Search {
        final List<KubeObject> candidates = new ArrayList<>();
        final Map<KubeObject, String> pathOf = new IdentityHashMap<>();
        final List<String> clusterFolders = new ArrayList<>();
        Set<KubeObject> isCandidate = Set.of();
        /** each candidate is built once: its build does not depend on the cluster that applies it */
        final Map<KubeObject, BuildWalker.Build> built = new IdentityHashMap<>();

        final Map<String, BuildWalker.Build> builtFolders = new LinkedHashMap<>();
        final Map<KubeObject, List<KubeObject>> appliedFrom = new IdentityHashMap<>();
        final Set<KubeObject> appliedByClusterFolder = identitySet(List.of());
        /** the candidates each candidate applies, directly or not */
        final Map<KubeObject, Set<KubeObject>> reach = new IdentityHashMap<>();

        /** Flux Kustomizations and FluxInstances whose path exists, and bootstrap folders without their sync. */
        void collectCandidates() {
            for (KubeObject o : index.objects()) {
                if (graph.isPatchOnly(o.file())) {
                    continue;
                }
                boolean fluxKustomization = o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization");
                if (fluxKustomization || o.is(FLUX_INSTANCE_GROUP, "FluxInstance")) {
                    String path = paths.pathOf(o);
                    if (paths.exists(path)) {
                        candidates.add(o);
                        pathOf.put(o, path);
                    }
                }
            }
            for (ManifestFile f : index.files()) {
                if (f.relativePath().equals(BOOTSTRAP_SYNC) || f.relativePath().endsWith("/" + BOOTSTRAP_SYNC)) {
                    // a bootstrap folder whose sync is not in the tree (flux bootstrap writes it at install time); a
                    // sync that is here is a candidate of its own, and one that syncs another path is a leftover
                    boolean sync = f.objects().stream()
                            .anyMatch(o -> o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization"));
                    if (!sync) {
                        clusterFolders.add(FileIndex.parentOf(f.directory()));
                    }
                }
            }
            isCandidate = identitySet(candidates);
        }

        /** Builds each candidate and cluster folder once: which candidates does each apply? */
        void buildCandidates() {
            Map<KubeObject, Set<KubeObject>> applies = new IdentityHashMap<>();
            for (KubeObject c : candidates) {
                BuildWalker.Build build = walker.walk(
                        entryPoint(new Pending(c, pathOf.get(c), ""), Nodes.text(c.root(), "spec", "targetNamespace")));
                built.put(c, build);
                Set<KubeObject> out = appliedBy(build, isCandidate);
                applies.put(c, out);
                for (KubeObject target : out) {
                    appliedFrom.computeIfAbsent(target, t -> new ArrayList<>()).add(c);
                }
            }
            for (String folder : clusterFolders) {
                BuildWalker.Build build = walker.walk(entryPoint(new Pending(null, folder, ""), null));
                builtFolders.put(folder, build);
                appliedByClusterFolder.addAll(appliedBy(build, isCandidate));
            }
            for (KubeObject c : candidates) {
                reach.put(c, closure(c, applies));
            }
        }

        /** Candidates applied by nothing, or only by their own cycle (a bootstrap sync applies itself). */
        List<KubeObject> roots() {
            List<KubeObject> roots = new ArrayList<>();
            for (KubeObject c : candidates) {
                boolean source = !appliedByClusterFolder.contains(c)
                        && appliedFrom.getOrDefault(c, List.of()).stream()
                                .allMatch(from -> from == c || reach.get(c).contains(from));
                if (source) {
                    roots.add(c);
                }
            }
            return roots;
        }

        /**
         * A root in a folder that another live entry point builds is a file that folder's kustomization does not
         * list (a leftover), not a cluster of its own.
         */
        List<KubeObject> withoutLeftovers(List<KubeObject> roots) {
            Map<String, List<KubeObject>> liveByPath = new LinkedHashMap<>();
            for (KubeObject r : roots) {
                liveByPath
                        .computeIfAbsent(pathOf.get(r), p -> new ArrayList<>())
                        .add(r);
                for (KubeObject c : reach.get(r)) {
                    liveByPath
                            .computeIfAbsent(pathOf.get(c), p -> new ArrayList<>())
                            .add(c);
                }
            }
            for (String folder : clusterFolders) {
                liveByPath.computeIfAbsent(folder, p -> new ArrayList<>()).add(null);
            }
            List<KubeObject> entryRoots = new ArrayList<>();
            for (KubeObject r : roots) {
                boolean leftover = false;
                for (String dir = r.file().directory(); !leftover; dir = FileIndex.parentOf(dir)) {
                    for (KubeObject c : liveByPath.getOrDefault(dir, List.of())) {
                        leftover |= c == null || (c != r && !reach.get(r).contains(c));
                    }
                    if (dir.isEmpty()) {
                        break;
                    }
                }
                if (!leftover) {
                    entryRoots.add(r);
                }
            }
            return entryRoots;
        }

        /** Follows each cluster from its roots: every Kustomization its builds apply is an entry point of it. */
        Result follow(List<KubeObject> entryRoots, Set<String> thisRepository) {
            List<EntryPoint> entryPoints = new ArrayList<>();
            List<BuildWalker.Build> builds = new ArrayList<>();
            Set<KubeObject> applied = Collections.newSetFromMap(new IdentityHashMap<>());
            Map<String, Set<Object>> visited = new LinkedHashMap<>();
            ArrayDeque<Pending> queue = new ArrayDeque<>();
            for (String folder : clusterFolders) {
                queue.add(new Pending(null, folder, clusterOf(null, folder)));
            }
            for (KubeObject r : entryRoots) {
                boolean named = reach.get(r).contains(r) || r.is(FLUX_INSTANCE_GROUP, "FluxInstance");
                queue.add(new Pending(r, pathOf.get(r), clusterOf(r, named ? pathOf.get(r) : null)));
            }
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                Set<Object> seen = visited.computeIfAbsent(next.cluster(), c -> new LinkedHashSet<>());
                KubeObject k = next.object();
                if (!seen.add(k != null ? k : next.path())) {
                    continue;
                }
                if (k != null) {
                    applied.add(k);
                    if (fromGit(k)
                            && k.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization")
                            && !thisRepository.contains(Nodes.text(k.root(), "spec", "sourceRef", "name"))) {
                        continue; // another repository's content: not in this tree
                    }
                }
                EntryPoint ep = entryPoint(next, k == null ? null : Nodes.text(k.root(), "spec", "targetNamespace"));
                entryPoints.add(ep);
                BuildWalker.Build build = (k != null ? built.get(k) : builtFolders.get(next.path())).in(ep);
                builds.add(build);
                for (KubeObject c : appliedBy(build, isCandidate)) {
                    queue.add(new Pending(c, pathOf.get(c), next.cluster()));
                }
            }
            Set<ManifestFile> reached = bootstrapFiles(entryPoints, builds, identitySet(entryRoots));
            List<KubeObject> notApplied =
                    candidates.stream().filter(c -> !applied.contains(c)).toList();
            return new Result(false, entryPoints, builds, reached, notApplied, Set.copyOf(thisRepository));
        }

        /** A root's own file is applied by hand or by the cluster's bootstrap when no build reaches it. */
        private Set<ManifestFile> bootstrapFiles(
                List<EntryPoint> entryPoints, List<BuildWalker.Build> builds, Set<KubeObject> isEntryRoot) {
            Set<ManifestFile> reached = new LinkedHashSet<>();
            builds.forEach(b -> reached.addAll(b.files()));
            for (EntryPoint ep : List.copyOf(entryPoints)) {
                KubeObject r = ep.object();
                if (r != null && isEntryRoot.contains(r) && !reached.contains(r.file())) {
                    reached.add(r.file());
                    EntryPoint bootstrap =
                            new EntryPoint(ep.kind(), ep.cluster(), r, r.file().relativePath(), null, null, List.of());
                    builds.add(walker.walk(bootstrap));
                }
            }
            return reached;
        }
    }

    private Result wholeTree() {
        List<EntryPoint> entryPoints = new ArrayList<>();
        List<BuildWalker.Build> builds = new ArrayList<>();
        Set<ManifestFile> built = new LinkedHashSet<>();
        for (KustomizeFile k : graph.files()) {
            boolean listed =
                    graph.listersOf(k.directory()).stream().anyMatch(e -> e.role() != KustomizeEntry.Role.PATCH);
            if (listed || !"Kustomization".equals(k.kind())) {
                continue;
            }
            EntryPoint ep = new EntryPoint(EntryPoint.Kind.WHOLE_TREE, "", null, k.directory(), null, null, List.of());
            BuildWalker.Build b = walker.walk(ep, k);
            entryPoints.add(ep);
            builds.add(b);
            built.addAll(b.files());
        }
        for (ManifestFile f : index.files()) {
            if (!built.contains(f) && !graph.isPatchOnly(f)) {
                EntryPoint loose =
                        new EntryPoint(EntryPoint.Kind.WHOLE_TREE, "", null, f.relativePath(), null, null, List.of());
                builds.add(walker.walk(loose));
            }
        }
        return new Result(true, entryPoints, builds, built, List.of(), Set.of("flux-system"));
    }

    private static Set<KubeObject> appliedBy(BuildWalker.Build build, Set<KubeObject> candidates) {
        Set<KubeObject> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectInstance i : build.instances()) {
            if (candidates.contains(i.object())) {
                out.add(i.object());
            }
        }
        return out;
    }

    private EntryPoint entryPoint(Pending p, String targetNamespace) {
        KubeObject o = p.object();
        if (o == null) {
            return new EntryPoint(EntryPoint.Kind.CLUSTER_FOLDER, p.cluster(), null, p.path(), null, null, List.of());
        }
        boolean instance = o.is(FLUX_INSTANCE_GROUP, "FluxInstance");
        String declared =
                instance ? Nodes.text(o.root(), "spec", "sync", "path") : Nodes.text(o.root(), "spec", "path");
        List<String> dependsOn = new ArrayList<>();
        for (Node d : Nodes.items(o.root(), "spec", "dependsOn")) {
            String name = Nodes.text(d, "name");
            String ns = Nodes.text(d, "namespace");
            if (name != null) {
                dependsOn.add(ns != null ? ns + "/" + name : name);
            }
        }
        return new EntryPoint(
                instance ? EntryPoint.Kind.FLUX_INSTANCE : EntryPoint.Kind.FLUX_KUSTOMIZATION,
                p.cluster(),
                o,
                p.path(),
                declared,
                targetNamespace,
                dependsOn);
    }

    /**
     * The name of the cluster a root starts: the {@code clusters/<name>} folder it sits in (or syncs); else, for a
     * cluster sync, the folder it syncs; else {@code ""}, one cluster for every other root of the tree (a
     * {@code cluster.yaml} applied by hand, Kustomizations whose parent is outside the tree).
     */
    private static String clusterOf(KubeObject root, String syncPath) {
        for (String path :
                new String[] {syncPath, root == null ? null : root.file().directory()}) {
            String folder = path == null ? null : clustersFolder(path);
            if (folder != null) {
                return folder;
            }
        }
        return syncPath == null ? "" : syncPath.isEmpty() ? "." : syncPath;
    }

    /** {@code a/clusters/prod/flux} -> {@code a/clusters/prod}; null without a {@code clusters/<name>} segment. */
    private static String clustersFolder(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("clusters")) {
                return String.join("/", Arrays.copyOfRange(parts, 0, i + 2));
            }
        }
        return null;
    }

    private static Set<KubeObject> identitySet(List<KubeObject> objects) {
        Set<KubeObject> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(objects);
        return out;
    }

    private static boolean fromGit(KubeObject k) {
        String kind = Nodes.text(k.root(), "spec", "sourceRef", "kind");
        return kind == null || "GitRepository".equals(kind);
    }

    private static Set<KubeObject> closure(KubeObject start, Map<KubeObject, Set<KubeObject>> edges) {
        Set<KubeObject> out = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<KubeObject> queue = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
        while (!queue.isEmpty()) {
            KubeObject k = queue.poll();
            if (out.add(k)) {
                queue.addAll(edges.getOrDefault(k, Set.of()));
            }
        }
        return out;
    }
}
