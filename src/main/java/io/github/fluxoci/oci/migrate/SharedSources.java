package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.scan.ReleaseClassifier;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * {@code oci.share=chart}: releases of one chart at one version (same OCI url, same ref, same carried-over fields)
 * share one OCIRepository, as most people who migrated by hand did for charts used many times ({@code app-template}).
 *
 * <p>Layout {@code namespace}: one OCIRepository in {@code oci.shareNamespace}, in {@code <name>.yaml} of a folder
 * deployed in every cluster of those releases that already holds shared sources of that namespace (existing
 * OCIRepositories first, then the folder of the releases' HelmRepository, or its sibling {@code oci} folder), listed
 * in that folder's kustomization; releases name it with {@code chartRef.namespace}. Layout {@code component}: a kustomize
 * Component holding the OCIRepository without a namespace, included by the kustomization of each namespace folder
 * (the innermost kustomization above the release, or above the Flux Kustomization that deploys it, whose
 * {@code namespace:} gives objects the release's namespace).
 *
 * <p>A group is named after the chart; when one chart is shared at several versions, each is named
 * {@code <chart>-<version>}. An OCIRepository (or component) in the tree with the same url and ref is reused. A
 * release that cannot share keeps its own OCIRepository and gets a note saying why. Which folder holds a namespace's
 * sources is {@link SharedFolders}'s question, which kustomization is a release's namespace folder
 * {@link NamespaceFolders}'s.
 *
 * <p>Large because both layouts place the same groups under the same naming and reuse rules; the folder questions
 * are already in their own classes.
 */
final class SharedSources {

    /**
     * Where one group's OCIRepository is, for one of its releases.
     *
     * @param name               the OCIRepository's name
     * @param chartRefNamespace  the release's {@code chartRef.namespace}, or null when it is the release's own
     * @param file               the file that holds it; null for a group in its releases' own namespace until its
     *                           first release is placed (it is written beside that release)
     * @param reused             true when the tree already has it
     * @param metadataNamespace  its {@code metadata.namespace} when new: null in the component layout
     * @param namespace          the namespace it ends up in
     * @param group              the group's index: releases with the same index share one OCIRepository
     * @param folder             namespace layout: the folder whose kustomization lists it; component layout: the
     *                           component's folder
     * @param namespaceFolder    component layout: the kustomization of the release's namespace folder
     */
    record Share(
            String name,
            String chartRefNamespace,
            String file,
            boolean reused,
            String metadataNamespace,
            String namespace,
            int group,
            String folder,
            KustomizeFile namespaceFolder) {

        /** Written beside the first release of the group, as without sharing. */
        boolean besideFirst() {
            return !reused && file == null;
        }
    }

    /** One (url, ref, carried fields) with its releases. */
    private static final class Group {

        final String chart;
        final int index;
        final List<ScannedRelease> releases = new ArrayList<>();
        String name;
        /** namespace layout: the folder of the file; component layout: the component's folder */
        String folder;

        KubeObject existing;
        /** all releases in one namespace: the OCIRepository sits there, beside the first release (no cross-namespace ref) */
        String localNamespace;

        Group(String chart, int index) {
            this.chart = chart;
            this.index = index;
        }
    }

    private final ManifestTree tree;
    private final ShareOptions options;
    private final Map<ScannedRelease, Group> groupOf = new LinkedHashMap<>();
    private final Map<ScannedRelease, String> notShared = new LinkedHashMap<>();
    /** component layout: the namespace kustomization of each release */
    private final Map<ScannedRelease, KustomizeFile> namespaceFolder = new LinkedHashMap<>();

    private final SharedFolders folders;
    private final MirrorPrefix mirror;
    private final NamespaceFolders namespaces;

    private SharedSources(ManifestTree tree, ShareOptions options, MirrorPrefix mirror) {
        this.mirror = mirror;
        this.tree = tree;
        this.options = options;
        this.folders = new SharedFolders(tree, options.namespace());
        this.namespaces = new NamespaceFolders(tree);
    }

    /**
     * Groups the releases; the result is not changed afterwards.
     *
     * @param keyOf    the OCIRepository a release would get, as text without name, namespace and interval (releases
     *                 with the same text can share)
     * @param ownOnly  why a release must keep its own OCIRepository (an overlay patches its version), or null
     */
    static SharedSources assign(
            ManifestTree tree,
            ShareOptions options,
            MirrorPrefix mirror,
            List<ScannedRelease> releases,
            Function<ScannedRelease, String> keyOf,
            Function<ScannedRelease, String> ownOnly) {
        SharedSources s = new SharedSources(tree, options, mirror);
        s.group(releases, keyOf, ownOnly);
        return s;
    }

    private void group(
            List<ScannedRelease> releases,
            Function<ScannedRelease, String> keyOf,
            Function<ScannedRelease, String> ownOnly) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (ScannedRelease r : releases) {
            String why = ownOnly.apply(r);
            String key = keyOf.apply(r);
            if (why == null) {
                why = sharingProblem(r, key);
            }
            if (why != null) {
                notShared.put(r, why);
                continue;
            }
            String chart = ChartUrls.lastSegment(ChartUrls.normalize(r.oci().url()));
            groups.computeIfAbsent(key, k -> new Group(chart, groups.size()))
                    .releases
                    .add(r);
        }
        Map<String, List<Group>> byChart = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            int n = distinctReleases(g);
            if (n < options.minReleases()) {
                refuse(
                        g,
                        "only " + n + (n == 1 ? " release" : " releases") + " of " + g.chart + " at "
                                + version(g.releases.get(0)) + " (oci.shareMinReleases=" + options.minReleases() + ")");
                continue;
            }
            byChart.computeIfAbsent(g.chart, c -> new ArrayList<>()).add(g);
        }
        Set<String> taken = new HashSet<>();
        for (List<Group> sameChart : byChart.values()) {
            for (Group g : sameChart) {
                if (options.layout() == ShareLayout.NAMESPACE) {
                    placeInNamespace(g, sameChart.size() > 1, taken);
                } else {
                    placeInComponent(g, sameChart.size() > 1, taken);
                }
            }
        }
    }

    /** The shared OCIRepository of a release, or null when it keeps its own. */
    Share planned(ScannedRelease r) {
        Group g = groupOf.get(r);
        if (g == null) {
            return null;
        }
        String chartRefNs = options.layout() == ShareLayout.NAMESPACE
                        && g.localNamespace == null
                        && !options.namespace().equals(r.namespace().value())
                ? options.namespace()
                : null;
        String file = g.existing != null
                ? g.existing.file().relativePath()
                : g.localNamespace != null
                        ? null
                        : options.layout() == ShareLayout.NAMESPACE
                                ? namespaceFile(g)
                                : join(g.folder, ReleaseClassifier.OCI_REPOSITORY_FILE);
        String metadataNamespace = g.localNamespace != null
                ? r.object().metadataNamespace()
                : options.layout() == ShareLayout.NAMESPACE ? options.namespace() : null;
        String namespace = g.localNamespace != null || options.layout() == ShareLayout.COMPONENT
                ? r.namespace().value()
                : options.namespace();
        return new Share(
                g.name,
                chartRefNs,
                file,
                g.existing != null,
                metadataNamespace,
                namespace,
                g.index,
                g.folder,
                namespaceFolder.get(r));
    }

    /**
     * The files a new shared OCIRepository needs, written with its group's first release: its file, listed in the
     * folder's kustomization (namespace layout), or the component's files (component layout).
     */
    PlanPart firstWrite(Share share, YamlEdits style, String document) {
        PlanPart.Builder out = new PlanPart.Builder().document(share.file(), style, document, true);
        if (options.layout() == ShareLayout.NAMESPACE) {
            KustomizeFile k = tree.kustomizeFileIn(share.folder());
            if (k != null) {
                out.add(KustomizationAdditions.in(tree, k, share.file()));
            }
        } else {
            out.document(
                    join(share.folder(), "kustomization.yaml"),
                    style,
                    "---\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./"
                            + ReleaseClassifier.OCI_REPOSITORY_FILE + "\n",
                    true);
        }
        return out.build();
    }

    /** Component layout: the release's namespace folder includes the component (each release, once per folder). */
    PlanPart include(Share share) {
        return options.layout() == ShareLayout.COMPONENT
                ? KustomizationAdditions.component(tree, share.namespaceFolder(), share.folder())
                : PlanPart.EMPTY;
    }

    /** Why a release keeps its own OCIRepository, or null when it is shared. */
    String notShared(ScannedRelease r) {
        return notShared.get(r);
    }

    // ---------------------------------------------------------------- eligibility

    private String sharingProblem(ScannedRelease r, String key) {
        if (!r.deployed()) {
            return "not shared: no Flux entry point builds it";
        }
        if (Objects.toString(r.oci().tag(), "").contains("${")
                || Objects.toString(r.oci().semver(), "").contains("${")) {
            return "not shared: its version is a Flux substitution, which differs per build";
        }
        if (!r.namespace().known()) {
            return "not shared: its namespace is not known";
        }
        if (options.layout() == ShareLayout.NAMESPACE
                && (key.contains("\n  secretRef:") || key.contains("\n  certSecretRef:"))) {
            String repoNs = r.source() == null ? null : r.source().namespace();
            if (!options.namespace().equals(repoNs)) {
                return "not shared: its HelmRepository's credentials (secretRef) live in " + repoNs + ", not in "
                        + options.namespace();
            }
        }
        return null;
    }

    private static int distinctReleases(Group g) {
        Set<KubeObject> docs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        g.releases.forEach(r -> docs.add(r.object()));
        return docs.size();
    }

    private static String version(ScannedRelease r) {
        return r.oci().tag() != null ? r.oci().tag() : r.oci().semver();
    }

    // ---------------------------------------------------------------- names

    /**
     * {@code <chart>} or, when the chart is shared at several versions, {@code <chart>-<version>}, made a Kubernetes
     * name (DNS-1123: lowercase letters, digits and '-'; {@code _} and {@code .} of an OCI chart name become '-', at
     * most 253 characters): {@code my_chart.v2} is named {@code my-chart-v2}, and the release's notes say so.
     */
    private static String nameOf(Group g, boolean severalVersions) {
        String v = severalVersions ? kubernetesName(version(g.releases.get(0))) : "";
        String name = kubernetesName(g.chart) + (v.isEmpty() ? "" : "-" + v);
        return name.length() <= 253 ? name : name.substring(0, 253).replaceAll("-+$", "");
    }

    private static String kubernetesName(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** A note when the shared OCIRepository's name is not the chart's own (it was no Kubernetes name), else null. */
    String renamed(ScannedRelease r) {
        Group g = groupOf.get(r);
        return g == null || g.existing != null || g.name == null || g.name.startsWith(g.chart)
                ? null
                : "the shared OCIRepository is named " + g.name + ": the chart name " + g.chart + " is no Kubernetes"
                        + " name (DNS-1123: lowercase letters, digits and '-')";
    }

    private boolean sameSource(KubeObject oci, Group g) {
        ScannedRelease r = g.releases.get(0);
        String url = Nodes.text(oci.root(), "spec", "url");
        return url != null
                && ChartUrls.normalize(url)
                        .equals(ChartUrls.normalize(mirror.urlFor(r.oci().url())))
                && Objects.equals(
                        Nodes.text(oci.root(), "spec", "ref", "tag"), r.oci().tag())
                && Objects.equals(
                        Nodes.text(oci.root(), "spec", "ref", "semver"), r.oci().semver());
    }

    private Set<String> clustersOf(Group g) {
        Set<String> out = new LinkedHashSet<>();
        g.releases.forEach(r -> out.add(r.cluster()));
        return out;
    }

    // ---------------------------------------------------------------- namespace layout

    private void placeInNamespace(Group g, boolean severalVersions, Set<String> taken) {
        Set<String> clusters = clustersOf(g);
        Set<String> namespaces = new HashSet<>();
        g.releases.forEach(r -> namespaces.add(r.namespace().value()));
        if (namespaces.size() == 1 && !namespaces.contains(options.namespace())) {
            placeInTheirNamespace(g, namespaces.iterator().next(), severalVersions, clusters, taken);
            return;
        }
        // an OCIRepository of the same url and ref in the share namespace, deployed in every cluster: reuse it
        for (KubeObject oci : tree.ociRepositories()) {
            if (sameSource(oci, g)
                    && folders.clustersDeploying(oci, options.namespace()).containsAll(clusters)
                    && SharedFolders.withoutRelease(oci.file())) {
                share(g, oci.name(), null, null, oci);
                return;
            }
        }
        String name = unique(nameOf(g, severalVersions), g, options.namespace(), clusters, taken);
        String why = null;
        String folder = options.folder() != null ? options.folder() : folders.folderFor(g.releases.get(0), clusters);
        if (folder == null) {
            why = "no folder deployed in " + (clusters.size() == 1 ? "its cluster" : "all of its clusters")
                    + " holds sources of namespace " + options.namespace()
                    + "; name one with -Doci.shareFolder=<folder>";
        } else if (options.folder() != null && tree.kustomizeFileIn(folder) == null && !isEntryPath(folder)) {
            why = "oci.shareFolder " + folder + " has no kustomization.yaml and no Flux Kustomization builds it";
        } else if (!taken.add(options.namespace() + "/" + name) || nameInUse(name, options.namespace(), clusters)) {
            why = "OCIRepository " + options.namespace() + "/" + name + " already exists with another url or ref";
        } else if (exists(join(folder, name + ".yaml")) && exists(join(folder, name + "-ocirepository.yaml"))) {
            why = join(folder, name + ".yaml") + " already exists";
        }
        if (why != null) {
            refuse(g, why);
        } else {
            share(g, name, folder, null, null);
        }
    }

    /**
     * Releases that all live in one namespace share an OCIRepository in that namespace, written beside the first of
     * them (as without sharing) and deployed with it: no cross-namespace reference is needed.
     */
    private void placeInTheirNamespace(
            Group g, String namespace, boolean severalVersions, Set<String> clusters, Set<String> taken) {
        for (KubeObject oci : tree.ociRepositories()) {
            if (sameSource(oci, g) && folders.clustersDeploying(oci, namespace).containsAll(clusters)) {
                share(g, oci.name(), null, namespace, oci);
                return;
            }
        }
        ScannedRelease first = g.releases.get(0);
        Set<String> firstClusters = new HashSet<>();
        tree.instancesOf(first.object()).forEach(i -> firstClusters.add(i.cluster()));
        String name = unique(nameOf(g, severalVersions), g, namespace, clusters, taken);
        String why = null;
        if (!firstClusters.containsAll(clusters)) {
            why = "its releases are deployed in different clusters";
        } else if (!taken.add(namespace + "/" + name) || nameInUse(name, namespace, clusters)) {
            why = "OCIRepository " + namespace + "/" + name + " already exists with another url or ref";
        }
        if (why != null) {
            refuse(g, why);
        } else {
            share(g, name, null, namespace, null);
        }
    }

    /**
     * A name the plugin made from a chart name that is no Kubernetes name ({@code my_chart} and {@code my.chart} both
     * become {@code my-chart}): when another source has it, the next free {@code my-chart-2}, {@code my-chart-3}. A name
     * that is the chart's own is kept (its collision is a reason not to share, as before).
     */
    private String unique(String name, Group g, String namespace, Set<String> clusters, Set<String> taken) {
        if (name.startsWith(g.chart)) {
            return name;
        }
        String candidate = name;
        for (int i = 2; taken.contains(namespace + "/" + candidate) || nameInUse(candidate, namespace, clusters); i++) {
            String suffix = "-" + i;
            candidate =
                    (name.length() + suffix.length() > 253 ? name.substring(0, 253 - suffix.length()) : name) + suffix;
        }
        return candidate;
    }

    private boolean nameInUse(String name, String namespace, Set<String> clusters) {
        for (String cluster : clusters) {
            if (tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", name, namespace, cluster) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean isEntryPath(String folder) {
        return tree.entryPoints().stream().anyMatch(e -> folder.equals(e.path()));
    }

    /** {@code <name>.yaml} in the folder, or {@code <name>-ocirepository.yaml} when a file has that name (its HelmRepository). */
    private String namespaceFile(Group g) {
        String plain = join(g.folder, g.name + ".yaml");
        return tree.file(plain) == null
                        && !java.nio.file.Files.exists(tree.root().resolve(plain))
                ? plain
                : join(g.folder, g.name + "-ocirepository.yaml");
    }

    // ---------------------------------------------------------------- component layout

    private static String noNamespaceFolder(ScannedRelease r) {
        return "not shared: no kustomization above it sets its namespace "
                + r.namespace().value() + " ("
                + r.namespace().source().replace('-', ' ') + " sets it), so a component has no namespace folder to be"
                + " included in; -Doci.shareLayout=namespace shares it from one namespace instead";
    }

    private void placeInComponent(Group g, boolean severalVersions, Set<String> taken) {
        List<ScannedRelease> placed = new ArrayList<>();
        for (ScannedRelease r : g.releases) {
            KustomizeFile k = namespaces.of(r);
            if (k == null) {
                notShared.put(r, noNamespaceFolder(r));
            } else {
                namespaceFolder.put(r, k);
                placed.add(r);
            }
        }
        if (placed.size() < options.minReleases()) {
            placed.forEach(r -> notShared.put(
                    r,
                    "not shared: only " + placed.size() + " of its releases have a namespace"
                            + " folder (oci.shareMinReleases=" + options.minReleases() + ")"));
            return;
        }
        g.releases.retainAll(placed);
        // an existing component with the same OCIRepository: include it
        for (KubeObject oci : tree.ociRepositories()) {
            KustomizeFile k = tree.kustomizeFileIn(oci.file().directory());
            if (k != null && "Component".equals(k.kind()) && oci.metadataNamespace() == null && sameSource(oci, g)) {
                share(g, oci.name(), oci.file().directory(), null, oci);
                return;
            }
        }
        String name = nameOf(g, severalVersions);
        String folder = join(
                options.folder() != null
                        ? options.folder()
                        : namespaces.componentsFolder(namespaceFolder.get(g.releases.get(0))),
                name);
        String why = null;
        if (!taken.add("component/" + folder)) {
            why = folder + " is taken by another shared chart";
        } else if (exists(folder)) {
            why = folder + " already exists";
        } else {
            for (ScannedRelease r : g.releases) {
                if (tree.find(
                                ManifestTree.SOURCE_GROUP,
                                "OCIRepository",
                                name,
                                r.namespace().value(),
                                r.cluster())
                        != null) {
                    why = "OCIRepository " + r.namespace().value() + "/" + name + " already exists";
                }
            }
        }
        if (why != null) {
            refuse(g, why);
        } else {
            share(g, name, folder, null, null);
        }
    }

    // ---------------------------------------------------------------- outcomes

    /** The group's releases keep an OCIRepository of their own, for this reason (a note on each). */
    private void refuse(Group g, String why) {
        String reason = "not shared: " + why;
        g.releases.forEach(r -> notShared.put(r, reason));
    }

    /**
     * The group's releases share the OCIRepository {@code name}: an existing one ({@code existing}), or one written in
     * {@code folder} (the namespace layout's folder, or the component's), or beside the first release when they all
     * live in {@code localNamespace}.
     */
    private void share(Group g, String name, String folder, String localNamespace, KubeObject existing) {
        g.name = name;
        g.folder = folder;
        g.localNamespace = localNamespace;
        g.existing = existing;
        g.releases.forEach(r -> groupOf.put(r, g));
    }

    // ---------------------------------------------------------------- paths

    private boolean exists(String path) {
        return tree.file(path) != null || java.nio.file.Files.exists(tree.root().resolve(path));
    }

    static String join(String dir, String name) {
        return dir == null || dir.isEmpty() ? name : dir + "/" + name;
    }

    /**
     * A warning when some of {@code migrated} now name an OCIRepository in another namespace (shared in
     * {@code share.namespace()}), which multi-tenant Flux refuses; null when none does.
     */
    static String crossNamespaceWarning(List<MigratedRelease> migrated, ShareOptions share) {
        long n = migrated.stream()
                .filter(m -> m.ociNamespace() != null
                        && !m.ociNamespace().equals(m.release().namespace().value()))
                .count();
        if (n == 0) {
            return null;
        }
        return n + (n == 1 ? " release now names" : " releases now name")
                + " an OCIRepository in " + share.namespace()
                + " with chartRef.namespace: Flux refuses such"
                + " references when its controllers run with --no-cross-namespace-refs=true (multi-tenant lockdown);"
                + " there, use -Doci.shareLayout=component (a component per namespace) or -Doci.share=none";
    }
}
