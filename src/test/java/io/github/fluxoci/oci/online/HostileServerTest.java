package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.github.fluxoci.oci.semver.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online client against hostile servers on loopback: the registry on 127.0.0.1 holds the credentials, a
 * recording server on 127.0.0.2 stands for "another host". Each case asserts where the credentials went, that the
 * answer ends within the configured limits (plus a margin: these are guards, not measurements) and that no secret
 * reaches any message. Tagged small-heap: surefire runs this class in its own JVM with -Xmx128m, so a client that
 * held a huge answer in memory fails here.
 */
@Tag("small-heap")
class HostileServerTest {

    static final String USER = "robot";
    static final String PASSWORD = "s3cr3t-PASSWORD-9f2";
    static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String TOKEN = "tok-1234567890abcdef";

    /** Every message the client produced in this class: scanned for secrets at the end. */
    static final List<String> MESSAGES = new CopyOnWriteArrayList<>();

    HttpServer registry;
    HttpServer other;
    String host;
    String otherHost;
    /** Authorization headers the other host received ("" when none). */
    final List<String> otherSaw = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void theHeapIsSmall() {
        // run by surefire's small-heap execution (-Xmx128m): a client that held a huge answer would fail here
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(200L * 1024 * 1024);
    }

    @BeforeEach
    void start() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        for (HttpServer s : List.of(registry, other)) {
            s.setExecutor(Executors.newCachedThreadPool());
            s.start();
        }
        host = "127.0.0.1:" + registry.getAddress().getPort();
        otherHost = "127.0.0.2:" + other.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        other.stop(0);
    }

    @AfterAll
    static void noSecretInAnyMessage() {
        assertThat(MESSAGES).isNotEmpty();
        for (String m : MESSAGES) {
            assertThat(m)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(BASIC.substring(6))
                    .doesNotContain(TOKEN)
                    .doesNotContain("X-Evil");
        }
    }

    private OnlineOptions options(Set<String> tokenHosts, Duration timeout, Duration budget, long maxBytes) {
        return new OnlineOptions(
                Map.of(host, new Credentials(USER, PASSWORD)),
                Set.of(),
                tokenHosts,
                timeout,
                2,
                Duration.ofSeconds(1),
                2,
                maxBytes,
                0,
                RunBudget.startingNow(budget));
    }

    private OnlineOptions options() {
        return options(Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(60), 0);
    }

    private OciRegistryClient.Tags tags(OnlineOptions options) {
        OciRegistryClient.Tags tags = new OciRegistryClient(options).tags("oci://" + host + "/charts/app");
        if (tags.error() != null) {
            MESSAGES.add(tags.error());
        }
        return tags;
    }

    static void reply(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        OnlineClientsTest.reply(ex, status, body, headers);
    }

    private static String auth(HttpExchange ex) {
        String a = ex.getRequestHeaders().getFirst("Authorization");
        return a == null ? "" : a;
    }

    /** The registry: tags need the basic credentials; anything else is up to {@code then}. */
    private void basicRegistry(Handler then) {
        registry.createContext("/v2/", ex -> {
            if (!BASIC.equals(auth(ex))) {
                reply(ex, 401, "", Map.of("WWW-Authenticate", "Basic realm=\"registry\""));
            } else {
                then.handle(ex);
            }
        });
    }

    private void recordingOther(String body) {
        other.createContext("/", ex -> {
            otherSaw.add(auth(ex));
            reply(ex, 200, body, Map.of());
        });
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private static long elapsedMillis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * An image index names its chart manifest by digest; a registry that serves another body under that digest (a
     * chart it wants to pass off as the one the index pins) proves nothing: the chart digest stays unknown, with why.
     */
    @Test
    void aManifestWhoseBodyDoesNotMatchItsDigestProvesNothing() {
        String honest = "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"" + OciRegistryClient.CHART_LAYER_TYPE
                + "\",\"digest\":\"sha256:" + "a".repeat(64) + "\"}]}";
        String forged = honest.replace("a".repeat(64), "b".repeat(64));
        String honestDigest = OciRegistryClient.sha256(honest.getBytes(StandardCharsets.UTF_8));
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"digest\":\"" + honestDigest + "\",\"artifactType\":\""
                + OciRegistryClient.CHART_CONFIG_TYPE + "\"}]}";
        basicRegistry(ex -> reply(
                ex,
                200,
                ex.getRequestURI().getPath().endsWith("/manifests/1.0.0") ? index : forged,
                Map.of("Content-Type", "application/vnd.oci.image.index.v1+json")));
        OciRegistryClient.Manifest m =
                new OciRegistryClient(options()).manifest("oci://" + host + "/charts/app", "1.0.0");
        MESSAGES.add(String.valueOf(m.error()));
        assertThat(m.chartDigest()).isNull();
        assertThat(m.error())
                .startsWith("the registry served a body that does not match its digest: the chart manifest "
                        + honestDigest + " of the image index charts/app:1.0.0 hashes to sha256:");
    }

    @Test
    void aRedirectToAnotherOriginCarriesNoAuthorizationAndStillWorks() {
        basicRegistry(ex -> reply(ex, 302, "", Map.of("Location", "http://" + otherHost + "/blob/tags.json")));
        recordingOther("{\"tags\":[\"1.0.0\"]}");
        OciRegistryClient.Tags tags = tags(options());
        assertThat(tags.tags()).containsExactly("1.0.0");
        assertThat(otherSaw).containsExactly("");
    }

    @Test
    void aRedirectWithinTheRegistryKeepsTheAuthorization() {
        basicRegistry(ex -> {
            if (ex.getRequestURI().getPath().endsWith("/tags/list")) {
                reply(ex, 307, "", Map.of("Location", "/v2/moved/list"));
            } else {
                reply(ex, 200, "{\"tags\":[\"2.0.0\"]}", Map.of());
            }
        });
        assertThat(tags(options()).tags()).containsExactly("2.0.0");
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() throws Exception {
        assertThat(HostPolicy.downgrade(
                        new URI("https://registry.example/v2/"), new URI("http://registry.example/v2/")))
                .isTrue();
        assertThat(HostPolicy.downgrade(new URI("https://a.example/"), new URI("https://b.example/")))
                .isFalse();
        assertThat(HostPolicy.downgrade(new URI("http://127.0.0.1/"), new URI("http://127.0.0.2/")))
                .isFalse();
    }

    @Test
    void aLinkPageOnAnotherHostIsNotFollowed() {
        basicRegistry(ex -> reply(
                ex,
                200,
                "{\"tags\":[\"1.0.0\"]}",
                Map.of("Link", "<http://" + otherHost + "/v2/charts/app/tags/list?last=1.0.0>; rel=\"next\"")));
        recordingOther("{\"tags\":[\"9.9.9\"]}");
        OciRegistryClient.Tags tags = tags(options());
        assertThat(tags.error())
                .isEqualTo("the tags list of " + host + " continues on another host (" + otherHost
                        + "), which is not followed");
        assertThat(otherSaw).isEmpty();
    }

    private void bearerRegistry(String realm) {
        registry.createContext("/v2/", ex -> {
            if (("Bearer " + TOKEN).equals(auth(ex))) {
                reply(ex, 200, "{\"tags\":[\"3.0.0\"]}", Map.of());
            } else {
                reply(
                        ex,
                        401,
                        "",
                        Map.of("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"reg\",scope=\"x\""));
            }
        });
    }

    @Test
    void aTokenServiceOnAnotherHostGetsNoCredentialsUnlessAllowed() {
        bearerRegistry("http://" + otherHost + "/token");
        recordingOther("{\"token\":\"" + TOKEN + "\"}");
        assertThat(tags(options()).tags()).containsExactly("3.0.0");
        assertThat(otherSaw).containsExactly("");

        otherSaw.clear();
        OnlineOptions allowed = options(Set.of("127.0.0.2"), Duration.ofSeconds(5), Duration.ofSeconds(60), 0);
        assertThat(tags(allowed).tags()).containsExactly("3.0.0");
        assertThat(otherSaw).containsExactly(BASIC);
    }

    @Test
    void whenTheAnonymousTokenIsRefusedTheReportSaysWhyNoCredentialsWent() {
        bearerRegistry("http://" + otherHost + "/token");
        other.createContext("/", ex -> {
            otherSaw.add(auth(ex));
            reply(ex, 401, "", Map.of());
        });
        assertThat(tags(options()).error())
                .isEqualTo(host + ": the token service at " + otherHost + " answered 401 (the"
                        + " credentials for " + host + " were not sent: its token service " + otherHost
                        + " is another host;"
                        + " allow it with -Doci.tokenHosts=127.0.0.2)");
        assertThat(otherSaw).containsExactly("");
    }

    @Test
    void aPlainHttpRealmOnARemoteHostIsNotAsked() {
        bearerRegistry("http://auth.example.com/token");
        assertThat(tags(options()).error())
                .isEqualTo(
                        host + ": its token service is not asked: plain HTTP to"
                                + " auth.example.com is refused (HTTPS only, except loopback hosts and those listed in oci.insecureRegistries)");
    }

    @Test
    void aPlainHttpHelmRepositoryOnARemoteHostIsNotFetched() {
        HelmIndexClient.Index index =
                new HelmIndexClient(options()).index("http://charts.example.com/stable", Set.of("x"));
        MESSAGES.add(index.error());
        assertThat(index.error())
                .isEqualTo("plain HTTP to charts.example.com is refused (HTTPS only, except loopback"
                        + " hosts and those listed in oci.insecureRegistries)");
    }

    @Test
    void aTokenAHeaderCannotCarryIsNeitherUsedNorPrinted() {
        bearerRegistry("/token");
        registry.createContext(
                "/token", ex -> reply(ex, 200, "{\"token\":\"" + TOKEN + "\\r\\nX-Evil: 1\"}", Map.of()));
        assertThat(tags(options()).error())
                .isEqualTo(host + ": the token service at " + host + " sent a token that an HTTP header cannot carry");
    }

    @Test
    void malformedRealmsAndLinksAreAnErrorOfThatReleaseOnly() {
        AtomicReference<String> realm = new AtomicReference<>();
        AtomicReference<String> link = new AtomicReference<>();
        registry.createContext("/v2/", ex -> {
            if (realm.get() != null) {
                reply(ex, 401, "", Map.of("WWW-Authenticate", "Bearer realm=\"" + realm.get() + "\",service=\"reg\""));
            } else if (!BASIC.equals(auth(ex))) {
                reply(ex, 401, "", Map.of("WWW-Authenticate", "Basic realm=\"registry\""));
            } else {
                reply(ex, 200, "{\"tags\":[\"1.0.0\"]}", Map.of("Link", link.get()));
            }
        });
        for (String r : List.of("jar:file:/x.jar!/token", "file:///etc/passwd", "http://exa mple.com/token", "::::")) {
            realm.set(r);
            OciRegistryClient.Tags tags = tags(options());
            assertThat(tags.known()).as(r).isFalse();
            assertThat(tags.error()).as(r).startsWith(host + " sent a token realm that is not");
        }
        realm.set(null);
        for (String l : List.of("<file:///etc/passwd>; rel=\"next\"", "<http://exa mple.com/x>; rel=\"next\"")) {
            link.set(l);
            OciRegistryClient.Tags tags = tags(options());
            assertThat(tags.error()).as(l).startsWith(host + " sent a Link header that is not");
        }
    }

    @Test
    void aHugeAnswerIsCutAtTheCapWithoutFillingTheHeap() {
        basicRegistry(ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length: the cap must act while streaming
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 2 * 16 * 1024; i++) { // 2 GiB, if the client kept reading
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up
            }
        });
        long t0 = System.nanoTime();
        OciRegistryClient.Tags tags =
                tags(options(Set.of(), Duration.ofSeconds(20), Duration.ofSeconds(60), 1024 * 1024));
        assertThat(tags.error())
                .isEqualTo(host + " sent an answer larger than 1048576 bytes (raise -Doci.onlineMaxBytes"
                        + " or -Doci.onlineMaxIndexBytes if it is genuine)");
        assertThat(elapsedMillis(t0)).isLessThan(15_000);
    }

    @Test
    void aTrickledBodyEndsAtTheRequestTimeout() {
        basicRegistry(ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException expected) {
                // the client hung up
            }
        });
        long t0 = System.nanoTime();
        OciRegistryClient.Tags tags = tags(options(Set.of(), Duration.ofSeconds(2), Duration.ofSeconds(60), 0));
        assertThat(tags.error()).isEqualTo(host + " did not answer in full within 2 s (oci.onlineTimeout)");
        assertThat(elapsedMillis(t0))
                .as("2 s timeout, the basic challenge first")
                .isLessThan(8_000);
    }

    @Test
    void retryAfterIsCappedAndTheRunBudgetEndsTheWaiting() {
        basicRegistry(ex -> reply(ex, 429, "", Map.of("Retry-After", "999999")));
        long t0 = System.nanoTime();
        OciRegistryClient.Tags capped = tags(options());
        assertThat(capped.error()).isEqualTo(host + " answered 429 for the tags of charts/app");
        assertThat(elapsedMillis(t0)).as("two retries of at most 1 s").isLessThan(6_000);

        t0 = System.nanoTime();
        OnlineOptions small = options(Set.of(), Duration.ofSeconds(5), Duration.ofMillis(1500), 0);
        OciRegistryClient client = new OciRegistryClient(small);
        OciRegistryClient.Tags first = client.tags("oci://" + host + "/charts/app");
        OciRegistryClient.Tags second = client.tags("oci://" + host + "/charts/other");
        MESSAGES.add(first.error());
        MESSAGES.add(second.error());
        assertThat(second.error())
                .isEqualTo("not checked: the time budget for online checks is spent (oci.onlineBudget=1 s)");
        assertThat(elapsedMillis(t0)).isLessThan(6_000);
    }

    @Test
    void aHugeHelmIndexKeepsOneVersionPerChartTheTreeUses() {
        int versions = 400_000;
        registry.createContext("/charts/index.yaml", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                StringBuilder sb = new StringBuilder("apiVersion: v1\nentries:\n  app:\n");
                for (int i = 0; i < versions; i++) {
                    sb.append("    - name: app\n      version: 1.")
                            .append(i)
                            .append(".0\n      urls: [https://x/app.tgz]\n");
                    if (sb.length() > 64 * 1024) {
                        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                        sb.setLength(0);
                    }
                }
                sb.append("  unused:\n    - name: unused\n      version: 9.0.0\n");
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        HelmIndexClient.Index index = new HelmIndexClient(
                        options(Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(120), 0))
                .index("http://" + host + "/charts", Set.of("app"));
        assertThat(index.error()).isNull();
        assertThat(index.newestStable("app")).map(Version::toString).hasValue("1." + (versions - 1) + ".0");
        assertThat(index.newest()).containsOnlyKeys("app");
    }

    @Test
    void theHelmIndexCapHolds() {
        registry.createContext(
                "/charts/index.yaml",
                ex -> reply(ex, 200, "apiVersion: v1\nentries: {}\n" + "#".repeat(5000), Map.of()));
        OnlineOptions small = new OnlineOptions(
                Map.of(),
                Set.of(),
                Set.of(),
                Duration.ofSeconds(5),
                0,
                Duration.ofSeconds(1),
                1,
                0,
                1000,
                RunBudget.startingNow(Duration.ofSeconds(30)));
        HelmIndexClient.Index index = new HelmIndexClient(small).index("http://" + host + "/charts", Set.of("app"));
        MESSAGES.add(index.error());
        assertThat(index.error())
                .isEqualTo(host + " sent an answer larger than 1000 bytes (raise -Doci.onlineMaxBytes"
                        + " or -Doci.onlineMaxIndexBytes if it is genuine)");
    }

    @Test
    void credentialsNeverGoOverPlainHttpToAHostThatIsNotAllowedIt() throws Exception {
        HostPolicy policy = new HostPolicy(options());
        assertThat(policy.mayCarryCredentialsOf(new URI("http://" + host + "/v2/"), host))
                .isTrue();
        assertThat(policy.mayCarryCredentialsOf(new URI("http://registry.example.com/v2/"), "registry.example.com"))
                .isFalse();
        assertThat(policy.mayCarryCredentialsOf(new URI("https://registry.example.com/v2/"), "registry.example.com"))
                .isTrue();
        assertThat(policy.mayCarryCredentialsOf(
                        new URI("https://registry.example.com:444/v2/"), "registry.example.com"))
                .as("another port is another origin")
                .isFalse();
        List<String> refused = new ArrayList<>();
        for (String u : List.of("http://registry.example.com/", "ftp://registry.example.com/", "http://10.0.0.1/")) {
            refused.add(policy.refusal(new URI(u)));
        }
        assertThat(refused).allSatisfy(r -> assertThat(r).isNotNull());
        assertThat(policy.refusal(new URI("http://[::1]:5000/v2/"))).isNull();
    }

    @Test
    void theManifestAndSignatureRequestsFollowTheSameRules() {
        String digest = "sha256:" + "cd".repeat(32);
        String manifest = "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"" + OciRegistryClient.CHART_LAYER_TYPE
                + "\",\"digest\":\"" + digest + "\",\"size\":1}]}";
        basicRegistry(ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/tags/list")) {
                reply(ex, 200, "{\"tags\":[\"1.0.0\"]}", Map.of());
            } else if (path.endsWith("/manifests/1.0.0")) {
                // the manifest is served from object storage on another host
                reply(ex, 307, "", Map.of("Location", "http://" + otherHost + "/blobs/manifest.json"));
            } else {
                // a referrers answer that is not JSON, echoing what it was sent
                reply(ex, 200, "<html>" + auth(ex) + "</html>", Map.of("X-Echo", auth(ex)));
            }
        });
        recordingOther(manifest);
        OciRegistryClient client = new OciRegistryClient(options());
        OciRegistryClient.Manifest m = client.manifest("oci://" + host + "/charts/app", "1.0.0");
        assertThat(m.chartDigest()).isEqualTo(digest);
        assertThat(otherSaw).as("the other origin gets no authorization").containsExactly("");
        OciRegistryClient.Signature s = client.signature("oci://" + host + "/charts/app", m.digest());
        assertThat(s.state()).isEqualTo(OciRegistryClient.SignatureState.UNKNOWN);
        assertThat(s.how()).isEqualTo(host + " sent a referrers answer that is not JSON");
        MESSAGES.add(s.how());
    }
}
