package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows one build the way kustomize and Flux do: from a directory with a kustomization.yaml through its
 * {@code resources}/{@code bases} (files and folders) and {@code components}; a directory without one, under a
 * Flux {@code spec.path}, builds every manifest below it recursively, each sub-folder holding a kustomization.yaml
 * as one resource (fluxcd/pkg {@code kustomize_generator.go}). Remote bases are not followed; generators are
 * ignored; patch files are recorded, never turned into objects.
 *
 * <p>Namespaces are applied from the outside in: the entry point's {@code targetNamespace}, else the outermost
 * kustomization on the path that sets {@code namespace:} (a component's namespace also covers its parent's
 * resources and the components listed before it, as kustomize does), else {@code metadata.namespace}.
 */
final class BuildWalker {

    /** What one build reached. */
    record Build(
            EntryPoint entryPoint,
            List<ObjectInstance> instances,
            Set<ManifestFile> files,
            Set<ManifestFile> patchFiles) {

        /** The same build for another entry point of the same path and targetNamespace (another cluster's). */
        Build in(EntryPoint other) {
            if (other.equals(entryPoint)) {
                return this;
            }
            List<ObjectInstance> relabelled = new ArrayList<>(instances.size());
            for (ObjectInstance i : instances) {
                relabelled.add(new ObjectInstance(i.object(), other, i.via(), i.namespace()));
            }
            return new Build(other, relabelled, files, patchFiles);
        }
    }

    private final FileIndex index;
    private final KustomizeGraph graph;
    private final List<Problem> problems;
    private final Set<String> reportedCycles = new HashSet<>();

    BuildWalker(FileIndex index, KustomizeGraph graph, List<Problem> problems) {
        this.index = index;
        this.graph = graph;
        this.problems = problems;
    }

    /** Walks the build of a directory (an entry point's path). */
    Build walk(EntryPoint entryPoint) {
        Walk w = new Walk(entryPoint);
        String dir = entryPoint.path();
        if (dir != null) {
            ResolvedNamespace outer = entryPoint.targetNamespace() == null
                    ? null
                    : new ResolvedNamespace(
                            entryPoint.targetNamespace(),
                            "flux-kustomization",
                            entryPoint.object() == null
                                    ? null
                                    : entryPoint.object().file().relativePath());
            List<String> via = List.of();
            if (index.file(dir) != null) {
                w.file(index.file(dir), outer, via); // a path naming a file: kustomize builds just that file
            } else if (graph.hasKustomizationFileName(dir)) {
                directoryWithKustomization(w, dir, outer, via);
            } else {
                w.generated(dir, outer, via);
            }
        }
        return new Build(entryPoint, w.instances, w.files, w.patchFiles);
    }

    /** Walks one kustomization as the top of a build of its own (the whole-tree build). */
    Build walk(EntryPoint entryPoint, KustomizeFile top) {
        Walk w = new Walk(entryPoint);
        w.kustomization(top, null, List.of());
        return new Build(entryPoint, w.instances, w.files, w.patchFiles);
    }

    private void directoryWithKustomization(Walk w, String dir, ResolvedNamespace outer, List<String> via) {
        KustomizeFile k = graph.in(dir);
        if (k != null) {
            w.kustomization(k, outer, via);
        } else {
            // a kustomization file that could not be read as one: reached (its problem is what matters)
            for (String name : KustomizeGraph.FILE_NAMES) {
                ManifestFile f = index.file(dir.isEmpty() ? name : dir + "/" + name);
                if (f != null) {
                    w.files.add(f);
                }
            }
        }
    }

    private final class Walk {
        final EntryPoint entryPoint;
        final List<ObjectInstance> instances = new ArrayList<>();
        final Set<ManifestFile> files = new LinkedHashSet<>();
        final Set<ManifestFile> patchFiles = new LinkedHashSet<>();
        final Set<KustomizeFile> stack = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<KubeObject, Set<String>> seen = new IdentityHashMap<>();

        Walk(EntryPoint entryPoint) {
            this.entryPoint = entryPoint;
        }

        void generated(String dir, ResolvedNamespace outer, List<String> via) {
            for (ManifestFile f : index.filesIn(dir)) {
                if (!KustomizeGraph.FILE_NAMES.contains(f.name())) {
                    file(f, outer, via);
                }
            }
            for (String sub : index.subdirectoriesOf(dir)) {
                if (graph.hasKustomizationFileName(sub)) {
                    directoryWithKustomization(this, sub, outer, via);
                } else {
                    generated(sub, outer, via);
                }
            }
        }

        void kustomization(KustomizeFile k, ResolvedNamespace outer, List<String> via) {
            files.add(k.file());
            if (!stack.add(k)) {
                String path = k.file().relativePath();
                if (reportedCycles.add(path)) {
                    problems.add(new Problem(
                            path,
                            1,
                            1,
                            "kustomization cycle: " + String.join(" -> ", via) + " -> " + path
                                    + "; kustomize cannot build it"));
                }
                return;
            }
            List<String> here = new ArrayList<>(via);
            here.add(k.file().relativePath());
            ResolvedNamespace own = k.namespace() == null
                    ? null
                    : new ResolvedNamespace(
                            k.namespace(), "kustomization", k.file().relativePath());
            List<KustomizeFile> components = new ArrayList<>();
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.COMPONENT)) {
                KustomizeFile c = e.status() == KustomizeEntry.Status.DIRECTORY ? graph.in(e.target()) : null;
                if (c != null) {
                    components.add(c);
                }
            }
            ResolvedNamespace forResources = first(outer, own, lastNamespace(components, 0));
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.RESOURCE)) {
                if (e.status() == KustomizeEntry.Status.FILE) {
                    file(index.file(e.target()), forResources, here);
                } else if (e.status() == KustomizeEntry.Status.DIRECTORY) {
                    directoryWithKustomization(this, e.target(), forResources, here);
                }
            }
            for (int i = 0; i < components.size(); i++) {
                kustomization(components.get(i), first(outer, own, lastNamespace(components, i + 1)), here);
            }
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.PATCH)) {
                if (e.status() == KustomizeEntry.Status.FILE) {
                    ManifestFile patch = index.file(e.target());
                    files.add(patch);
                    patchFiles.add(patch);
                }
            }
            stack.remove(k);
        }

        void file(ManifestFile f, ResolvedNamespace outer, List<String> via) {
            files.add(f);
            for (KubeObject o : f.objects()) {
                if (o.kind() == null || isKustomizeConfig(o)) {
                    continue;
                }
                ResolvedNamespace ns = outer != null ? outer : ResolvedNamespace.ofMetadata(o);
                if (seen.computeIfAbsent(o, x -> new HashSet<>()).add(String.valueOf(ns.value()))) {
                    instances.add(new ObjectInstance(o, entryPoint, via, ns));
                }
            }
        }
    }

    private static boolean isKustomizeConfig(KubeObject o) {
        return ManifestTree.KUSTOMIZE_GROUP.equals(o.group());
    }

    private static ResolvedNamespace first(ResolvedNamespace a, ResolvedNamespace b, ResolvedNamespace c) {
        return a != null ? a : b != null ? b : c;
    }

    /** The namespace of the last component from {@code from} on that sets one (it wins over earlier ones). */
    private static ResolvedNamespace lastNamespace(List<KustomizeFile> components, int from) {
        for (int i = components.size() - 1; i >= from; i--) {
            KustomizeFile c = components.get(i);
            if (c.namespace() != null) {
                return new ResolvedNamespace(
                        c.namespace(), "kustomization", c.file().relativePath());
            }
        }
        return null;
    }
}
