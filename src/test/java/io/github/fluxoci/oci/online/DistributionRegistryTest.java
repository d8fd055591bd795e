package io.github.fluxoci.oci.online;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real CNCF Distribution registry (Debian's {@code docker-registry}, installed by {@code .ci/run}), started
 * on a loopback port with a temporary storage folder: Helm-chart-shaped artifacts are pushed through the
 * distribution API, then read back by the client, anonymously and with htpasswd basic auth. Skipped when the
 * registry (or, for auth, {@code htpasswd}) is not installed.
 */
class DistributionRegistryTest {

    @TempDir
    Path dir;

    LoopbackRegistry registry;

    @AfterEach
    void stop() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    /** Starts the registry; returns host:port. */
    private String start(String authBlock) throws Exception {
        registry = LoopbackRegistry.start(dir, authBlock);
        return registry.host;
    }

    private void push(String host, String name, String tag, String auth) throws Exception {
        registry.pushChart(name, tag, auth);
    }

    @Test
    void readsTheTagsOfPushedCharts() throws Exception {
        String host = start("");
        push(host, "charts/app", "1.0.0", null);
        push(host, "charts/app", "1.2.3_build.1", null);
        OciRegistryClient client = new OciRegistryClient(OnlineOptions.defaults());
        OciRegistryClient.Tags tags = client.tags("oci://" + host + "/charts/app");
        assertThat(tags.error()).isNull();
        assertThat(tags.tags()).containsExactlyInAnyOrder("1.0.0", "1.2.3_build.1");
        assertThat(client.tags("oci://" + host + "/charts/other").repositoryExists())
                .isFalse();
    }

    @Test
    void headOfAManifestTellsWhetherATagExists() throws Exception {
        String host = start("");
        push(host, "charts/app", "1.0.0", null);
        OciRegistryClient client = new OciRegistryClient(OnlineOptions.defaults());
        assertThat(client.hasManifest("oci://" + host + "/charts/app", "1.0.0")).contains(true);
        assertThat(client.hasManifest("oci://" + host + "/charts/app", "9.9.9")).contains(false);
    }

    @Test
    void scanFindsSemverMatchesAndMirrorLagAgainstTheRealRegistry() throws Exception {
        String host = start("");
        push(host, "mirror/app", "1.0.0", null);
        push(host, "mirror/app", "1.1.0", null);
        com.sun.net.httpserver.HttpServer helm =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        helm.createContext(
                "/charts/index.yaml",
                ex -> OnlineClientsTest.reply(
                        ex,
                        200,
                        "apiVersion: v1\nentries:\n  app:\n    - version: 1.2.0\n    - version: 1.1.0\n",
                        Map.of()));
        helm.start();
        try {
            String helmUrl = "http://127.0.0.1:" + helm.getAddress().getPort() + "/charts";
            io.github.fluxoci.oci.tree.TreeFixture t = new io.github.fluxoci.oci.tree.TreeFixture(dir.resolve("tree"))
                    .file(
                            "kustomization.yaml",
                            io.github.fluxoci.oci.tree.TreeFixture.kustomization("apps", "hr.yaml", "repo.yaml"))
                    .file(
                            "repo.yaml",
                            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: up\n"
                                    + "spec:\n  url: " + helmUrl + "\n")
                    .file(
                            "hr.yaml",
                            "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n"
                                    + "  chart:\n    spec:\n      chart: app\n      version: 1.x\n      sourceRef:\n"
                                    + "        kind: HelmRepository\n        name: up\n");
            io.github.fluxoci.oci.catalog.ChartCatalog catalog = io.github.fluxoci.oci.catalog.ChartCatalog.withBuiltIn(
                    List.of(new io.github.fluxoci.oci.catalog.ChartMapping(
                            "up", "app", "oci://" + host + "/mirror/app", null, null)));
            io.github.fluxoci.oci.tree.ManifestTree tree = t.load();
            io.github.fluxoci.oci.scan.ScannedRelease r = io.github.fluxoci.oci.scan.OnlineChecks.apply(
                            tree,
                            new io.github.fluxoci.oci.scan.Scanner(catalog).scan(tree),
                            new OciRegistryClient(OnlineOptions.defaults()),
                            new HelmIndexClient(OnlineOptions.defaults()),
                            catalog)
                    .releases()
                    .get(0);
            assertThat(r.status()).isEqualTo(io.github.fluxoci.oci.scan.ReleaseStatus.MIGRATABLE);
            assertThat(r.oci().semver()).isEqualTo("1.x");
            assertThat(r.warnings())
                    .contains("oci://" + host + "/mirror/app lags behind " + helmUrl + ": newest 1.1.0 vs 1.2.0");
        } finally {
            helm.stop(0);
        }
    }

    @Test
    void basicAuthCredentialsFromSettingsReachTheRegistry() throws Exception {
        assumeTrue(LoopbackRegistry.onPath("htpasswd"), "htpasswd is not installed (apt-get install apache2-utils)");
        Path users = dir.resolve("htpasswd");
        Process p = new ProcessBuilder("htpasswd", "-Bbc", users.toString(), "robot", "s3cr3t")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        String host = start("auth:\n  htpasswd:\n    realm: test\n    path: " + users + "\n");
        Credentials robot = new Credentials("robot", "s3cr3t");
        push(host, "private/app", "0.1.0", robot.basicHeader());

        OciRegistryClient anonymous = new OciRegistryClient(OnlineOptions.defaults());
        assertThat(anonymous.tags("oci://" + host + "/private/app").error())
                .contains("answered 401")
                .contains("add a <server> with id " + host + " to settings.xml");
        OciRegistryClient withCredentials = new OciRegistryClient(
                new OnlineOptions(Map.of(host, robot), Set.of(), Duration.ofSeconds(10), 3, Duration.ofSeconds(5), 2));
        OciRegistryClient.Tags tags = withCredentials.tags("oci://" + host + "/private/app");
        assertThat(tags.tags()).isEqualTo(List.of("0.1.0"));
        assertThat(registry.log()).doesNotContain("s3cr3t");
    }
}
