package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.fluxoci.oci.tree.TreeFixture.fluxKustomization;
import static io.github.fluxoci.oci.tree.TreeFixture.helmRelease;
import static io.github.fluxoci.oci.tree.TreeFixture.kustomization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ManifestTreeTest {

    @TempDir
    Path dir;

    private KubeObject release(ManifestTree tree, String name) {
        return tree.helmReleases().stream()
                .filter(o -> name.equals(o.name()))
                .findFirst()
                .orElseThrow();
    }

    /** The namespaces of a release's instances, in build order. */
    private List<String> namespaces(ManifestTree tree, String name) {
        return tree.instancesOf(release(tree, name)).stream()
                .map(ObjectInstance::namespaceValue)
                .toList();
    }

    private ResolvedNamespace onlyNamespace(ManifestTree tree, String name) {
        List<ObjectInstance> instances = tree.instancesOf(release(tree, name));
        assertThat(instances).hasSize(1);
        return instances.get(0).namespace();
    }

    @Test
    void jsonFilesAKustomizationListsAreManifestsOthersAreNotRead() throws IOException {
        String json = "{\"apiVersion\": \"helm.toolkit.fluxcd.io/v2\", \"kind\": \"HelmRelease\",\n"
                + " \"metadata\": {\"name\": \"j\"}, \"spec\": {\"chartRef\": {\"kind\": \"OCIRepository\", \"name\": \"j\"}}}\n";
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization("apps", "./hr.yaml", "release.json"))
                .file("apps/hr.yaml", helmRelease("a", null))
                .file("apps/release.json", json)
                .file("apps/unlisted.json", json.replace("\"j\"}, \"spec", "\"u\"}, \"spec"))
                .file("renovate.json", "{\"extends\": [\"config:base\"], // not JSON\n}\n")
                .load();
        assertThat(tree.helmReleases()).extracting(KubeObject::name).containsExactlyInAnyOrder("a", "j");
        assertThat(namespaces(tree, "j")).containsExactly("apps");
        assertThat(tree.problems()).isEmpty();
    }

    @Test
    void aKustomizationNamespaceOverridesMetadata() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization("from-kustomization", "./hr.yaml"))
                .file("apps/hr.yaml", helmRelease("a", "from-metadata"))
                .load();
        assertThat(onlyNamespace(tree, "a"))
                .isEqualTo(new ResolvedNamespace("from-kustomization", "kustomization", "apps/kustomization.yaml"));
    }

    @Test
    void metadataCountsWhenNoKustomizationSetsANamespace() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("apps/hr.yaml", helmRelease("a", "from-metadata"))
                .load();
        assertThat(onlyNamespace(tree, "a"))
                .isEqualTo(new ResolvedNamespace("from-metadata", "metadata", "apps/hr.yaml"));
    }

    @Test
    void theOutermostKustomizationNamespaceWins() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization("outer", "./x"))
                .file("apps/x/kustomization.yaml", kustomization("inner", "./app"))
                .file("apps/x/app/kustomization.yaml", kustomization(null, "helmrelease.yaml"))
                .file("apps/x/app/helmrelease.yaml", helmRelease("a", "meta"))
                .load();
        ResolvedNamespace ns = onlyNamespace(tree, "a");
        assertThat(ns.value()).isEqualTo("outer");
        assertThat(ns.source()).isEqualTo("kustomization");
        assertThat(ns.setBy()).isEqualTo("apps/kustomization.yaml");
        assertThat(tree.instancesOf(release(tree, "a")).get(0).via())
                .containsExactly(
                        "apps/kustomization.yaml", "apps/x/kustomization.yaml", "apps/x/app/kustomization.yaml");
    }

    @Test
    void fluxTargetNamespaceOverridesEveryKustomization() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "kubernetes/apps/media/plex/ks.yaml",
                        fluxKustomization("plex", "./kubernetes/apps/media/plex/app", "media"))
                .file("kubernetes/apps/media/plex/app/kustomization.yaml", kustomization("inner", "./helmrelease.yaml"))
                .file("kubernetes/apps/media/plex/app/helmrelease.yaml", helmRelease("plex", "meta"))
                .load();
        ResolvedNamespace ns = onlyNamespace(tree, "plex");
        assertThat(ns.value()).isEqualTo("media");
        assertThat(ns.source()).isEqualTo("flux-kustomization");
        assertThat(tree.hasEntryPoints()).isTrue();
    }

    @Test
    void fluxKustomizationOfADirectoryWithoutKustomizationGeneratesOne() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("clusters/apps.yaml", fluxKustomization("apps", "./apps", "generated"))
                .file("apps/sub/hr.yaml", helmRelease("g", null))
                .file("apps/listed/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("apps/listed/hr.yaml", helmRelease("l", null))
                .file("apps/listed/unlisted.yaml", helmRelease("u", null))
                .load();
        assertThat(onlyNamespace(tree, "g").value()).isEqualTo("generated");
        assertThat(tree.isBuilt(release(tree, "g").file())).isTrue();
        assertThat(namespaces(tree, "l")).containsExactly("generated");
        // a folder with a kustomization.yaml is one resource: what it does not list is not built
        assertThat(tree.isDeployed(release(tree, "u"))).isFalse();
    }

    @Test
    void namespaceIsUnknownWhenNothingSetsIt() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("hr.yaml", helmRelease("lonely", null))
                .load();
        assertThat(onlyNamespace(tree, "lonely")).isEqualTo(ResolvedNamespace.UNKNOWN);
        assertThat(tree.hasEntryPoints()).isFalse();
    }

    @Test
    void aComponentIncludedByTwoNamespaceFoldersGivesTwoInstances() throws IOException {
        String component = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./hr.yaml\n";
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization(null, "./a", "./b"))
                .file(
                        "apps/a/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                                + "namespace: ns-a\ncomponents:\n  - ../../components/gatus\n")
                .file(
                        "apps/b/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                                + "namespace: ns-b\ncomponents:\n  - ../../components/gatus\n")
                .file("components/gatus/kustomization.yaml", component)
                .file("components/gatus/hr.yaml", helmRelease("gatus", null))
                .load();
        assertThat(namespaces(tree, "gatus")).containsExactly("ns-a", "ns-b");
        assertThat(tree.kustomizeFileIn("components/gatus").kind()).isEqualTo("Component");
    }

    @Test
    void aComponentNamespaceCoversItsParentsResourcesUnlessTheParentSetsOne() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("app/kustomization.yaml", "resources:\n  - ./hr.yaml\ncomponents:\n  - ../comp\n")
                .file("app/hr.yaml", helmRelease("parent", "meta"))
                .file(
                        "comp/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                                + "namespace: from-component\n")
                .load();
        assertThat(namespaces(tree, "parent")).containsExactly("from-component");
    }

    @Test
    void clustersAreBuiltApartAndAnArchiveIsNotDeployed() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("clusters/a/flux-system/gotk-sync.yaml", fluxKustomization("flux-system", "./clusters/a", null))
                .file("clusters/a/apps.yaml", fluxKustomization("apps", "./apps/a", "team"))
                .file("clusters/b/flux-system/gotk-sync.yaml", fluxKustomization("flux-system", "./clusters/b", null))
                .file("clusters/b/apps.yaml", fluxKustomization("apps", "./apps/b", null))
                .file("apps/a/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("apps/a/hr.yaml", helmRelease("one", "meta"))
                .file("apps/b/kustomization.yaml", kustomization("b-ns", "./hr.yaml"))
                .file("apps/b/hr.yaml", helmRelease("two", null))
                .file(".archive/old/ks.yaml", fluxKustomization("old", "./apps/old/app", null))
                .file(".archive/old/app/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file(".archive/old/app/hr.yaml", helmRelease("old", "x"))
                .load();
        assertThat(tree.clusters()).containsExactly("clusters/a", "clusters/b");
        ObjectInstance one = tree.instancesOf(release(tree, "one")).get(0);
        assertThat(one.cluster()).isEqualTo("clusters/a");
        assertThat(one.namespaceValue()).isEqualTo("team");
        ObjectInstance two = tree.instancesOf(release(tree, "two")).get(0);
        assertThat(two.cluster()).isEqualTo("clusters/b");
        assertThat(two.namespaceValue()).isEqualTo("b-ns");
        assertThat(tree.isDeployed(release(tree, "old"))).isFalse();
        assertThat(tree.entryPoints())
                .extracting(EntryPoint::path)
                .containsExactlyInAnyOrder("clusters/a", "apps/a", "clusters/b", "apps/b");
    }

    @Test
    void aKustomizationOfAnotherRepositoryIsNotFollowed() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("clusters/a/flux-system/gotk-sync.yaml", fluxKustomization("flux-system", "./clusters/a", null))
                .file(
                        "clusters/a/other.yaml",
                        fluxKustomization("other", "./apps", null)
                                .replace("name: flux-system\n", "name: some-other-repo\n"))
                .file("apps/kustomization.yaml", kustomization(null, "./hr.yaml"))
                .file("apps/hr.yaml", helmRelease("elsewhere", "x"))
                .load();
        assertThat(tree.isDeployed(release(tree, "elsewhere"))).isFalse();
    }

    @Test
    void aFluxInstanceSyncPathIsAnEntryPoint() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "clusters/prod/flux.yaml",
                        "apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata:\n"
                                + "  name: flux\n  namespace: flux-system\nspec:\n  sync:\n    kind: GitRepository\n"
                                + "    url: https://example.com/repo.git\n    path: clusters/prod\n")
                .file("clusters/prod/apps.yaml", fluxKustomization("apps", "./apps", "apps"))
                .file("apps/hr.yaml", helmRelease("x", null))
                .load();
        assertThat(tree.clusters()).containsExactly("clusters/prod");
        assertThat(namespaces(tree, "x")).containsExactly("apps");
    }

    @Test
    void aFluxInstanceKeepsItsSyncPathWhereverItLies() throws IOException {
        // the tree keeps every node of a Flux Operator object (fluxcd.controlplane.io): the build model reads its spec
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "operator/flux.yaml",
                        "apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata:\n"
                                + "  name: flux\n  namespace: flux-system\nspec:\n  sync:\n    kind: GitRepository\n"
                                + "    url: https://example.com/repo.git\n    path: clusters/prod\n")
                .file("clusters/prod/apps.yaml", fluxKustomization("apps", "./apps", "apps"))
                .file("apps/hr.yaml", helmRelease("x", null))
                .load();
        KubeObject instance = tree.objects().stream()
                .filter(o -> "FluxInstance".equals(o.kind()))
                .findFirst()
                .orElseThrow();
        assertThat(io.github.fluxoci.oci.yaml.Nodes.text(instance.root(), "spec", "sync", "path"))
                .isEqualTo("clusters/prod");
        assertThat(tree.instancesOf(release(tree, "x"))).isNotEmpty();
    }

    @Test
    void aKustomizationCycleIsAProblemNotAHang() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("a/kustomization.yaml", kustomization(null, "../b", "hr.yaml"))
                .file("a/hr.yaml", helmRelease("a", "x"))
                .file("b/kustomization.yaml", kustomization(null, "../a"))
                .file("clusters/x.yaml", fluxKustomization("x", "./a", null))
                .load();
        assertThat(tree.problems()).extracting(Problem::message).anyMatch(m -> m.startsWith("kustomization cycle"));
        assertThat(tree.isDeployed(release(tree, "a"))).isTrue();
    }

    @Test
    void knowsWhichFilesAKustomizationReferences() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("app/kustomization.yaml", kustomization(null, "./listed.yaml", "missing.yaml"))
                .file("app/listed.yaml", helmRelease("listed", "x"))
                .file("app/forgotten.yaml", helmRelease("forgotten", "x"))
                .load();
        assertThat(tree.isBuilt(tree.file("app/listed.yaml"))).isTrue();
        assertThat(tree.isBuilt(tree.file("app/forgotten.yaml"))).isFalse();
        KustomizeFile k = tree.kustomizeFileIn("app");
        assertThat(k.entries())
                .extracting(KustomizeEntry::status)
                .containsExactly(KustomizeEntry.Status.FILE, KustomizeEntry.Status.MISSING);
        assertThat(k.entries().get(1).line()).isEqualTo(5);
    }

    @Test
    void aPathThatLeavesTheRootIsAProblemAndNotFollowed() throws IOException {
        Files.writeString(dir.resolve("outside.yaml"), helmRelease("outside", "x"));
        Path root = Files.createDirectories(dir.resolve("root"));
        ManifestTree tree = new TreeFixture(root)
                .file("app/kustomization.yaml", kustomization(null, "../../outside.yaml"))
                .load();
        assertThat(tree.helmReleases()).isEmpty();
        assertThat(tree.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("app/kustomization.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("leaves the scanned tree");
        });
        assertThat(tree.kustomizeFileIn("app").entries().get(0).status()).isEqualTo(KustomizeEntry.Status.OUTSIDE_ROOT);
    }

    @Test
    void aLinkThatLeavesTheRootIsAProblemAndNotRead() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.yaml"), helmRelease("secret", "x"));
        Path root = Files.createDirectories(dir.resolve("root"));
        try {
            Files.createSymbolicLink(root.resolve("link.yaml"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        ManifestTree tree = new TreeFixture(root).load();
        assertThat(tree.helmReleases()).isEmpty();
        assertThat(tree.problems())
                .extracting(Problem::describe)
                .containsExactly("link.yaml: link leaves the scanned tree; not followed");
    }

    @Test
    void badFilesBecomeProblemsWithLinesAndTheRestIsRead() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("good.yaml", helmRelease("good", "x"))
                .file("not-yaml.yaml", "key: [unclosed\nother: 1\n")
                .file("template.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  {{- range .Values.items }}\n  a: b\n")
                .file("alias.yaml", "a: *undefined\n")
                .load();
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        tree = TreeLoader.load(TreeOptions.of(dir));
        assertThat(tree.helmReleases()).extracting(KubeObject::name).containsExactly("good");
        List<String> problems = tree.problems().stream().map(Problem::describe).toList();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0))
                .startsWith("alias.yaml:1:4: not valid YAML:")
                .contains("undefined alias");
        assertThat(problems.get(1)).isEqualTo("latin1.yaml: not UTF-8 text; skipped");
        assertThat(problems.get(2)).startsWith("not-yaml.yaml:2:");
        assertThat(problems.get(3)).startsWith("template.yaml:4:").contains("{{ }} template syntax");
    }

    @Test
    void defaultExcludesAndUserPatternsApply() throws IOException {
        new TreeFixture(dir)
                .file("a.yaml", helmRelease("a", "x"))
                .file("target/b.yaml", helmRelease("b", "x"))
                .file("node_modules/c.yml", helmRelease("c", "x"))
                .file("archive/d.yaml", helmRelease("d", "x"))
                .file("dir with spaces/e.yml", helmRelease("e", "x"))
                .file("notes.txt", "not scanned");
        Files.createDirectories(dir.resolve("receiver.yaml"));
        ManifestTree all = TreeLoader.load(TreeOptions.of(dir));
        assertThat(all.helmReleases()).extracting(KubeObject::name).containsExactly("a", "d", "e");
        ManifestTree some = TreeLoader.load(TreeOptions.of(dir, null, List.of("archive/**")));
        assertThat(some.helmReleases()).extracting(KubeObject::name).containsExactly("a", "e");
        ManifestTree onlyYml = TreeLoader.load(TreeOptions.of(dir, List.of("**/*.yml"), null));
        assertThat(onlyYml.helmReleases()).extracting(KubeObject::name).containsExactly("e");
    }

    @Test
    void findsObjectsByNameInTheirEffectiveNamespace() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("a/kustomization.yaml", kustomization("ns-a", "./oci.yaml"))
                .file(
                        "a/oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\n")
                .file(
                        "b/oci.yaml",
                        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\n"
                                + "  namespace: ns-b\n")
                .load();
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-a", "")
                        .object()
                        .file()
                        .relativePath())
                .isEqualTo("a/oci.yaml");
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-b", "")
                        .object()
                        .file()
                        .relativePath())
                .isEqualTo("b/oci.yaml");
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-c", ""))
                .isNull();
    }

    @Test
    void patchFilesAreKnownAsPatches() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file(
                        "staging/kustomization.yaml",
                        "resources:\n  - ../base\npatches:\n  - path: hr-patch.yaml\n"
                                + "    target:\n      kind: HelmRelease\n")
                .file(
                        "staging/hr-patch.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                                + "  name: podinfo\nspec:\n  chart:\n    spec:\n      version: '>=1.0.0'\n")
                .file("base/kustomization.yaml", kustomization("podinfo", "hr.yaml"))
                .file("base/hr.yaml", helmRelease("podinfo", null))
                .load();
        assertThat(tree.isPatchFile(tree.file("staging/hr-patch.yaml"))).isTrue();
        assertThat(tree.isPatchFile(tree.file("base/hr.yaml"))).isFalse();
    }

    @Test
    void aLoadedTreeKeepsTheNodesGoalsReadAndTheWholeText() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("kustomization.yaml", kustomization("apps", "hr.yaml"))
                .file(
                        "hr.yaml",
                        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n"
                                + "  chart:\n    spec:\n      chart: app\n  values:\n    replicas: 2\n    image: {tag: 1.0.0}\n"
                                + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: settings\n  namespace: other\nstringData:\n"
                                + "  values: kept as text\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n"
                                + "data:\n  CLUSTER: prod\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                                + "metadata:\n  name: apps\nspec:\n  path: ./apps\n")
                .load();
        KubeObject hr = release(tree, "app");
        // no goal reads a release's values: the tree keeps them as text only (most of a release file's nodes)
        assertThat(io.github.fluxoci.oci.yaml.Nodes.get(hr.root(), "spec", "values"))
                .isInstanceOfSatisfying(
                        org.yaml.snakeyaml.nodes.MappingNode.class,
                        m -> assertThat(m.getValue()).isEmpty());
        assertThat(hr.file().yaml().text()).contains("    replicas: 2\n").contains("  values: kept as text\n");
        assertThat(io.github.fluxoci.oci.yaml.Nodes.text(hr.root(), "spec", "chart", "spec", "chart"))
                .isEqualTo("app");
        // of an object neither Flux's nor kustomize's, the build model reads the identity only
        KubeObject cm = tree.objects().stream()
                .filter(o -> "settings".equals(o.name()))
                .findFirst()
                .orElseThrow();
        assertThat(io.github.fluxoci.oci.yaml.Nodes.text(cm.root(), "metadata", "namespace"))
                .isEqualTo("other");
        assertThat(io.github.fluxoci.oci.yaml.Nodes.get(cm.root(), "stringData"))
                .isInstanceOfSatisfying(
                        org.yaml.snakeyaml.nodes.MappingNode.class,
                        m -> assertThat(m.getValue()).isEmpty());
        // but a ConfigMap's data: the postBuild variables of the Kustomizations that name it in substituteFrom
        KubeObject vars = tree.objects().stream()
                .filter(o -> "vars".equals(o.name()))
                .findFirst()
                .orElseThrow();
        assertThat(io.github.fluxoci.oci.yaml.Nodes.text(vars.root(), "data", "CLUSTER"))
                .isEqualTo("prod");
        // every other Flux object keeps all of its nodes
        KubeObject ks = tree.objects().stream()
                .filter(o -> "Kustomization".equals(o.kind()) && "apps".equals(o.name()))
                .findFirst()
                .orElseThrow();
        assertThat(io.github.fluxoci.oci.yaml.Nodes.text(ks.root(), "spec", "path"))
                .isEqualTo("./apps");
    }
}
