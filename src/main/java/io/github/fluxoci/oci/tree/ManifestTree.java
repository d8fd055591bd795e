package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * The manifests tree: every parsed file, every Kubernetes object in it, the kustomize graph (which
 * kustomization lists which file or directory), the Flux Kustomizations' paths, and each object's
 * effective namespace. Built by {@link TreeLoader}; read-only afterwards.
 */
public final class ManifestTree {

    public static final String HELM_GROUP = "helm.toolkit.fluxcd.io";
    public static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";
    public static final String FLUX_KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
    public static final String KUSTOMIZE_GROUP = "kustomize.config.k8s.io";

    private static final Set<String> KUSTOMIZATION_FILE_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Path root;
    private final Path realRoot;
    private final List<ManifestFile> files;
    private final List<Problem> problems;
    private final Map<String, ManifestFile> byPath = new HashMap<>();
    private final Set<String> directories = new HashSet<>();
    private final List<KubeObject> objects = new ArrayList<>();
    private final Map<String, List<KubeObject>> byKindAndName = new HashMap<>();
    private final Map<String, KustomizeFile> kustomizeByDirectory = new HashMap<>();
    private final List<KustomizeFile> kustomizeFiles = new ArrayList<>();
    private final Map<String, List<KustomizeEntry>> listers = new HashMap<>();
    private final Map<String, List<KubeObject>> fluxKustomizationsByPath = new HashMap<>();
    private final Map<KubeObject, ResolvedNamespace> namespaces = new IdentityHashMap<>();

    ManifestTree(Path root, Path realRoot, List<ManifestFile> files, List<Problem> problems) {
        this.root = root;
        this.realRoot = realRoot;
        this.files = List.copyOf(files);
        this.problems = problems;
        index();
        this.problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    }

    public static boolean isKustomizationFileName(String name) {
        return KUSTOMIZATION_FILE_NAMES.contains(name);
    }

    // ---------------------------------------------------------------- queries

    public Path root() {
        return root;
    }

    public List<ManifestFile> files() {
        return files;
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public ManifestFile file(String relativePath) {
        return byPath.get(relativePath);
    }

    public List<KubeObject> objects() {
        return Collections.unmodifiableList(objects);
    }

    public List<KubeObject> objects(String group, String kind) {
        return objects.stream().filter(o -> o.is(group, kind)).toList();
    }

    public List<KubeObject> helmReleases() {
        return objects(HELM_GROUP, "HelmRelease");
    }

    public List<KubeObject> helmRepositories() {
        return objects(SOURCE_GROUP, "HelmRepository");
    }

    public List<KubeObject> ociRepositories() {
        return objects(SOURCE_GROUP, "OCIRepository");
    }

    public List<KubeObject> fluxKustomizations() {
        return objects(FLUX_KUSTOMIZE_GROUP, "Kustomization");
    }

    public List<KustomizeFile> kustomizeFiles() {
        return Collections.unmodifiableList(kustomizeFiles);
    }

    /** The kustomization file of a directory ("" = root), or null. */
    public KustomizeFile kustomizeFileIn(String directory) {
        return kustomizeByDirectory.get(directory);
    }

    /** The kustomization entries that point at a file or directory (relative path). */
    public List<KustomizeEntry> listersOf(String relativePath) {
        return listers.getOrDefault(relativePath, List.of());
    }

    /** Flux Kustomizations whose {@code spec.path} is this directory. */
    public List<KubeObject> fluxKustomizationsFor(String directory) {
        return fluxKustomizationsByPath.getOrDefault(directory, List.of());
    }

    /** The namespace an object ends up in (see FLUX-FACTS: metadata, kustomization, Flux targetNamespace). */
    public ResolvedNamespace namespaceOf(KubeObject object) {
        return namespaces.getOrDefault(object, ResolvedNamespace.UNKNOWN);
    }

    /**
     * Objects of a kind with a name in a namespace. When the namespace is unknown on either side, a single
     * object of that name is taken (two objects in one build with no namespace of their own end up together).
     */
    public KubeObject find(String group, String kind, String name, String namespace) {
        List<KubeObject> candidates = byKindAndName.getOrDefault(kind + "/" + name, List.of()).stream()
                .filter(o -> group.equals(o.group())).toList();
        for (KubeObject o : candidates) {
            if (namespace != null && namespace.equals(namespaceOf(o).value())) {
                return o;
            }
        }
        List<KubeObject> loose = candidates.stream()
                .filter(o -> namespace == null || namespaceOf(o).value() == null).toList();
        return loose.size() == 1 ? loose.get(0) : null;
    }

    /**
     * True when something builds this file: a kustomization lists it (or its directory, for the kustomization
     * file itself), or a Flux Kustomization points at a directory without kustomization.yaml above it.
     */
    public boolean isReferenced(ManifestFile file) {
        if (!listersOf(file.relativePath()).isEmpty()) {
            return true;
        }
        if (isKustomizationFileName(file.name())) {
            return !listersOf(file.directory()).isEmpty() || !fluxKustomizationsFor(file.directory()).isEmpty();
        }
        return fluxDirectoryGenerating(file.directory()) != null;
    }

    /** True when kustomizations list this file only under {@code patches}: its documents are overlays, not objects. */
    public boolean isPatchFile(ManifestFile file) {
        List<KustomizeEntry> entries = listersOf(file.relativePath());
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.role() == KustomizeEntry.Role.PATCH);
    }

    // ---------------------------------------------------------------- indexing

    private void index() {
        for (ManifestFile f : files) {
            byPath.put(f.relativePath(), f);
            String dir = f.directory();
            while (directories.add(dir) && !dir.isEmpty()) {
                int slash = dir.lastIndexOf('/');
                dir = slash < 0 ? "" : dir.substring(0, slash);
            }
            for (KubeObject o : f.objects()) {
                objects.add(o);
                if (o.kind() != null && o.name() != null) {
                    byKindAndName.computeIfAbsent(o.kind() + "/" + o.name(), k -> new ArrayList<>()).add(o);
                }
            }
            if (isKustomizationFileName(f.name()) && f.parsed() && !f.objects().isEmpty()) {
                KubeObject first = f.objects().get(0);
                boolean kustomize = first.kind() == null || KUSTOMIZE_GROUP.equals(first.group());
                if (kustomize) {
                    String kind = first.kind() == null ? "Kustomization" : first.kind();
                    KustomizeFile k = new KustomizeFile(f, first.root(), kind, Nodes.text(first.root(), "namespace"));
                    kustomizeFiles.add(k);
                    kustomizeByDirectory.putIfAbsent(f.directory(), k);
                }
            }
        }
        for (KustomizeFile k : kustomizeFiles) {
            readEntries(k);
        }
        for (KubeObject o : fluxKustomizations()) {
            String path = Nodes.text(o.root(), "spec", "path");
            if (path == null || path.contains("${")) {
                continue;
            }
            String dir = normalize("", path);
            if (dir != null) {
                fluxKustomizationsByPath.computeIfAbsent(dir, k -> new ArrayList<>()).add(o);
            }
        }
        for (KubeObject o : objects) {
            namespaces.put(o, resolveNamespace(o));
        }
    }

    private void readEntries(KustomizeFile k) {
        MappingNode root = k.root();
        for (String key : List.of("resources", "bases")) {
            for (Node item : Nodes.items(root, key)) {
                addEntry(k, KustomizeEntry.Role.RESOURCE, item);
            }
        }
        for (Node item : Nodes.items(root, "components")) {
            addEntry(k, KustomizeEntry.Role.COMPONENT, item);
        }
        for (String key : List.of("patches", "patchesJson6902")) {
            for (Node item : Nodes.items(root, key)) {
                Node path = Nodes.get(item, "path");
                if (path != null) {
                    addEntry(k, KustomizeEntry.Role.PATCH, path);
                }
            }
        }
        for (Node item : Nodes.items(root, "patchesStrategicMerge")) {
            if (item instanceof ScalarNode s && s.getValue().indexOf('\n') < 0 && !s.getValue().contains(":")) {
                addEntry(k, KustomizeEntry.Role.PATCH, item);
            }
        }
    }

    private void addEntry(KustomizeFile k, KustomizeEntry.Role role, Node item) {
        if (!(item instanceof ScalarNode scalar)) {
            return;
        }
        String value = scalar.getValue().trim();
        if (value.isEmpty()) {
            return;
        }
        KustomizeEntry entry;
        if (isRemote(value)) {
            entry = new KustomizeEntry(k, role, value, item, null, KustomizeEntry.Status.REMOTE);
        } else {
            String target = normalize(k.directory(), value);
            if (target == null) {
                entry = new KustomizeEntry(k, role, value, item, null, KustomizeEntry.Status.OUTSIDE_ROOT);
            } else {
                entry = new KustomizeEntry(k, role, value, item, target, statusOf(target));
                if (entry.status() == KustomizeEntry.Status.OUTSIDE_ROOT) {
                    entry = new KustomizeEntry(k, role, value, item, null, KustomizeEntry.Status.OUTSIDE_ROOT);
                }
            }
            if (entry.status() == KustomizeEntry.Status.OUTSIDE_ROOT) {
                problems.add(new Problem(k.file().relativePath(), entry.line(), entry.column(),
                        role.name().toLowerCase() + " path \"" + value + "\" leaves the scanned tree; not followed"
                                + " (scan a directory that contains it with -Doci.directory=...)"));
            }
        }
        k.add(entry);
        if (entry.target() != null) {
            listers.computeIfAbsent(entry.target(), t -> new ArrayList<>()).add(entry);
        }
    }

    private KustomizeEntry.Status statusOf(String target) {
        if (byPath.containsKey(target)) {
            return KustomizeEntry.Status.FILE;
        }
        Path p = target.isEmpty() ? root : root.resolve(target);
        if (directories.contains(target) && !Files.isSymbolicLink(p)) {
            return KustomizeEntry.Status.DIRECTORY;
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return KustomizeEntry.Status.MISSING;
        }
        try {
            if (!p.toRealPath().startsWith(realRoot)) {
                return KustomizeEntry.Status.OUTSIDE_ROOT;
            }
        } catch (IOException e) {
            return KustomizeEntry.Status.MISSING;
        }
        return Files.isDirectory(p) ? KustomizeEntry.Status.DIRECTORY : KustomizeEntry.Status.OTHER_FILE;
    }

    private static boolean isRemote(String value) {
        return value.contains("://") || value.startsWith("github.com/") || value.startsWith("git@")
                || value.contains("?ref=") || value.startsWith("gitlab.com/");
    }

    /** Joins a path to a directory and normalizes it; null when it climbs out of the root. */
    static String normalize(String directory, String path) {
        PathStack parts = new PathStack();
        if (!path.startsWith("/") && !directory.isEmpty()) {
            for (String p : directory.split("/")) {
                parts.push(p);
            }
        }
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.pop();
            } else {
                parts.push(p);
            }
        }
        return parts.join();
    }

    private static final class PathStack {
        private final List<String> items = new ArrayList<>();

        void push(String s) {
            items.add(s);
        }

        void pop() {
            items.remove(items.size() - 1);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        String join() {
            return String.join("/", items);
        }
    }

    // ---------------------------------------------------------------- namespaces

    private ResolvedNamespace resolveNamespace(KubeObject o) {
        if (o.metadataNamespace() != null) {
            return new ResolvedNamespace(o.metadataNamespace(), "metadata", o.file().relativePath());
        }
        // 2. the nearest kustomization (walking up through those that include it) that sets namespace:
        List<KustomizeFile> chain = kustomizationsAbove(o.file().relativePath());
        for (KustomizeFile k : chain) {
            if (k.namespace() != null) {
                return new ResolvedNamespace(k.namespace(), "kustomization", k.file().relativePath());
            }
        }
        // 3. the Flux Kustomization that builds one of those directories (or the file's own, generated)
        Set<String> candidates = new LinkedHashSet<>();
        for (KustomizeFile k : chain) {
            for (KubeObject flux : fluxKustomizationsFor(k.directory())) {
                candidates.add(Objects.toString(Nodes.text(flux.root(), "spec", "targetNamespace"), ""));
            }
        }
        if (chain.isEmpty()) {
            String dir = fluxDirectoryGenerating(o.file().directory());
            if (dir != null) {
                for (KubeObject flux : fluxKustomizationsFor(dir)) {
                    candidates.add(Objects.toString(Nodes.text(flux.root(), "spec", "targetNamespace"), ""));
                }
            }
        }
        candidates.remove("");
        if (candidates.size() == 1) {
            String ns = candidates.iterator().next();
            return new ResolvedNamespace(ns, "flux-kustomization", null);
        }
        return ResolvedNamespace.UNKNOWN;
    }

    /** Kustomizations that build a file, nearest first (breadth-first up the resources/components graph). */
    public List<KustomizeFile> kustomizationsAbove(String relativePath) {
        List<KustomizeFile> out = new ArrayList<>();
        Set<KustomizeFile> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(relativePath);
        while (!queue.isEmpty()) {
            String target = queue.poll();
            for (KustomizeEntry e : listersOf(target)) {
                if (e.role() == KustomizeEntry.Role.PATCH || !seen.add(e.owner())) {
                    continue;
                }
                out.add(e.owner());
                queue.add(e.owner().directory());
                queue.add(e.owner().file().relativePath());
            }
        }
        return out;
    }

    /**
     * The directory of a Flux Kustomization that builds {@code directory} with a generated kustomization
     * (no kustomization.yaml from there up to it), or null.
     */
    private String fluxDirectoryGenerating(String directory) {
        String dir = directory;
        while (true) {
            if (!fluxKustomizationsFor(dir).isEmpty() && kustomizeByDirectory.get(dir) == null) {
                return dir;
            }
            if (kustomizeByDirectory.containsKey(dir) || dir.isEmpty()) {
                return null;
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }
}
