package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Follows one build the way kustomize and Flux do: from a directory with a kustomization.yaml through its
 * {@code resources}/{@code bases} (files and folders) and {@code components}; a directory without one, under a
 * Flux {@code spec.path}, builds every manifest below it recursively, each sub-folder holding a kustomization.yaml
 * as one resource (fluxcd/pkg {@code kustomize_generator.go}). Remote bases are not followed; generators are
 * ignored; patch files are recorded, never turned into objects.
 *
 * <p>Each kustomization's transformers run over what it accumulated, after its resources and then after each
 * component (a component's transformers also cover its parent's resources and the components listed before it),
 * as kustomize runs them ({@link KustomizeTransforms}): the outermost {@code namespace:} wins. Flux puts a
 * Kustomization's {@code targetNamespace}, {@code spec.patches} and {@code spec.components} into the top
 * kustomization (its own, or the one it generates), then substitutes its postBuild variables ({@link Substitution}).
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
                relabelled.add(i.in(other));
            }
            return new Build(other, relabelled, files, patchFiles);
        }
    }

    /**
     * What a Flux Kustomization adds to the build of its path: its postBuild variables, its {@code spec.patches}
     * and its {@code spec.components} (folders, relative to the path).
     */
    record FluxBuild(Substitution substitution, List<Node> patches, List<String> components, String declaredBy) {

        static final FluxBuild NONE = new FluxBuild(Substitution.NONE, List.of(), List.of(), null);
    }

    private final FileIndex index;
    private final KustomizeGraph graph;
    private final List<Problem> problems;
    private final KustomizeTransforms transforms;
    private final Set<String> reportedCycles = new HashSet<>();

    BuildWalker(FileIndex index, KustomizeGraph graph, List<Problem> problems) {
        this.index = index;
        this.graph = graph;
        this.problems = problems;
        this.transforms = new KustomizeTransforms(index);
    }

    /** Walks the build of a directory (an entry point's path). */
    Build walk(EntryPoint entryPoint) {
        return walk(entryPoint, FluxBuild.NONE);
    }

    /** Walks the build of a directory (an entry point's path) with what its Flux Kustomization adds. */
    Build walk(EntryPoint entryPoint, FluxBuild flux) {
        Walk w = new Walk(entryPoint);
        String dir = entryPoint.path();
        if (dir != null) {
            ResolvedNamespace target = entryPoint.targetNamespace() == null
                    ? null
                    : new ResolvedNamespace(
                            entryPoint.targetNamespace(),
                            "flux-kustomization",
                            entryPoint.object() == null
                                    ? null
                                    : entryPoint.object().file().relativePath());
            List<String> via = List.of();
            KustomizeFile top = graph.in(dir);
            if (index.file(dir) != null) {
                w.file(index.file(dir), via); // a path naming a file: kustomize builds just that file
                w.top(null, dir, target, flux, 0);
            } else if (top != null) {
                w.kustomization(top, via, target, flux);
            } else if (graph.hasKustomizationFileName(dir)) {
                w.unreadableKustomization(dir);
            } else {
                w.generated(dir, via);
                for (String c : flux.components()) {
                    w.component(dir, c, via, 0);
                }
                w.top(null, dir, target, flux, 0);
            }
        }
        return w.build(flux.substitution());
    }

    /** Walks one kustomization as the top of a build of its own (the whole-tree build). */
    Build walk(EntryPoint entryPoint, KustomizeFile top) {
        Walk w = new Walk(entryPoint);
        w.kustomization(top, List.of(), null, FluxBuild.NONE);
        return w.build(Substitution.NONE);
    }

    private final class Walk {
        final EntryPoint entryPoint;
        final List<InstanceDraft> drafts = new ArrayList<>();
        final Set<ManifestFile> files = new LinkedHashSet<>();
        final Set<ManifestFile> patchFiles = new LinkedHashSet<>();
        final Set<KustomizeFile> stack = Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(EntryPoint entryPoint) {
            this.entryPoint = entryPoint;
        }

        /** The instances, each object once per name and namespace it ends up with. */
        Build build(Substitution substitution) {
            List<ObjectInstance> instances = new ArrayList<>();
            Map<KubeObject, Set<String>> seen = new IdentityHashMap<>();
            for (InstanceDraft d : drafts) {
                ObjectInstance i = d.toInstance(entryPoint, substitution);
                if (seen.computeIfAbsent(d.object, x -> new HashSet<>()).add(i.namespaceValue() + "/" + i.name())) {
                    instances.add(i);
                }
            }
            return new Build(entryPoint, instances, files, patchFiles);
        }

        void unreadableKustomization(String dir) {
            // a kustomization file that could not be read as one: reached (its problem is what matters)
            for (String name : KustomizeGraph.FILE_NAMES) {
                ManifestFile f = index.file(dir.isEmpty() ? name : dir + "/" + name);
                if (f != null) {
                    files.add(f);
                }
            }
        }

        void directory(String dir, List<String> via) {
            KustomizeFile k = graph.in(dir);
            if (k != null) {
                kustomization(k, via, null, FluxBuild.NONE);
            } else {
                unreadableKustomization(dir);
            }
        }

        void generated(String dir, List<String> via) {
            for (ManifestFile f : index.filesIn(dir)) {
                if (!KustomizeGraph.FILE_NAMES.contains(f.name())) {
                    file(f, via);
                }
            }
            for (String sub : index.subdirectoriesOf(dir)) {
                if (graph.hasKustomizationFileName(sub)) {
                    directory(sub, via);
                } else {
                    generated(sub, via);
                }
            }
        }

        /**
         * A kustomization: its resources, its components (and, at the top of a Flux build, the Kustomization's),
         * then its transformers; {@code target} is a Flux targetNamespace that replaces its {@code namespace:}.
         */
        void kustomization(KustomizeFile k, List<String> via, ResolvedNamespace target, FluxBuild flux) {
            accumulate(k, via, drafts.size(), target, flux);
        }

        /**
         * One kustomization or component: its resources, its components (and, at the top of a Flux build, the
         * Kustomization's), then its transformers over everything accumulated since {@code start} (a component's
         * cover its parent's resources too); {@code target} is a Flux targetNamespace that replaces its
         * {@code namespace:}.
         */
        private void accumulate(
                KustomizeFile k, List<String> via, int start, ResolvedNamespace target, FluxBuild flux) {
            files.add(k.file());
            if (!enter(k, via)) {
                return;
            }
            List<String> here = new ArrayList<>(via);
            here.add(k.file().relativePath());
            resources(k, here);
            components(k, here, start);
            for (String c : flux.components()) {
                component(k.directory(), c, here, start);
            }
            ResolvedNamespace own = k.namespace() == null
                    ? null
                    : new ResolvedNamespace(
                            k.namespace(), "kustomization", k.file().relativePath());
            for (String field : List.of("patches", "patchesJson6902")) {
                transforms.patch(
                        Nodes.items(k.root(), field), k.directory(), k.file().relativePath(), span(start));
            }
            top(k, k.directory(), target != null ? target : own, flux, start);
            stack.remove(k);
        }

        /**
         * The transformers after the patches of a kustomization ({@code k}, or the one Flux generates when null):
         * Flux's {@code spec.patches}, the namespace, name prefixes and suffixes, replacements.
         */
        void top(KustomizeFile k, String dir, ResolvedNamespace namespace, FluxBuild flux, int start) {
            transforms.patch(flux.patches(), dir, flux.declaredBy(), span(start));
            if (namespace != null) {
                for (InstanceDraft d : span(start)) {
                    d.namespace = namespace;
                    if ("Namespace".equals(d.object.kind()) && "".equals(d.object.group())) {
                        d.name = namespace.value();
                    }
                }
            }
            if (k != null) {
                transforms.rename(k.root(), k.directory(), k.file().relativePath(), span(start));
                KustomizeTransforms.namespaceTransformers(k.root(), k.file().relativePath(), span(start));
            }
        }

        private List<InstanceDraft> span(int start) {
            return drafts.subList(start, drafts.size());
        }

        private boolean enter(KustomizeFile k, List<String> via) {
            if (stack.add(k)) {
                return true;
            }
            String path = k.file().relativePath();
            if (reportedCycles.add(path)) {
                problems.add(new Problem(
                        path,
                        1,
                        1,
                        "kustomization cycle: " + String.join(" -> ", via) + " -> " + path
                                + "; kustomize cannot build it"));
            }
            return false;
        }

        private void resources(KustomizeFile k, List<String> here) {
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.RESOURCE)) {
                if (e.status() == KustomizeEntry.Status.FILE) {
                    file(index.file(e.target()), here);
                } else if (e.status() == KustomizeEntry.Status.DIRECTORY) {
                    directory(e.target(), here);
                }
            }
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.PATCH)) {
                if (e.status() == KustomizeEntry.Status.FILE) {
                    ManifestFile patch = index.file(e.target());
                    files.add(patch);
                    patchFiles.add(patch);
                }
            }
        }

        private void components(KustomizeFile k, List<String> here, int start) {
            for (KustomizeEntry e : k.entries(KustomizeEntry.Role.COMPONENT)) {
                KustomizeFile c = e.status() == KustomizeEntry.Status.DIRECTORY ? graph.in(e.target()) : null;
                if (c != null) {
                    component(c, here, start);
                }
            }
        }

        /** A component named by a Flux Kustomization's {@code spec.components}, relative to its path. */
        void component(String dir, String path, List<String> via, int start) {
            String target = KustomizeGraph.normalize(dir, path);
            KustomizeFile c = target == null ? null : graph.in(target);
            if (c != null) {
                component(c, via, start);
            }
        }

        /** A component: its resources and components join the parent's, then its transformers run over all. */
        void component(KustomizeFile c, List<String> via, int start) {
            accumulate(c, via, start, null, FluxBuild.NONE);
        }

        void file(ManifestFile f, List<String> via) {
            files.add(f);
            for (KubeObject o : f.objects()) {
                if (o.kind() != null && !isKustomizeConfig(o)) {
                    drafts.add(new InstanceDraft(o, via));
                }
            }
        }
    }

    private static boolean isKustomizeConfig(KubeObject o) {
        return ManifestTree.KUSTOMIZE_GROUP.equals(o.group());
    }
}
