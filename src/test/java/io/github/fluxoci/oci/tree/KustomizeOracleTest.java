package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.Kubectl;
import io.github.fluxoci.oci.TestFiles;

import static io.github.fluxoci.oci.tree.TreeFixture.fluxKustomization;
import static io.github.fluxoci.oci.tree.TreeFixture.helmRelease;
import static io.github.fluxoci.oci.tree.TreeFixture.kustomization;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build model against an outside oracle: for every folder with a kustomization.yaml in {@code ../shared/corpora}
 * that {@code kubectl kustomize} can build, the Flux objects of the plugin's build of that folder (kind, name,
 * namespace) must be exactly those kubectl prints; the same for generated cases (a component included twice, an
 * outer namespace over an inner one, a base used by two overlays, a Flux targetNamespace). Skipped, visibly, when
 * kubectl or the corpora are absent; {@code .ci/run} makes sure neither is.
 */
class KustomizeOracleTest {

    @TempDir
    Path dir;

    /**
     * Folders each corpus tree has that kubectl builds here and that are compared: at least these many, so that a
     * kubectl that builds nothing (or a change that skips folders) fails instead of passing with nothing compared.
     * billimek's trees have no kustomization.yaml at all (Flux generates one for each path).
     */
    private static final Map<String, Integer> MIN_COMPARED = Map.ofEntries(
            Map.entry("allenporter__k8s-gitops__544b765250", 31),
            Map.entry("billimek__k8s-gitops__8ced668871", 0),
            Map.entry("billimek__k8s-gitops__d10312df7b", 0),
            Map.entry("bjw-s-labs__home-ops__51448c123a", 105),
            Map.entry("bjw-s-labs__home-ops__eb67db8917", 107),
            Map.entry("buroa__k8s-gitops__47f258d5d1", 92),
            Map.entry("buroa__k8s-gitops__7c20176b2e", 92),
            Map.entry("fluxcd__flux2-kustomize-helm-example__2b8cffe3f7", 7),
            Map.entry("fluxcd__flux2-kustomize-helm-example__a484a05e92", 7),
            Map.entry("toboshii__home-ops__b16119e828", 47),
            Map.entry("tvories__k8s-gitops__2ba5d0fe8b", 229));

    private static final int SAMPLE = 4;

    /**
     * Every folder in CI ({@code CI=true}, as {@code .ci/run} runs) or with {@code -Doci.oracle=full}; elsewhere every
     * {@value #SAMPLE}th folder of each tree (sorted), so that a developer's test run stays short.
     */
    private static final int STEP =
            "full".equals(System.getProperty("oci.oracle")) || "true".equals(System.getenv("CI")) ? 1 : SAMPLE;

    /**
     * Every kubectl build of every tree is started at once on a pool as wide as the machine, so that the trees'
     * builds overlap (kubectl is the cost); each tree's test then waits for its own.
     */
    @TestFactory
    Stream<DynamicTest> everyCorpusKustomizationBuildsTheFluxObjectsKubectlBuilds() throws IOException {
        if (!Kubectl.available()) {
            return TestFiles.skipped("kubectl is not installed: the kustomize oracle is missing");
        }
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> trees = new ArrayList<>(TestFiles.corpusTrees());
        trees.addAll(extraTrees());
        for (Path t : trees) {
            ManifestTree tree = TreeLoader.load(TreeOptions.of(t));
            Map<String, Future<Kubectl.Build>> builds = new TreeMap<>();
            List<String> folders = tree.kustomizeFiles().stream()
                    .filter(k -> "Kustomization".equals(k.kind()))
                    .map(KustomizeFile::directory)
                    .distinct()
                    .sorted()
                    .toList();
            java.util.stream.IntStream.range(0, folders.size())
                    .filter(i -> i % STEP == 0)
                    .mapToObj(folders::get)
                    .forEach(folder -> builds.put(
                            folder, pool.submit(() -> Kubectl.kustomize(t.resolve(folder.isEmpty() ? "." : folder)))));
            tests.add(DynamicTest.dynamicTest(t.getFileName().toString(), () -> compareEveryFolder(t, tree, builds)));
        }
        return tests.stream().onClose(pool::shutdownNow);
    }

    /**
     * More trees to compare, for a developer: every folder of {@code -Doci.oracle.trees=<dir>} (public Flux
     * repositories at their HEAD, as {@code docs/corpus-results.md} reports them); none by default.
     */
    private static List<Path> extraTrees() throws IOException {
        String dir = System.getProperty("oci.oracle.trees");
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void compareEveryFolder(Path treeRoot, ManifestTree tree, Map<String, Future<Kubectl.Build>> builds)
            throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Future<Kubectl.Build>> e : builds.entrySet()) {
            Kubectl.Build build = e.getValue().get();
            if (!build.ok()) {
                continue; // does not build here (SOPS secrets left out of the corpus, remote bases, ...)
            }
            compared++;
            List<String> expected = fluxObjects(build.documents());
            List<String> actual = ours(tree.build(e.getKey(), null));
            if (!expected.equals(actual)) {
                differences.add(e.getKey() + ":\n    kubectl: " + expected + "\n    plugin:  " + actual);
            }
        }
        String name = treeRoot.getFileName().toString();
        System.out.printf(
                "%s: %d kustomization folders, %d built by kubectl and compared%n", name, builds.size(), compared);
        assertThat(differences).as("builds that differ from kubectl kustomize").isEmpty();
        assertThat(compared)
                .as("folders of %s built by kubectl and compared", name)
                .isGreaterThanOrEqualTo(MIN_COMPARED.getOrDefault(name, 0) / STEP);
    }

    @Test
    void generatedCasesBuildWhatKubectlBuilds() throws Exception {
        Kubectl.assumeAvailable();
        String component = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./hr.yaml\n";
        new TreeFixture(dir)
                // a component included by two namespace folders
                .file("shared/kustomization.yaml", kustomization(null, "./team-a", "./team-b"))
                .file("shared/team-a/kustomization.yaml", "namespace: team-a\ncomponents:\n  - ../../components/app\n")
                .file("shared/team-b/kustomization.yaml", "namespace: team-b\ncomponents:\n  - ../../components/app\n")
                .file("components/app/kustomization.yaml", component + "  - ./oci.yaml\n")
                .file("components/app/hr.yaml", helmRelease("app", null))
                .file("components/app/oci.yaml", oci("app", "meta"))
                // outer namespace over inner namespace over metadata
                .file("outer/kustomization.yaml", kustomization("outer", "../inner"))
                .file("inner/kustomization.yaml", kustomization("inner", "./hr.yaml", "./oci.yaml"))
                .file("inner/hr.yaml", helmRelease("nested", "meta"))
                .file("inner/oci.yaml", oci("nested", null))
                // a base used by two overlays, one setting a namespace
                .file("base/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("base/hr.yaml", helmRelease("based", "from-base"))
                .file("staging/kustomization.yaml", kustomization("staging", "../base"))
                .file("production/kustomization.yaml", kustomization(null, "../base"))
                // components that set namespaces, in both orders
                .file(
                        "ordered/kustomization.yaml",
                        "resources:\n  - ./hr.yaml\ncomponents:\n  - ../comp-ns\n  - ../comp-plain\n")
                .file("ordered/hr.yaml", helmRelease("ordered", null))
                .file(
                        "reordered/kustomization.yaml",
                        "resources:\n  - ./hr.yaml\ncomponents:\n  - ../comp-plain\n  - ../comp-ns\n")
                .file("reordered/hr.yaml", helmRelease("reordered", null))
                .file(
                        "comp-ns/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                                + "namespace: from-component\nresources:\n  - ./oci.yaml\n")
                .file("comp-ns/oci.yaml", oci("c1", "meta"))
                .file(
                        "comp-plain/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                                + "resources:\n  - ./oci.yaml\n")
                .file("comp-plain/oci.yaml", oci("c2", "plain-meta"))
                // a Flux Kustomization with targetNamespace over a kustomization with its own namespace
                .file("clusters/x/apps.yaml", fluxKustomization("apps", "./flux-target", "target"))
                .file("flux-target/kustomization.yaml", kustomization("own", "./hr.yaml"))
                .file("flux-target/hr.yaml", helmRelease("targeted", "meta"));
        ManifestTree tree = TreeLoader.load(TreeOptions.of(dir));
        for (String folder : List.of("shared", "outer", "inner", "staging", "production", "ordered", "reordered")) {
            assertThat(ours(tree.build(folder, null))).as(folder).isEqualTo(kubectl(dir.resolve(folder)));
        }
        // Flux builds a targetNamespace as the namespace of its top kustomization (fluxcd/pkg kustomize_generator.go)
        Path asFlux = dir.resolve("flux-target-as-flux-builds-it");
        TestFiles.copyTree(dir.resolve("flux-target"), asFlux);
        Files.writeString(
                asFlux.resolve("kustomization.yaml"),
                Files.readString(asFlux.resolve("kustomization.yaml")).replace("namespace: own", "namespace: target"));
        assertThat(ours(tree.build("flux-target", "target")))
                .isEqualTo(kubectl(asFlux))
                .containsExactly("HelmRelease/target/targeted");
        assertThat(tree.instancesOf(tree.helmReleases().stream()
                        .filter(o -> o.name().equals("targeted"))
                        .findFirst()
                        .orElseThrow()))
                .extracting(ObjectInstance::namespaceValue)
                .containsExactly("target");
    }

    /**
     * What moves objects or renames them: {@code replacements} (inline and {@code path:}, the common layout that
     * copies a Namespace's name into every Flux Kustomization's {@code targetNamespace}, with {@code delimiter} and
     * {@code index}), {@code namePrefix}/{@code nameSuffix} over a base, a JSON 6902 patch that moves an object to
     * another namespace, a component's replacement that runs before its parent's namespace.
     */
    @Test
    void replacementsPrefixesAndPatchesBuildWhatKubectlBuilds() throws Exception {
        Kubectl.assumeAvailable();
        String ks = "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: %s\n"
                + "  namespace: flux-system\nspec:\n  path: ./x\n  sourceRef:\n    kind: GitRepository\n"
                + "    name: flux-system\n";
        String namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: _\n";
        String toTarget = "- source:\n    kind: Namespace\n    fieldPath: metadata.name\n  targets:\n"
                + "    - select:\n        kind: Kustomization\n        group: kustomize.toolkit.fluxcd.io\n"
                + "      fieldPaths:\n        - spec.targetNamespace\n      options:\n        create: true\n";
        new TreeFixture(dir)
                .file("components/replacements/ks.yaml", toTarget)
                .file(
                        "components/namespace/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./namespace.yaml\n")
                .file("components/namespace/namespace.yaml", namespace)
                // replacements by path in the namespace folder, after its namespace: targetNamespace media
                .file(
                        "apps/media/kustomization.yaml",
                        "namespace: media\ncomponents:\n  - ../../components/namespace\nresources:\n"
                                + "  - ./sonarr.yaml\n  - ./radarr.yaml\nreplacements:\n"
                                + "  - path: ../../components/replacements/ks.yaml\n")
                .file("apps/media/sonarr.yaml", String.format(ks, "sonarr"))
                .file("apps/media/radarr.yaml", String.format(ks, "radarr"))
                // the same replacement inside the component runs before the parent's namespace: targetNamespace _
                .file(
                        "early/kustomization.yaml",
                        "namespace: early\ncomponents:\n  - ../components/early\nresources:\n  - ./app.yaml\n")
                .file("early/app.yaml", String.format(ks, "app"))
                .file(
                        "components/early/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n"
                                + "  - ../namespace/namespace.yaml\nreplacements:\n"
                                + "  - path: ../replacements/ks.yaml\n")
                // inline replacement with delimiter and index, into a name
                .file(
                        "split/kustomization.yaml",
                        "resources:\n  - ./app.yaml\n  - ./oci.yaml\nreplacements:\n  - source:\n"
                                + "      kind: OCIRepository\n      fieldPath: spec.url\n      options:\n"
                                + "        delimiter: /\n        index: 4\n    targets:\n      - select:\n"
                                + "          kind: HelmRelease\n        fieldPaths:\n          - metadata.name\n"
                                + "        options:\n          delimiter: '-'\n          index: 0\n")
                .file("split/app.yaml", helmRelease("old-name", "apps"))
                .file("split/oci.yaml", oci("chart", "apps"))
                // prefixes and suffixes over a base, and a JSON patch that moves one object
                .file("base/kustomization.yaml", kustomization(null, "./hr.yaml", "./oci.yaml"))
                .file("base/hr.yaml", helmRelease("app", "base"))
                .file("base/oci.yaml", oci("app", "base"))
                .file(
                        "prefixed/kustomization.yaml",
                        "namePrefix: team-\nnameSuffix: -v2\nresources:\n  - ../base\npatches:\n  - target:\n"
                                + "      kind: OCIRepository\n    patch: |-\n      - op: replace\n"
                                + "        path: /metadata/namespace\n        value: sources\n")
                .file("outer/kustomization.yaml", "namePrefix: outer-\nresources:\n  - ../prefixed\n")
                // kustomize's builtin NamespaceTransformer inline, unsetOnly: only objects without a namespace move
                .file(
                        "unset/kustomization.yaml",
                        "resources:\n  - ./hr.yaml\n  - ./oci.yaml\ntransformers:\n  - |-\n    apiVersion: builtin\n"
                                + "    kind: NamespaceTransformer\n    unsetOnly: true\n    metadata:\n"
                                + "      name: not-used\n      namespace: media\n")
                .file("unset/hr.yaml", helmRelease("kept", "own"))
                .file("unset/oci.yaml", oci("moved", null));
        ManifestTree tree = TreeLoader.load(TreeOptions.of(dir));
        for (String folder : List.of("apps/media", "early", "split", "prefixed", "outer", "unset")) {
            assertThat(ours(tree.build(folder, null))).as(folder).isEqualTo(kubectl(dir.resolve(folder)));
        }
        assertThat(ours(tree.build("apps/media", null)))
                .contains("Kustomization/media/sonarr -> media", "Kustomization/media/radarr -> media");
        assertThat(ours(tree.build("outer", null)))
                .contains("HelmRelease/base/outer-team-app-v2", "OCIRepository/sources/outer-team-app-v2");
        assertThat(ours(tree.build("unset", null)))
                .containsExactly("HelmRelease/own/kept", "OCIRepository/media/moved");
    }

    private static String oci(String name, String namespace) {
        return "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: " + name + "\n"
                + (namespace != null ? "  namespace: " + namespace + "\n" : "")
                + "spec:\n  interval: 1h\n  url: oci://ghcr.io/x/" + name + "\n";
    }

    private static List<String> kubectl(Path folder) throws Exception {
        Kubectl.Build build = Kubectl.kustomize(folder);
        assertThat(build.error()).as("kubectl kustomize " + folder).isNull();
        return fluxObjects(build.documents());
    }

    /** {@code Kind/namespace/name} of every Flux object kubectl printed, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> fluxObjects(List<Map<String, Object>> documents) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> d : documents) {
            Object api = d.get("apiVersion");
            Object meta = d.get("metadata");
            if (api instanceof String a && isFlux(a) && meta instanceof Map<?, ?> m) {
                Object spec = d.get("spec");
                Object target = spec instanceof Map<?, ?> sp ? sp.get("targetNamespace") : null;
                out.add(d.get("kind") + "/" + ((Map<String, Object>) m).get("namespace") + "/"
                        + ((Map<String, Object>) m).get("name") + (target == null ? "" : " -> " + target));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> ours(List<ObjectInstance> instances) {
        List<String> out = new ArrayList<>();
        for (ObjectInstance i : instances) {
            KubeObject o = i.object();
            if (o.apiVersion() != null && isFlux(o.apiVersion())) {
                String target = i.text("spec", "targetNamespace");
                out.add(o.kind() + "/" + i.namespaceValue() + "/" + i.name() + (target == null ? "" : " -> " + target));
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean isFlux(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.endsWith(".fluxcd.io");
    }
}
