package io.github.fluxoci.oci.tree;

import static io.github.fluxoci.oci.tree.TreeFixture.fluxKustomization;
import static io.github.fluxoci.oci.tree.TreeFixture.helmRelease;
import static io.github.fluxoci.oci.tree.TreeFixture.kustomization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTreeTest {

    @TempDir
    Path dir;

    private KubeObject release(ManifestTree tree, String name) {
        return tree.helmReleases().stream().filter(o -> name.equals(o.name())).findFirst().orElseThrow();
    }

    @Test
    void namespaceComesFromMetadataFirst() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization("from-kustomization", "./hr.yaml"))
                .file("apps/hr.yaml", helmRelease("a", "from-metadata"))
                .load();
        assertThat(tree.namespaceOf(release(tree, "a")))
                .isEqualTo(new ResolvedNamespace("from-metadata", "metadata", "apps/hr.yaml"));
    }

    @Test
    void namespaceComesFromTheNearestKustomizationUpTheChain() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("apps/kustomization.yaml", kustomization("team", "./x"))
                .file("apps/x/kustomization.yaml", kustomization(null, "./app"))
                .file("apps/x/app/kustomization.yaml", kustomization(null, "helmrelease.yaml"))
                .file("apps/x/app/helmrelease.yaml", helmRelease("a", null))
                .load();
        ResolvedNamespace ns = tree.namespaceOf(release(tree, "a"));
        assertThat(ns.value()).isEqualTo("team");
        assertThat(ns.source()).isEqualTo("kustomization");
        assertThat(ns.setBy()).isEqualTo("apps/kustomization.yaml");
    }

    @Test
    void namespaceComesFromFluxTargetNamespaceWhenNoKustomizationSetsOne() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("kubernetes/apps/media/plex/ks.yaml",
                        fluxKustomization("plex", "./kubernetes/apps/media/plex/app", "media"))
                .file("kubernetes/apps/media/plex/app/kustomization.yaml", kustomization(null, "./helmrelease.yaml"))
                .file("kubernetes/apps/media/plex/app/helmrelease.yaml", helmRelease("plex", null))
                .load();
        ResolvedNamespace ns = tree.namespaceOf(release(tree, "plex"));
        assertThat(ns.value()).isEqualTo("media");
        assertThat(ns.source()).isEqualTo("flux-kustomization");
    }

    @Test
    void fluxKustomizationOfADirectoryWithoutKustomizationGeneratesOne() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("clusters/apps.yaml", fluxKustomization("apps", "./apps", "generated"))
                .file("apps/sub/hr.yaml", helmRelease("g", null))
                .load();
        KubeObject hr = release(tree, "g");
        assertThat(tree.namespaceOf(hr).value()).isEqualTo("generated");
        assertThat(tree.isReferenced(hr.file())).isTrue();
    }

    @Test
    void namespaceIsUnknownWhenNothingSetsIt() throws IOException {
        ManifestTree tree = new TreeFixture(dir).file("hr.yaml", helmRelease("lonely", null)).load();
        assertThat(tree.namespaceOf(release(tree, "lonely"))).isEqualTo(ResolvedNamespace.UNKNOWN);
    }

    @Test
    void releasesInAComponentTakeTheNamespaceOfTheKustomizationThatUsesIt() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("app/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                        + "namespace: comp-ns\ncomponents:\n  - ../components/gatus\n")
                .file("components/gatus/kustomization.yaml",
                        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./hr.yaml\n")
                .file("components/gatus/hr.yaml", helmRelease("gatus", null))
                .load();
        assertThat(tree.namespaceOf(release(tree, "gatus")).value()).isEqualTo("comp-ns");
        assertThat(tree.kustomizeFileIn("components/gatus").kind()).isEqualTo("Component");
    }

    @Test
    void knowsWhichFilesAKustomizationReferences() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("app/kustomization.yaml", kustomization(null, "./listed.yaml", "missing.yaml"))
                .file("app/listed.yaml", helmRelease("listed", "x"))
                .file("app/forgotten.yaml", helmRelease("forgotten", "x"))
                .load();
        assertThat(tree.isReferenced(tree.file("app/listed.yaml"))).isTrue();
        assertThat(tree.isReferenced(tree.file("app/forgotten.yaml"))).isFalse();
        KustomizeFile k = tree.kustomizeFileIn("app");
        assertThat(k.entries()).extracting(KustomizeEntry::status)
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
        assertThat(tree.problems()).extracting(Problem::describe)
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
        assertThat(problems.get(0)).startsWith("alias.yaml:1:4: not valid YAML:").contains("undefined alias");
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
                .file("a/oci.yaml", "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\n")
                .file("b/oci.yaml", "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: app\n"
                        + "  namespace: ns-b\n")
                .load();
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-a").file().relativePath())
                .isEqualTo("a/oci.yaml");
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-b").file().relativePath())
                .isEqualTo("b/oci.yaml");
        assertThat(tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", "app", "ns-c")).isNull();
    }

    @Test
    void patchFilesAreKnownAsPatches() throws IOException {
        ManifestTree tree = new TreeFixture(dir)
                .file("staging/kustomization.yaml", "resources:\n  - ../base\npatches:\n  - path: hr-patch.yaml\n"
                        + "    target:\n      kind: HelmRelease\n")
                .file("staging/hr-patch.yaml", "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
                        + "  name: podinfo\nspec:\n  chart:\n    spec:\n      version: '>=1.0.0'\n")
                .file("base/kustomization.yaml", kustomization("podinfo", "hr.yaml"))
                .file("base/hr.yaml", helmRelease("podinfo", null))
                .load();
        assertThat(tree.isPatchFile(tree.file("staging/hr-patch.yaml"))).isTrue();
        assertThat(tree.isPatchFile(tree.file("base/hr.yaml"))).isFalse();
    }
}
