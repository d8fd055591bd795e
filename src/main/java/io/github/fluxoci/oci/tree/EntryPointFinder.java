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
 * <li>Syncs: what a cluster syncs from, whatever its names: a FluxInstance's {@code spec.sync} (any kind, any
 * name; written as a FluxInstance, or as values of the {@code flux-instance} chart, {@link FluxInstanceSpec}), the
 * Kustomization of a bootstrap {@code gotk-sync.yaml}, and every cluster folder holding a
 * {@code flux-system/gotk-sync.yaml} without its sync Kustomization (bootstrap writes it at install time). Their
 * sources are "this repository", with every GitRepository of the tree at the same URL. An OCIRepository or Bucket
 * sync is an artifact pushed from a folder of the repository: {@link ArtifactRoots} finds which.</li>
 * <li>Candidates: every Flux {@code Kustomization} whose source is this repository (or, in a tree that declares no
 * sync, any GitRepository; or an {@code ExternalArtifact} that an {@code ArtifactGenerator} of the tree copies from
 * it) and whose path exists in the tree, and every sync whose path does. A Kustomization of another source is not
 * followed: where a build applies it, it is reported once ("built from another source: not read"). A probe build
 * of each candidate shows which other candidates it applies.</li>
 * <li>Roots: the candidates nothing else applies (or only their own cycle: the cluster sync that {@code flux
 * bootstrap} writes applies itself), and the bootstrap cluster folders. A root is a cluster.</li>
 * <li>Each root starts a cluster; every Kustomization its builds apply is an entry point of that cluster, read as
 * that build yields it (its {@code path}, {@code targetNamespace}, {@code sourceRef}, postBuild variables, as the
 * applying build's patches and variables leave them). The same Kustomization reached from two clusters is two
 * entry points.</li>
 * </ol>
 * A tree that declares no sync and has no candidate is one build of everything: each top kustomization (listed by
 * no other) is built, and each file no kustomization lists stands alone. A tree that declares a sync but whose
 * entry points reach nothing says so ({@code nothing-deployed}).
 *
 * <p>Large because finding a tree's clusters is one search whose steps share its state (the candidates, what each
 * applies, the roots, the builds each cluster makes); the syncs it starts from are {@link ClusterSyncs}.
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
            Map<KubeObject, String> missingPaths,
            List<TreeNotice> notices) {}

    /**
     * An entry point to build: a Flux Kustomization or sync (with the instance of the build that applies it, null
     * for a root), or a bootstrap cluster folder ({@code object} null); {@code source} is the source key of the
     * build that applies it (a Kustomization without {@code sourceRef} has it from a patch of that build).
     */
    private record Pending(KubeObject object, ObjectInstance applied, String path, String cluster, String source) {}

    private final FileIndex index;
    private final KustomizeGraph graph;
    private final BuildWalker walker;
    private final FluxSourcePaths paths;
    private final List<String> artifactRoots;
    private final List<TreeNotice> notices = new ArrayList<>();

    EntryPointFinder(
            FluxSourcePaths paths,
            FileIndex index,
            KustomizeGraph graph,
            BuildWalker walker,
            List<String> artifactRoots) {
        this.index = index;
        this.graph = graph;
        this.walker = walker;
        this.paths = paths;
        this.artifactRoots = artifactRoots;
    }

    Result find(List<FluxInstanceSpec> fluxInstances) {
        Search search = new Search(new ClusterSyncs(fluxInstances, index, paths, artifactRoots, notices));
        search.collectCandidates();
        if (search.candidates.isEmpty() && !search.at.declared) {
            return wholeTree(search.fluxKustomizations);
        }
        search.buildCandidates();
        List<KubeObject> entryRoots = search.withoutLeftovers(search.roots());
        if (!search.at.declared) {
            // no sync declared: "this repository" is what the roots build from
            search.at.thisRepository.add(ClusterSyncs.THIS_REPOSITORY);
            for (KubeObject r : entryRoots) {
                search.at.thisRepository.add(ClusterSyncs.sourceKey(r, null));
            }
        }
        Result result = search.follow(entryRoots);
        search.reportNothingDeployed(result, entryRoots);
        return result;
    }

    /** One search of the tree's entry points: the steps of the class comment, in order. */
    private final class Search {
        final ClusterSyncs at;

        Search(ClusterSyncs at) {
            this.at = at;
        }

        final List<KubeObject> fluxKustomizations = new ArrayList<>();
        final List<KubeObject> candidates = new ArrayList<>();
        final Map<KubeObject, String> pathOf = new IdentityHashMap<>();
        /** why each sync or Kustomization that is no candidate builds nothing here */
        final Map<KubeObject, String> whyNot = new IdentityHashMap<>();

        Set<KubeObject> isCandidate = Set.of();
        /** each build once per object, path, targetNamespace and variables: the probe, and every cluster's alike */
        final Map<KubeObject, Map<String, BuildWalker.Build>> built = new IdentityHashMap<>();

        final Map<String, BuildWalker.Build> builtFolders = new LinkedHashMap<>();
        final Map<KubeObject, List<KubeObject>> appliedFrom = new IdentityHashMap<>();
        final Set<KubeObject> appliedByClusterFolder = identitySet(List.of());
        /** the candidates each candidate applies, directly or not */
        final Map<KubeObject, Set<KubeObject>> reach = new IdentityHashMap<>();

        final Set<KubeObject> reportedOtherSource = identitySet(List.of());

        /** Flux Kustomizations of this repository and at.syncs whose path exists, and bootstrap folders. */
        void collectCandidates() {
            for (KubeObject o : index.objects()) {
                if (graph.isPatchOnly(o.file()) || !o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization")) {
                    continue;
                }
                fluxKustomizations.add(o);
                String kind = Nodes.text(o.root(), "spec", "sourceRef", "kind");
                String name = Nodes.text(o.root(), "spec", "sourceRef", "name");
                String path = paths.pathOf(o);
                boolean ours = name == null // set by a patch of the build that applies it
                        || at.thisRepository.contains(ClusterSyncs.sourceKey(o, null))
                        || ("ExternalArtifact".equals(kind) && path != null)
                        || (!at.declared && (kind == null || "GitRepository".equals(kind)));
                boolean rootOfOther =
                        Nodes.text(o.root(), "spec", "path") == null && !at.declared && !"flux-system".equals(name);
                if (!ours || rootOfOther) {
                    whyNot.put(o, "builds from " + ClusterSyncs.sourceKey(o, null) + ", another source: not read");
                } else if (paths.exists(path)) {
                    candidates.add(o);
                    pathOf.put(o, path);
                } else {
                    whyNot.put(o, "its path " + Nodes.text(o.root(), "spec", "path") + " is not in this tree");
                }
            }
            for (Map.Entry<KubeObject, FluxInstanceSpec.Sync> e : at.syncOf.entrySet()) {
                FluxInstanceSpec.Sync sync = e.getValue();
                String path = paths.pathOf(sync.kind(), sync.name(), sync.path());
                if (paths.exists(path)) {
                    candidates.add(e.getKey());
                    pathOf.put(e.getKey(), path);
                } else {
                    whyNot.put(
                            e.getKey(),
                            sync.isArtifact()
                                    ? "at.syncs " + sync.sourceKey()
                                            + ", an artifact no folder of this tree is known to" + " be pushed from"
                                    : "at.syncs path " + sync.path() + ", which is not in this tree");
                }
            }
            isCandidate = identitySet(candidates);
        }

        /** Builds each candidate and cluster folder once: which candidates does each apply? */
        void buildCandidates() {
            Map<KubeObject, Set<KubeObject>> applies = new IdentityHashMap<>();
            for (KubeObject c : candidates) {
                BuildWalker.Build build =
                        build(new Pending(c, null, pathOf.get(c), "", null), targetNamespace(c, null));
                Set<KubeObject> out = appliedBy(build, isCandidate);
                applies.put(c, out);
                for (KubeObject target : out) {
                    appliedFrom.computeIfAbsent(target, t -> new ArrayList<>()).add(c);
                }
            }
            for (String folder : at.clusterFolders) {
                BuildWalker.Build build = walker.walk(entryPoint(new Pending(null, null, folder, "", null), null));
                builtFolders.put(folder, build);
                appliedByClusterFolder.addAll(appliedBy(build, isCandidate));
            }
            for (KubeObject c : candidates) {
                reach.put(c, closure(c, applies));
            }
        }

        /**
         * Candidates applied by nothing, or only by their own cycle (a bootstrap sync applies itself; a flux-instance
         * release at.syncs the folder whose Kustomizations apply that release): one root per cycle, its sync when it
         * has one.
         */
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
            if (at.declared) {
                // the tree says what each cluster at.syncs: a Kustomization nothing applies is no cluster of its own (a
                // disabled app, an archive), unless it applies itself (the sync bootstrap writes) or is that sync
                roots.removeIf(r -> !at.syncOf.containsKey(r)
                        && !at.bootstrapSyncs.contains(r)
                        && !appliedFrom.getOrDefault(r, List.of()).contains(r));
            }
            List<KubeObject> out = new ArrayList<>();
            for (KubeObject r : roots) {
                // one cluster per cycle, and a root another root applies (one way) is part of that one's cluster
                boolean another = roots.stream()
                        .anyMatch(o -> o != r
                                && reach.get(o).contains(r)
                                && (!reach.get(r).contains(o) || rootRank(o) < rootRank(r)));
                if (!another) {
                    out.add(r);
                }
            }
            return out;
        }

        /** Which member of a cycle starts the cluster: a sync, then a Kustomization that applies itself, then the first. */
        private int rootRank(KubeObject c) {
            if (at.syncOf.containsKey(c)) {
                return 0;
            }
            boolean self = appliedFrom.getOrDefault(c, List.of()).contains(c);
            return (self ? 1 : 2) * candidates.size() + candidates.indexOf(c) + 1;
        }

        /**
         * A root in a folder that another live entry point builds is a file that folder's kustomization does not
         * list (a leftover), not a cluster of its own. A sync is never a leftover: it is applied by hand or by Helm.
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
            for (String folder : at.clusterFolders) {
                liveByPath.computeIfAbsent(folder, p -> new ArrayList<>()).add(null);
            }
            List<KubeObject> entryRoots = new ArrayList<>();
            for (KubeObject r : roots) {
                // a root that builds what another root's cluster builds is a copy of that Kustomization (an
                // archived ks.yaml whose path is still live), unless it applies itself or is a sync
                boolean leftover = !at.syncOf.containsKey(r)
                        && !appliedFrom.getOrDefault(r, List.of()).contains(r)
                        && roots.stream()
                                .anyMatch(o -> o != r
                                        && !reach.get(r).contains(o)
                                        && reach.get(o).stream()
                                                .anyMatch(c ->
                                                        c != r && pathOf.get(r).equals(pathOf.get(c))));
                for (String dir = r.file().directory(); !leftover && !at.syncOf.containsKey(r); ) {
                    for (KubeObject c : liveByPath.getOrDefault(dir, List.of())) {
                        leftover |= c == null || (c != r && !reach.get(r).contains(c));
                    }
                    if (dir.isEmpty()) {
                        break;
                    }
                    dir = FileIndex.parentOf(dir);
                }
                if (!leftover) {
                    entryRoots.add(r);
                }
            }
            return entryRoots;
        }

        /** Follows each cluster from its roots: every Kustomization its builds apply is an entry point of it. */
        Result follow(List<KubeObject> entryRoots) {
            List<EntryPoint> entryPoints = new ArrayList<>();
            List<BuildWalker.Build> builds = new ArrayList<>();
            Set<KubeObject> applied = identitySet(List.of());
            Map<String, Set<Object>> visited = new LinkedHashMap<>();
            ArrayDeque<Pending> queue = new ArrayDeque<>();
            for (String folder : at.clusterFolders) {
                queue.add(new Pending(null, null, folder, clusterOf(null, folder), ClusterSyncs.THIS_REPOSITORY));
            }
            for (KubeObject r : entryRoots) {
                boolean named = reach.get(r).contains(r) || at.syncOf.containsKey(r);
                queue.add(new Pending(r, null, pathOf.get(r), clusterOf(r, named ? pathOf.get(r) : null), null));
            }
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                Set<Object> seen = visited.computeIfAbsent(next.cluster(), c -> new LinkedHashSet<>());
                KubeObject k = next.object();
                if (!seen.add(k != null ? k : next.path())) {
                    continue;
                }
                String path = next.path();
                if (k != null) {
                    applied.add(k);
                    path = resolvedPath(next);
                    if (path == null) {
                        continue;
                    }
                }
                String targetNamespace = targetNamespace(k, next.applied());
                Pending resolved = new Pending(k, next.applied(), path, next.cluster(), next.source());
                EntryPoint ep = entryPoint(resolved, targetNamespace);
                BuildWalker.Build build =
                        (k != null ? build(resolved, targetNamespace) : builtFolders.get(path)).in(ep);
                entryPoints.add(ep);
                builds.add(build);
                String source = k == null ? ClusterSyncs.THIS_REPOSITORY : effectiveSource(resolved);
                for (ObjectInstance i : build.instances()) {
                    if (isCandidate.contains(i.object()) || whyNot.containsKey(i.object())) {
                        queue.add(new Pending(i.object(), i, null, next.cluster(), source));
                    }
                }
            }
            Set<ManifestFile> reached = bootstrapFiles(entryPoints, builds, identitySet(entryRoots));
            List<KubeObject> notApplied =
                    candidates.stream().filter(c -> !applied.contains(c)).toList();
            return new Result(
                    false, entryPoints, builds, reached, notApplied, at.missingPaths(fluxKustomizations), notices);
        }

        /**
         * The folder an applied Kustomization builds, as the applying build yields it; null (and reported once, for
         * another source) when it builds nothing of this tree.
         */
        private String resolvedPath(Pending p) {
            KubeObject k = p.object();
            if (p.applied() == null || at.syncOf.containsKey(k)) {
                return pathOf.get(k);
            }
            if (!k.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization")) {
                return null;
            }
            String source = effectiveSource(p);
            String kind = source.substring(0, source.indexOf('/'));
            boolean ours = at.thisRepository.contains(source) || "ExternalArtifact".equals(kind);
            String path = ours
                    ? paths.pathOf(
                            kind,
                            source.substring(source.indexOf('/') + 1),
                            p.applied().text("spec", "path"))
                    : null;
            if (!ours && reportedOtherSource.add(k)) {
                notices.add(new TreeNotice(
                        TreeNotice.Level.NOTE,
                        "other-source",
                        k.file().relativePath(),
                        k.line(),
                        "Kustomization " + p.applied().name() + " builds "
                                + (p.applied().text("spec", "path") == null
                                        ? "the root"
                                        : "path " + p.applied().text("spec", "path"))
                                + " of " + source + ", another source than this repository: not read"));
            }
            return paths.exists(path) ? path : null;
        }

        /** {@code kind/name} of the source an applied Kustomization builds from (its applier's when it names none). */
        private String effectiveSource(Pending p) {
            KubeObject k = p.object();
            if (k == null) {
                return ClusterSyncs.THIS_REPOSITORY;
            }
            if (at.syncOf.containsKey(k)) {
                return at.syncOf.get(k).sourceKey();
            }
            String name = p.applied() != null
                    ? p.applied().text("spec", "sourceRef", "name")
                    : Nodes.text(k.root(), "spec", "sourceRef", "name");
            if (name == null) {
                return p.source() != null ? p.source() : ClusterSyncs.THIS_REPOSITORY;
            }
            return ClusterSyncs.sourceKey(k, p.applied());
        }

        /** One build of a Flux Kustomization or sync, shared by every entry point that builds the same. */
        private BuildWalker.Build build(Pending p, String targetNamespace) {
            KubeObject k = p.object();
            BuildWalker.FluxBuild flux = fluxBuild(k, p.applied());
            String key = p.path() + "\n" + targetNamespace + "\n"
                    + flux.substitution().signature() + "\n" + flux.components();
            return built.computeIfAbsent(k, x -> new LinkedHashMap<>())
                    .computeIfAbsent(key, x -> walker.walk(entryPoint(p, targetNamespace), flux));
        }

        /**
         * When the tree has HelmReleases and deploys none, or has Flux objects and deploys none but its roots: a
         * warning naming each sync or Kustomization that builds nothing, and why.
         */
        void reportNothingDeployed(Result result, List<KubeObject> entryRoots) {
            Set<KubeObject> roots = identitySet(entryRoots);
            Set<KubeObject> deployed = identitySet(List.of());
            result.builds().forEach(b -> b.instances().forEach(i -> deployed.add(i.object())));
            List<KubeObject> releases = index.objects().stream()
                    .filter(o -> o.is(ManifestTree.HELM_GROUP, "HelmRelease") && !graph.isPatchOnly(o.file()))
                    .toList();
            List<KubeObject> flux = index.objects().stream()
                    .filter(o -> ManifestTree.isFluxGroup(o.group()) && !roots.contains(o))
                    .filter(o -> !graph.isPatchOnly(o.file()))
                    .toList();
            boolean nothing = releases.isEmpty()
                    ? !flux.isEmpty() && flux.stream().noneMatch(deployed::contains)
                    : releases.stream().noneMatch(deployed::contains);
            if (!nothing) {
                return;
            }
            List<String> reasons = new ArrayList<>();
            for (Map.Entry<KubeObject, String> e : whyNot.entrySet()) {
                KubeObject o = e.getKey();
                String what = at.syncOf.containsKey(o) ? at.syncOf.get(o).describe() : o.describe();
                reasons.add(what + " (" + o.file().relativePath() + ":" + o.line() + ") " + e.getValue());
            }
            reasons.sort(null);
            String shown = String.join("; ", reasons.subList(0, Math.min(5, reasons.size())))
                    + (reasons.size() > 5 ? "; and " + (reasons.size() - 5) + " more" : "");
            notices.add(new TreeNotice(
                    TreeNotice.Level.WARNING,
                    "nothing-deployed",
                    "",
                    0,
                    "no entry point deploys anything of this tree, so nothing is gated or migrated: "
                            + (reasons.isEmpty() ? "the entry points build no Flux object" : shown)
                            + " (set -Doci.artifactRoots=<folder> for an OCI-artifact sync, or scan the repository"
                            + " the Kustomizations build from)"));
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

        private String targetNamespace(KubeObject k, ObjectInstance applied) {
            if (k == null || at.syncOf.containsKey(k)) {
                return null;
            }
            return applied != null
                    ? applied.text("spec", "targetNamespace")
                    : Nodes.text(k.root(), "spec", "targetNamespace");
        }

        private BuildWalker.FluxBuild fluxBuild(KubeObject k, ObjectInstance applied) {
            if (k == null || !k.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization")) {
                return BuildWalker.FluxBuild.NONE;
            }
            List<String> components = new ArrayList<>();
            for (Node c : applied != null
                    ? applied.items("spec", "components")
                    : Nodes.items(k.root(), "spec", "components")) {
                String text = Nodes.text(c);
                if (text != null) {
                    components.add(applied != null ? applied.substitution().apply(text) : text);
                }
            }
            return new BuildWalker.FluxBuild(
                    Substitution.of(k, applied, index),
                    Nodes.items(k.root(), "spec", "patches"),
                    components,
                    k.file().relativePath());
        }
    }

    private Result wholeTree(List<KubeObject> fluxKustomizations) {
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
        if (!fluxKustomizations.isEmpty()) {
            notices.add(new TreeNotice(
                    TreeNotice.Level.WARNING,
                    "nothing-deployed",
                    "",
                    0,
                    fluxKustomizations.size() + " Flux Kustomizations, and none builds a path of this tree (e.g. "
                            + fluxKustomizations.get(0).describe() + " at "
                            + fluxKustomizations.get(0).file().relativePath() + ":"
                            + fluxKustomizations.get(0).line()
                            + "): the tree is read as one build of everything; scan the repository root if it is a"
                            + " folder of one"));
        }
        return new Result(true, entryPoints, builds, built, List.of(), Map.of(), notices);
    }

    private static Set<KubeObject> appliedBy(BuildWalker.Build build, Set<KubeObject> candidates) {
        Set<KubeObject> out = identitySet(List.of());
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
        boolean kustomization = o.is(ManifestTree.FLUX_KUSTOMIZE_GROUP, "Kustomization");
        String declared = kustomization
                ? (p.applied() != null ? p.applied().text("spec", "path") : Nodes.text(o.root(), "spec", "path"))
                : null;
        List<String> dependsOn = new ArrayList<>();
        for (Node d : Nodes.items(o.root(), "spec", "dependsOn")) {
            String name = Nodes.text(d, "name");
            String ns = Nodes.text(d, "namespace");
            if (name != null) {
                dependsOn.add(ns != null ? ns + "/" + name : name);
            }
        }
        return new EntryPoint(
                kustomization ? EntryPoint.Kind.FLUX_KUSTOMIZATION : EntryPoint.Kind.FLUX_INSTANCE,
                p.cluster(),
                o,
                p.path(),
                declared,
                targetNamespace,
                dependsOn);
    }

    /**
     * The name of the cluster a root starts: the {@code clusters/<name>} folder it sits in (or at.syncs); else, for a
     * cluster sync, the folder it at.syncs; else {@code ""}, one cluster for every other root of the tree (a
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

    private static Set<KubeObject> closure(KubeObject start, Map<KubeObject, Set<KubeObject>> edges) {
        Set<KubeObject> out = identitySet(List.of());
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
