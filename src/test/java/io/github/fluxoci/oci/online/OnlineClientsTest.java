package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.semver.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry and Helm index clients against small servers on loopback made with the JDK's HTTP server: pages,
 * the bearer-token challenge, basic auth, 429 with Retry-After, a server that never answers, garbage.
 */
class OnlineClientsTest {

    HttpServer server;
    String host;
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    private OciRegistryClient client(Map<String, Credentials> credentials, Duration timeout) {
        return new OciRegistryClient(new OnlineOptions(credentials, Set.of(), timeout, 3, Duration.ofSeconds(5), 2));
    }

    /** A slow registry: while the run waits, it says how many repositories have answered, of how many. */
    @Test
    void aLongWaitSaysHowFarItGot() {
        server.createContext("/v2/charts/fast/tags/list", ex -> reply(ex, 200, "{\"tags\":[\"1.0.0\"]}", Map.of()));
        server.createContext("/v2/charts/slow/tags/list", ex -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "{\"tags\":[\"2.0.0\"]}", Map.of());
        });
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        OciRegistryClient client = new OciRegistryClient(
                new OnlineOptions(Map.of(), Set.of(), Duration.ofSeconds(5), 3, Duration.ofSeconds(5), 2),
                said::add,
                Duration.ofMillis(150));
        client.prefetch(List.of("oci://" + host + "/charts/fast", "oci://" + host + "/charts/slow"));
        assertThat(said).isNotEmpty().allMatch(l -> l.matches("[01] of 2 repositories asked for their tags"));
        assertThat(said).contains("1 of 2 repositories asked for their tags");
        assertThat(client.tags("oci://" + host + "/charts/slow").tags()).containsExactly("2.0.0");
    }

    @Test
    void followsPagesAndCachesOneRepositoryPerRun() throws IOException {
        server.createContext("/v2/charts/app/tags/list", ex -> {
            calls.incrementAndGet();
            if (ex.getRequestURI().getQuery() == null) {
                reply(
                        ex,
                        200,
                        "{\"name\":\"charts/app\",\"tags\":[\"1.0.0\",\"1.1.0\"]}",
                        Map.of("Link", "</v2/charts/app/tags/list?last=1.1.0&n=2>; rel=\"next\""));
            } else {
                reply(ex, 200, "{\"name\":\"charts/app\",\"tags\":[\"2.0.0\"]}", Map.of());
            }
        });
        OciRegistryClient c = client(Map.of(), Duration.ofSeconds(5));
        OciRegistryClient.Tags tags = c.tags("oci://" + host + "/charts/app");
        assertThat(tags.known()).isTrue();
        assertThat(tags.tags()).containsExactly("1.0.0", "1.1.0", "2.0.0");
        c.tags("oci://" + host + "/charts/app/");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void unknownRepositoryIsNotAnError() {
        server.createContext("/v2/", ex -> reply(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", Map.of()));
        OciRegistryClient.Tags tags = client(Map.of(), Duration.ofSeconds(5)).tags("oci://" + host + "/nope");
        assertThat(tags.known()).isTrue();
        assertThat(tags.repositoryExists()).isFalse();
    }

    @Test
    void anonymousBearerTokenFlow() throws IOException {
        server.createContext("/token", ex -> {
            assertThat(ex.getRequestURI().getRawQuery())
                    .contains("service=test")
                    .contains("scope=repository%3Acharts%2Fapp%3Apull");
            assertThat(ex.getRequestHeaders().getFirst("Authorization")).isNull();
            reply(ex, 200, "{\"token\":\"anon-token-123\"}", Map.of());
        });
        server.createContext("/v2/charts/app/tags/list", ex -> {
            if (!"Bearer anon-token-123".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(
                        ex,
                        401,
                        "",
                        Map.of(
                                "WWW-Authenticate",
                                "Bearer realm=\"http://" + host + "/token\",service=\"test\","
                                        + "scope=\"repository:charts/app:pull\""));
            } else {
                reply(ex, 200, "{\"tags\":[\"1.2.3\"]}", Map.of());
            }
        });
        assertThat(client(Map.of(), Duration.ofSeconds(5))
                        .tags("oci://" + host + "/charts/app")
                        .tags())
                .containsExactly("1.2.3");
    }

    @Test
    void credentialsGoToTheTokenServiceAndNeverIntoMessages() {
        server.createContext("/token", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            boolean ok = new Credentials("robot", "s3cr3t-pass").basicHeader().equals(auth);
            reply(ex, ok ? 200 : 401, ok ? "{\"access_token\":\"tok-xyz\"}" : "", Map.of());
        });
        server.createContext("/v2/private/app/tags/list", ex -> {
            if (!"Bearer tok-xyz".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(
                        ex,
                        401,
                        "",
                        Map.of("WWW-Authenticate", "Bearer realm=\"http://" + host + "/token\",service=\"s\""));
            } else {
                reply(ex, 200, "{\"tags\":[\"0.1.0\"]}", Map.of());
            }
        });
        assertThat(client(Map.of(host, new Credentials("robot", "s3cr3t-pass")), Duration.ofSeconds(5))
                        .tags("oci://" + host + "/private/app")
                        .tags())
                .containsExactly("0.1.0");
        OciRegistryClient.Tags denied = client(
                        Map.of(host, new Credentials("robot", "wrong-pass")), Duration.ofSeconds(5))
                .tags("oci://" + host + "/private/app");
        assertThat(denied.known()).isFalse();
        assertThat(denied.error())
                .contains("token service")
                .doesNotContain("wrong-pass")
                .doesNotContain("tok-xyz");
        assertThat(new Credentials("robot", "s3cr3t-pass").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void basicAuthChallenge() {
        server.createContext("/v2/charts/app/tags/list", ex -> {
            if (new Credentials("u", "p")
                    .basicHeader()
                    .equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 200, "{\"tags\":[\"3.0.0\"]}", Map.of());
            } else {
                reply(ex, 401, "", Map.of("WWW-Authenticate", "Basic realm=\"registry\""));
            }
        });
        assertThat(client(Map.of(host, new Credentials("u", "p")), Duration.ofSeconds(5))
                        .tags("oci://" + host + "/charts/app")
                        .tags())
                .containsExactly("3.0.0");
        OciRegistryClient.Tags anonymous =
                client(Map.of(), Duration.ofSeconds(5)).tags("oci://" + host + "/charts/app");
        assertThat(anonymous.error()).contains("answered 401").contains("add a <server> with id " + host);
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        server.createContext("/v2/charts/app/tags/list", ex -> {
            if (calls.incrementAndGet() == 1) {
                reply(ex, 429, "slow down", Map.of("Retry-After", "1"));
            } else {
                reply(ex, 200, "{\"tags\":[\"1.0.0\"]}", Map.of());
            }
        });
        long t0 = System.nanoTime();
        OciRegistryClient.Tags tags = client(Map.of(), Duration.ofSeconds(5)).tags("oci://" + host + "/charts/app");
        assertThat(tags.tags()).containsExactly("1.0.0");
        assertThat(calls.get()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .as("waited as told")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.createContext("/v2/", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        OciRegistryClient.Tags tags = client(Map.of(), Duration.ofSeconds(1)).tags("oci://" + host + "/charts/app");
        assertThat(tags.error()).isEqualTo(host + " did not answer in full within 1 s (oci.onlineTimeout)");
    }

    @Test
    void garbageIsAClearError() {
        server.createContext("/v2/", ex -> reply(ex, 200, "<html>definitely not JSON", Map.of()));
        assertThat(client(Map.of(), Duration.ofSeconds(5))
                        .tags("oci://" + host + "/charts/app")
                        .error())
                .isEqualTo(host + " sent a tags list answer that is not JSON");
    }

    static final String INDEX = """
            apiVersion: v1
            entries:
              ingress-nginx:
                - apiVersion: v2
                  name: ingress-nginx
                  version: 4.14.1
                  urls: [https://example/ingress-nginx-4.14.1.tgz]
                  maintainers:
                    - name: x
                      email: y
                - name: ingress-nginx
                  version: 4.13.0
                  annotations: {version: not-this-one}
              other:
                - version: 1.0.0
            generated: "2025-01-01T00:00:00Z"
            """;

    @Test
    void aHugeIndexIsStreamedNotHeld() {
        // about 60 MB of index, produced while it is read: a tree of it would not be needed to get the versions
        int charts = 2_000;
        int versions = 300;
        java.io.Reader huge = new java.io.Reader() {
            int chart = -1;
            int version;
            String pending = "apiVersion: v1\nentries:\n";
            int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos >= pending.length()) {
                    if (chart >= charts) {
                        return -1;
                    }
                    if (chart < 0 || version >= versions) {
                        chart++;
                        version = 0;
                        pending = chart < charts ? "  chart-" + chart + ":\n" : "generated: now\n";
                    } else {
                        pending = "    - name: chart-" + chart + "\n      version: 1." + version + ".0\n"
                                + "      description: " + "x".repeat(40)
                                + "\n      urls:\n        - https://example/c.tgz\n";
                        version++;
                    }
                    pos = 0;
                }
                int n = Math.min(len, pending.length() - pos);
                pending.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {}
        };
        Map<String, List<String>> parsed = HelmIndexClient.parse(huge);
        assertThat(parsed).hasSize(charts);
        assertThat(parsed.get("chart-1999"))
                .hasSize(versions)
                .startsWith("1.0.0")
                .endsWith("1.299.0");
    }

    @Test
    void helmIndexIsStreamedForVersionsOnly() {
        Map<String, List<String>> versions = HelmIndexClient.parse(new StringReader(INDEX));
        assertThat(versions).containsOnlyKeys("ingress-nginx", "other");
        assertThat(versions.get("ingress-nginx")).containsExactly("4.14.1", "4.13.0");
        server.createContext("/charts/index.yaml", ex -> reply(ex, 200, INDEX, Map.of()));
        HelmIndexClient.Index index = new HelmIndexClient(OnlineOptions.defaults())
                .index("http://" + host + "/charts/", Set.of("ingress-nginx"));
        assertThat(index.error()).isNull();
        assertThat(index.newestStable("ingress-nginx")).map(Version::toString).hasValue("4.14.1");
        assertThat(index.newestStable("other"))
                .as("a chart the tree does not use is not kept")
                .isEmpty();
    }

    /** An index as `helm repo index` writes it: the digest is the archive's sha256 in hex, links beside it. */
    private static final String INDEX_WITH_DIGESTS = """
            apiVersion: v1
            entries:
              podinfo:
              - apiVersion: v1
                appVersion: 6.7.1
                created: "2024-10-21T10:16:41.170178548Z"
                description: Podinfo Helm chart for Kubernetes
                digest: 30b6f7f4c3ff4d5d2a0ce8a5d1a2b7c1f2c7b2b5a3b3c9f1e4a8e2d8c6b1a0f9
                home: https://github.com/stefanprodan/podinfo
                name: podinfo
                sources:
                - https://github.com/stefanprodan/podinfo
                urls:
                - https://stefanprodan.github.io/podinfo/podinfo-6.7.1.tgz
                version: 6.7.1
              - apiVersion: v1
                name: podinfo
                digest: not-a-digest
                urls: [podinfo-v6.7.0.tgz]
                version: v6.7.0
              other:
              - name: other
                version: 1.0.0
                digest: 0000000000000000000000000000000000000000000000000000000000000000
            generated: "2024-10-21T10:16:41.168Z"
            """;

    @Test
    void helmIndexEntriesKeepDigestLinksAndHomeOfTheWantedCharts() {
        server.createContext("/podinfo/index.yaml", ex -> reply(ex, 200, INDEX_WITH_DIGESTS, Map.of()));
        HelmIndexClient.Index index =
                new HelmIndexClient(OnlineOptions.defaults()).index("http://" + host + "/podinfo", Set.of("podinfo"));
        HelmIndexClient.Entry e = index.entry("podinfo", "6.7.1").orElseThrow();
        assertThat(e.digest()).isEqualTo("sha256:30b6f7f4c3ff4d5d2a0ce8a5d1a2b7c1f2c7b2b5a3b3c9f1e4a8e2d8c6b1a0f9");
        assertThat(e.urls()).containsExactly("https://stefanprodan.github.io/podinfo/podinfo-6.7.1.tgz");
        assertThat(e.sources()).containsExactly("https://github.com/stefanprodan/podinfo");
        assertThat(e.home()).isEqualTo("https://github.com/stefanprodan/podinfo");
        HelmIndexClient.Entry v = index.entry("podinfo", "6.7.0").orElseThrow();
        assertThat(v.version()).as("a v-prefixed version is the same version").isEqualTo("v6.7.0");
        assertThat(v.digest()).as("not a sha256: no digest to compare").isNull();
        assertThat(index.entry("other", "1.0.0"))
                .as("a chart the tree does not use is not kept")
                .isEmpty();
        assertThat(io.github.fluxoci.oci.catalog.ChartCatalog.withBuiltIn(List.of())
                        .guessesFromLinks(e.links(), e.chart()))
                .as("the chart's GitHub repository: its owner on ghcr.io")
                .startsWith("oci://ghcr.io/stefanprodan/charts/podinfo", "oci://ghcr.io/stefanprodan/podinfo/podinfo");
    }

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final String MANIFEST =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\",\"digest\":\"" + DIGEST
                    + "\",\"size\":2},"
                    + "\"layers\":[{\"mediaType\":\"application/vnd.cncf.helm.chart.content.v1.tar+gzip\",\"digest\":\""
                    + DIGEST
                    + "\",\"size\":2}]}";

    /** A registry with the OCI 1.1 referrers API (Debian's distribution 2.8 has none): what cosign 2 and 3 attach. */
    private void repositoryWithReferrers(String name, List<String> tags, String referrers) {
        String digest = OciRegistryClient.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8));
        server.createContext(
                "/v2/" + name + "/tags/list",
                ex -> reply(
                        ex,
                        200,
                        "{\"tags\":[\"" + String.join("\",\"", tags).replace("DIGEST", digest.replace(':', '-'))
                                + "\"]}",
                        Map.of()));
        server.createContext("/v2/" + name + "/manifests/", ex -> {
            calls.incrementAndGet();
            String ref = ex.getRequestURI().getPath().substring(("/v2/" + name + "/manifests/").length());
            if (ref.equals("1.0.0")) {
                reply(ex, 200, MANIFEST, Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"));
            } else if (ref.equals(digest.replace(':', '-')) && referrers != null) {
                reply(ex, 200, referrers, Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"));
            } else {
                reply(ex, 404, "{}", Map.of());
            }
        });
        server.createContext("/v2/" + name + "/referrers/" + digest, ex -> {
            calls.incrementAndGet();
            if (referrers == null) {
                reply(ex, 404, "404 page not found", Map.of());
            } else {
                reply(ex, 200, referrers, Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"));
            }
        });
    }

    private static String referrers(String artifactType, String predicate) {
        return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{"
                + "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + DIGEST
                + "\",\"size\":10,"
                + "\"artifactType\":\"" + artifactType + "\""
                + (predicate == null
                        ? ""
                        : ",\"annotations\":{" + "\"dev.sigstore.bundle.predicateType\":\"" + predicate + "\"}")
                + "}]}";
    }

    private OciRegistryClient.Signature signatureOf(String name) {
        OciRegistryClient client = client(Map.of(), Duration.ofSeconds(5));
        OciRegistryClient.Manifest m = client.manifest("oci://" + host + "/" + name, "1.0.0");
        assertThat(m.chartDigest()).isEqualTo(DIGEST);
        return client.signature("oci://" + host + "/" + name, m.digest());
    }

    @Test
    void signaturesAreFoundAmongReferrersAndAttestationsAreNotSignatures() {
        repositoryWithReferrers(
                "cosign2", List.of("1.0.0"), referrers("application/vnd.dev.cosign.artifact.sig.v1+json", null));
        repositoryWithReferrers(
                "cosign3",
                List.of("1.0.0"),
                referrers("application/vnd.dev.sigstore.bundle.v0.3+json", "https://sigstore.dev/cosign/sign/v1"));
        repositoryWithReferrers(
                "attested",
                List.of("1.0.0"),
                referrers("application/vnd.dev.sigstore.bundle.v0.3+json", "https://slsa.dev/provenance/v1"));
        repositoryWithReferrers(
                "fallback",
                List.of("1.0.0", "DIGEST"),
                referrers("application/vnd.dev.sigstore.bundle.v0.3+json", null));
        repositoryWithReferrers("plain", List.of("1.0.0"), null);

        assertThat(signatureOf("cosign2").state()).isEqualTo(OciRegistryClient.SignatureState.SIGNED);
        assertThat(signatureOf("cosign3").state()).isEqualTo(OciRegistryClient.SignatureState.SIGNED);
        assertThat(signatureOf("attested").state())
                .as("an attestation is not a signature")
                .isEqualTo(OciRegistryClient.SignatureState.UNSIGNED);
        OciRegistryClient.Signature fallback = signatureOf("fallback");
        assertThat(fallback.state()).isEqualTo(OciRegistryClient.SignatureState.SIGNED);
        assertThat(fallback.how()).contains("(tag sha256-");
        OciRegistryClient.Signature plain = signatureOf("plain");
        assertThat(plain.state()).isEqualTo(OciRegistryClient.SignatureState.UNSIGNED);
        assertThat(plain.how()).endsWith("(the registry has no referrers API)");
    }
}
