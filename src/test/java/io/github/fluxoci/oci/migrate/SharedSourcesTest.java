package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.fluxoci.oci.Kubectl;

import static io.github.fluxoci.oci.Kubectl.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code oci.share=chart} on the golden trees: what the cluster gets ({@code kubectl kustomize} of every Flux
 * Kustomization the cluster folder reaches, with its {@code targetNamespace}), what a reviewer reads (notes and
 * warnings), and what the options accept.
 */
class SharedSourcesTest {

    private static Path golden(String name) throws Exception {
        return Path.of(SharedSourcesTest.class.getResource("/migrate/" + name).toURI());
    }

    private static MigrationPlan plan(String name) throws Exception {
        Path dir = golden(name);
        return MigrateGoldenTest.plan(
                dir.resolve("before"), MigrateGoldenTest.options(dir.resolve("options.properties")));
    }

    /**
     * Every HelmRelease of the migrated tree names, with {@code chartRef}, an OCIRepository that the same cluster
     * gets: as {@code kubectl kustomize} builds each Flux Kustomization's path, namespaces as Flux applies them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"share-namespace", "share-component", "share-versions", "share-reuse"})
    void everyChartRefResolvesInTheClusterKubectlBuilds(String name) throws Exception {
        Kubectl.assumeAvailable();
        Cluster cluster = Cluster.build(golden(name).resolve("after"), "clusters/main");
        assertThat(cluster.releases).as("releases the cluster gets").isNotEmpty();
        for (Map<String, Object> release : cluster.releases) {
            String ns = (String) at(release, "metadata", "namespace");
            String refNs = at(release, "spec", "chartRef", "namespace") instanceof String s ? s : ns;
            String ref = refNs + "/" + at(release, "spec", "chartRef", "name");
            assertThat(cluster.ociRepositories)
                    .as("OCIRepositories for HelmRelease " + ns + "/" + at(release, "metadata", "name"))
                    .contains(ref);
        }
    }

    @Test
    void theComponentPutsOneOciRepositoryInEachNamespaceFolderAndNoCrossNamespaceRef() throws Exception {
        Kubectl.assumeAvailable();
        Cluster cluster = Cluster.build(golden("share-component").resolve("after"), "clusters/main");
        assertThat(cluster.ociRepositories).contains("media/app-template", "networking/app-template");
        assertThat(cluster.releases)
                .allSatisfy(
                        r -> assertThat(at(r, "spec", "chartRef", "namespace")).isNull());
    }

    @Test
    void namespaceLayoutWarnsAboutNoCrossNamespaceRefsAndNamesWhatStaysPerRelease() throws Exception {
        MigrationPlan plan = plan("share-namespace");
        assertThat(plan.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("3 releases now name an OCIRepository in flux-system")
                        .contains("--no-cross-namespace-refs=true")
                        .contains("-Doci.shareLayout=component"));
        MigratedRelease smtp = plan.migrated().stream()
                .filter(m -> m.release().name().equals("smtp-relay"))
                .findFirst()
                .orElseThrow();
        assertThat(smtp.ociName()).isEqualTo("smtp-relay");
        assertThat(smtp.notes())
                .contains("not shared: only 1 release of app-template at 3.6.0 (oci.shareMinReleases=2)");
        MigratedRelease sonarr = plan.migrated().stream()
                .filter(m -> m.release().name().equals("sonarr"))
                .findFirst()
                .orElseThrow();
        assertThat(sonarr.ociNamespace()).isEqualTo("flux-system");
        assertThat(sonarr.ociFile()).isEqualTo("flux/repositories/oci/app-template.yaml");
    }

    @Test
    void releasesOfOneNamespaceShareThereWithoutCrossNamespaceRef() throws Exception {
        MigrationPlan plan = plan("share-versions");
        Map<String, String> byRelease = new LinkedHashMap<>();
        plan.migrated().forEach(m -> byRelease.put(m.release().name(), m.ociNamespace() + "/" + m.ociName()));
        assertThat(byRelease)
                .containsEntry("atuin", "default/app-template-3-7-2")
                .containsEntry("actual", "default/app-template-3-7-2")
                .containsEntry("sonarr", "flux-system/app-template-3-6-0")
                .containsEntry("echo-server", "flux-system/app-template-3-6-0")
                .containsEntry("radarr", "media/radarr");
        assertThat(plan.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("2 releases now name an OCIRepository in flux-system"));
    }

    @Test
    void anExistingSharedSourceIsReusedAndATreesOwnSourceIsLearned() throws Exception {
        MigrationPlan plan = plan("share-reuse");
        assertThat(plan.changes()).noneMatch(c -> c.isNew() && c.path().startsWith("flux/"));
        MigratedRelease bookstack = plan.migrated().stream()
                .filter(m -> m.release().name().equals("bookstack"))
                .findFirst()
                .orElseThrow();
        assertThat(bookstack.release().oci().url()).isEqualTo("oci://registry.example.com/charts/mychart");
        assertThat(bookstack.release().oci().provenance()).isEqualTo("this tree");
        assertThat(bookstack.notes()).anySatisfy(n -> assertThat(n).contains("this tree already pulls mychart from"));
    }

    @Test
    void verifyCosignIsWrittenForSignedChartsOnlyAndSaysWhyNot() throws Exception {
        MigrationPlan plan = plan("interval-release-cosign");
        MigratedRelease podinfo = plan.migrated().stream()
                .filter(m -> m.release().name().equals("podinfo"))
                .findFirst()
                .orElseThrow();
        assertThat(podinfo.notes())
                .anySatisfy(n -> assertThat(n).startsWith("oci.verify=cosign: spec.verify not written"));
        // external-secrets signs, but the catalog does not know with which identity: nothing written, and why
        MigratedRelease externalSecrets = plan.migrated().stream()
                .filter(m -> m.release().name().equals("external-secrets"))
                .findFirst()
                .orElseThrow();
        assertThat(externalSecrets.notes())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("oci.verify=cosign: spec.verify not written: oci://ghcr.io/external-secrets/charts/"
                                + "external-secrets is signed, but the catalog does not know by whom"));
        // charts-mirror's identity is in the catalog (its README): verify pins it
        assertThat(plan.changes().stream()
                        .filter(c -> c.path().endsWith("goldilocks/ocirepository.yaml"))
                        .findFirst()
                        .orElseThrow()
                        .after())
                .contains("  verify:\n    provider: cosign\n    matchOIDCIdentity:\n"
                        + "      - issuer: '^https://token.actions.githubusercontent.com$'\n"
                        + "        subject: '^https://github.com/home-operations/charts-mirror.*$'\n");
    }

    @Test
    void intervalIsChartReleaseOrADurationFluxAccepts() {
        assertThat(Interval.parse(null).choose("2h", "5m")).isEqualTo("5m");
        assertThat(Interval.parse("chart").choose("2h", null)).isEqualTo("15m");
        assertThat(Interval.parse("release").choose("2h", "5m")).isEqualTo("2h");
        assertThat(Interval.parse("release").choose(null, "5m")).isEqualTo("5m");
        assertThat(Interval.parse("1h30m").choose("2h", "5m")).isEqualTo("1h30m");
        for (String bad : List.of("15", "1d", "-5m", "5 m", "1h-30m", "soon")) {
            assertThatThrownBy(() -> Interval.parse(bad))
                    .as(bad)
                    .hasMessageStartingWith("oci.interval \"" + bad + "\"")
                    .hasMessageContaining("such as 15m");
        }
    }

    @Test
    void shareOptionsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> ShareOptions.parseShare("repository"))
                .hasMessage("\"repository\" is not one of none, chart");
        assertThatThrownBy(() -> new ShareOptions(true, ShareLayout.NAMESPACE, "Flux_System", null, 2))
                .hasMessageContaining("oci.shareNamespace \"Flux_System\" is not a Kubernetes namespace name");
        assertThatThrownBy(() -> new ShareOptions(true, ShareLayout.NAMESPACE, null, "../shared", 2))
                .hasMessageContaining("oci.shareFolder \"../shared\" must be a folder inside the scanned directory");
        assertThatThrownBy(() -> new ShareOptions(true, ShareLayout.NAMESPACE, null, null, 0))
                .hasMessageContaining("oci.shareMinReleases must be 1 or more");
        assertThat(new ShareOptions(true, ShareLayout.COMPONENT, null, "./kubernetes/components/", 2).folder())
                .isEqualTo("kubernetes/components");
    }

    // ---------------------------------------------------------------- a cluster as kubectl and Flux build it

    /** What one cluster folder deploys: each Flux Kustomization's path built by kubectl, namespaces applied as Flux does. */
    private static final class Cluster {
        final Set<String> ociRepositories = new LinkedHashSet<>();
        final List<Map<String, Object>> releases = new ArrayList<>();

        static Cluster build(Path root, String clusterFolder) throws IOException, InterruptedException {
            Cluster c = new Cluster();
            Deque<String[]> paths = new ArrayDeque<>();
            try (Stream<Path> s = Files.list(root.resolve(clusterFolder))) {
                for (Path f :
                        s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    for (Map<String, Object> d : Kubectl.documents(Files.readString(f))) {
                        c.take(d, null, paths);
                    }
                }
            }
            Set<String> seen = new LinkedHashSet<>();
            while (!paths.isEmpty()) {
                String[] next = paths.poll();
                if (!seen.add(next[0] + "@" + next[1])) {
                    continue;
                }
                for (Map<String, Object> d : buildOne(root.resolve(next[0]))) {
                    c.take(d, next[1], paths);
                }
            }
            return c;
        }

        /**
         * kubectl's build of a folder with a kustomization.yaml; without one, every manifest below it, as Flux's
         * generator does (kubectl cannot build such a folder).
         */
        private static List<Map<String, Object>> buildOne(Path dir) throws IOException, InterruptedException {
            if (Files.exists(dir.resolve("kustomization.yaml"))) {
                Kubectl.Build build = Kubectl.kustomize(dir);
                assertThat(build.error()).as("kubectl kustomize " + dir).isNull();
                return build.documents();
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f :
                        s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.addAll(Kubectl.documents(Files.readString(f)));
                }
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private void take(Map<String, Object> d, String targetNamespace, Deque<String[]> paths) {
            Map<String, Object> metadata = (Map<String, Object>) d.get("metadata");
            if (targetNamespace != null && metadata != null && !"Namespace".equals(d.get("kind"))) {
                metadata.put("namespace", targetNamespace);
            }
            String kind = (String) d.get("kind");
            String api = String.valueOf(d.get("apiVersion"));
            if ("Kustomization".equals(kind) && api.startsWith("kustomize.toolkit.fluxcd.io")) {
                String path = ((String) at(d, "spec", "path")).replaceFirst("^\\./", "");
                if (!path.equals("clusters/main")) {
                    paths.add(new String[] {path, (String) at(d, "spec", "targetNamespace")});
                }
            } else if ("OCIRepository".equals(kind)) {
                ociRepositories.add(metadata.get("namespace") + "/" + metadata.get("name"));
            } else if ("HelmRelease".equals(kind)) {
                releases.add(d);
            }
        }
    }
}
