package io.github.fluxoci.oci.tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests tree as Flux builds it: the parsed files and their objects ({@link FileIndex}), the kustomize
 * graph ({@link KustomizeGraph}), the entry points Flux applies and the builds they make
 * ({@link EntryPointFinder}, {@link BuildWalker}), and every object's instances, one per build, each with the
 * namespace that build gives it. Built by {@link TreeLoader}; read-only afterwards.
 */
public final class ManifestTree {

    public static final String HELM_GROUP = "helm.toolkit.fluxcd.io";
    public static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";
    public static final String FLUX_KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
    public static final String KUSTOMIZE_GROUP = "kustomize.config.k8s.io";

    /**
     * True for an API group of Flux's: its controllers' ({@code *.toolkit.fluxcd.io}), its extensions'
     * ({@code source.extensions.fluxcd.io}) and the Flux Operator's ({@code fluxcd.controlplane.io}).
     */
    public static boolean isFluxGroup(String group) {
        return group != null && (group.endsWith(".fluxcd.io") || group.equals(EntryPointFinder.FLUX_INSTANCE_GROUP));
    }

    private final Path root;
    private final List<Problem> problems;
    private final FileIndex index;
    private final KustomizeGraph graph;
    private final EntryPointFinder.Result builds;
    private final List<ObjectInstance> instances = new ArrayList<>();
    private final Map<KubeObject, List<ObjectInstance>> instancesByObject = new IdentityHashMap<>();
    /** {@code Kind/name} -> the instances a build names so */
    private final Map<String, List<ObjectInstance>> instancesByName = new HashMap<>();

    private final List<String> clusters;
    private List<String> leftovers = List.of();

    private final BuildWalker walker;
    private final FluxSourcePaths paths;
    private final List<FluxInstanceSpec> fluxInstances;
    private final List<TreeNotice> notices;

    ManifestTree(
            Path root, Path realRoot, List<ManifestFile> files, List<Problem> problems, List<String> artifactRoots) {
        this.root = root;
        this.problems = problems;
        this.index = new FileIndex(files);
        this.graph = new KustomizeGraph(root, realRoot, index, problems);
        this.walker = new BuildWalker(index, graph, new ArrayList<>());
        this.paths = new FluxSourcePaths(root, index);
        this.fluxInstances = FluxInstanceSpec.find(index, graph);
        this.builds = new EntryPointFinder(paths, index, graph, new BuildWalker(index, graph, problems), artifactRoots)
                .find(fluxInstances);
        Set<String> clusterNames = new LinkedHashSet<>();
        for (BuildWalker.Build b : builds.builds()) {
            clusterNames.add(b.entryPoint().cluster());
            for (ObjectInstance i : b.instances()) {
                instances.add(i);
                instancesByObject
                        .computeIfAbsent(i.object(), o -> new ArrayList<>())
                        .add(i);
                instancesByName
                        .computeIfAbsent(i.object().kind() + "/" + i.name(), n -> new ArrayList<>())
                        .add(i);
            }
        }
        this.clusters = List.copyOf(clusterNames);
        this.notices = new ArrayList<>(builds.notices());
        this.notices.addAll(ModelLimits.of(instances, graph, builds.built()));
        this.problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    }

    public static boolean isKustomizationFileName(String name) {
        return KustomizeGraph.FILE_NAMES.contains(name);
    }

    // ---------------------------------------------------------------- files and objects

    public Path root() {
        return root;
    }

    public List<ManifestFile> files() {
        return index.files();
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public ManifestFile file(String relativePath) {
        return index.file(relativePath);
    }

    /** Every document with a kind, deployed or not. */
    public List<KubeObject> objects() {
        return index.objects();
    }

    public List<KubeObject> objects(String group, String kind) {
        return index.objects().stream().filter(o -> o.is(group, kind)).toList();
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

    /**
     * Every object of a kind with a name, wherever it sits, deployed or not: named so in its document, or by a
     * build ({@code namePrefix}, a replacement, a postBuild variable).
     */
    public List<KubeObject> named(String group, String kind, String name) {
        Set<KubeObject> out = Collections.newSetFromMap(new IdentityHashMap<>());
        List<KubeObject> named = new ArrayList<>();
        for (KubeObject o : index.objectsNamed(kind, name)) {
            if (out.add(o)) {
                named.add(o);
            }
        }
        for (ObjectInstance i : instancesByName.getOrDefault(kind + "/" + name, List.of())) {
            if (out.add(i.object())) {
                named.add(i.object());
            }
        }
        return named.stream().filter(o -> group.equals(o.group())).toList();
    }

    /** Temporary files an interrupted {@code oci:migrate} left in the tree (relative paths). */
    public List<String> leftovers() {
        return leftovers;
    }

    void setLeftovers(List<String> leftovers) {
        this.leftovers = List.copyOf(leftovers);
    }

    // ---------------------------------------------------------------- kustomize

    public List<KustomizeFile> kustomizeFiles() {
        return graph.files();
    }

    /** The kustomization file of a directory ("" = root), or null. */
    public KustomizeFile kustomizeFileIn(String directory) {
        return graph.in(directory);
    }

    /** The kustomization entries that point at a file or directory (relative path). */
    public List<KustomizeEntry> listersOf(String relativePath) {
        return graph.listersOf(relativePath);
    }

    /** True when kustomizations list this file only under {@code patches}: its documents are overlays, not objects. */
    public boolean isPatchFile(ManifestFile file) {
        return graph.isPatchOnly(file);
    }

    // ---------------------------------------------------------------- builds

    /**
     * False for a tree with no Flux Kustomization and no FluxInstance: then the whole tree is one build (each top
     * kustomization built, each unlisted file on its own) and everything counts as deployed.
     */
    public boolean hasEntryPoints() {
        return !builds.wholeTree();
    }

    /** What Flux applies, cluster by cluster (in a tree without entry points: the top kustomizations). */
    public List<EntryPoint> entryPoints() {
        return builds.entryPoints();
    }

    /** Flux Kustomizations of this repository that no entry point applies (an archive, a leftover). */
    public List<KubeObject> unappliedFluxKustomizations() {
        return builds.notApplied();
    }

    /** The clusters, each named after the root it is reached from ({@code ""} for a tree without entry points). */
    public List<String> clusters() {
        return clusters;
    }

    /**
     * For a Flux Kustomization that builds from this repository (a source the tree shows is this repository's), the
     * {@code spec.path} it declares when no folder or file of the tree is there; null otherwise (the path exists,
     * is a substitution, or belongs to another source). Paths of an OCI-artifact source are relative to the folder
     * its artifact is pushed from.
     */
    public String missingPath(KubeObject kustomization) {
        return builds.missingPaths().get(kustomization);
    }

    /**
     * How the tree was read where it could be read more than one way, and what could not be read: the folder an
     * OCI-artifact sync is pushed from, Kustomizations of other sources, postBuild variables without a value in the
     * tree, kustomize features the model does not follow, and a tree whose entry points deploy nothing.
     */
    public List<TreeNotice> notices() {
        return Collections.unmodifiableList(notices);
    }

    /**
     * What each flux-operator FluxInstance of the tree declares, wherever it is written (a FluxInstance, inline
     * values of a flux-instance HelmRelease, or a values file a kustomization generates a ConfigMap from).
     */
    public List<FluxInstanceSpec> fluxInstances() {
        return fluxInstances;
    }

    /** Every object instance of every build. */
    public List<ObjectInstance> instances() {
        return Collections.unmodifiableList(instances);
    }

    /** The instances of one object: one per build that yields it; empty when nothing deploys it. */
    public List<ObjectInstance> instancesOf(KubeObject object) {
        return instancesByObject.getOrDefault(object, List.of());
    }

    /** True when some build yields the object (always, in a tree without entry points). */
    public boolean isDeployed(KubeObject object) {
        return !instancesOf(object).isEmpty();
    }

    /**
     * True when some build reaches this file: an entry point's build (or, in a tree without entry points, a
     * kustomization) lists it or generates it. A file that nothing builds is never applied.
     */
    public boolean isBuilt(ManifestFile file) {
        return builds.built().contains(file);
    }

    /**
     * What one build of a folder yields, on its own: as {@code kubectl kustomize} builds it, or as Flux does with
     * {@code targetNamespace} (null for none); a folder without kustomization.yaml builds every manifest below it.
     */
    public List<ObjectInstance> build(String directory, String targetNamespace) {
        EntryPoint ep =
                new EntryPoint(EntryPoint.Kind.WHOLE_TREE, "", null, directory, null, targetNamespace, List.of());
        return walker.walk(ep).instances();
    }

    /**
     * The instance of a kind with a name in a namespace of one cluster. When the namespace is unknown on either
     * side, a single instance of that name in the cluster is taken (two objects of one build with no namespace of
     * their own end up together). Null when there is none.
     */
    public ObjectInstance find(String group, String kind, String name, String namespace, String cluster) {
        List<ObjectInstance> candidates = new ArrayList<>();
        for (ObjectInstance i : instancesByName.getOrDefault(kind + "/" + name, List.of())) {
            if (group.equals(i.object().group()) && i.cluster().equals(cluster)) {
                candidates.add(i);
            }
        }
        for (ObjectInstance i : candidates) {
            if (namespace != null && namespace.equals(i.namespaceValue())) {
                return i;
            }
        }
        List<ObjectInstance> loose = candidates.stream()
                .filter(i -> namespace == null || i.namespaceValue() == null)
                .toList();
        return loose.size() == 1 ? loose.get(0) : null;
    }
}
