package io.github.fluxoci.oci.online;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real CNCF Distribution registry (Debian's {@code docker-registry}) on a loopback port with a temporary storage
 * folder, and the pushes a Helm client would make to it: chart archives (real {@code .tgz} files with a
 * {@code Chart.yaml}) under Helm's media types, image indexes, cosign-style signature tags. Tests that need it are
 * skipped when the registry is not installed ({@code .ci/run} installs it).
 */
final class LoopbackRegistry implements AutoCloseable {

    static final String CONFIG_TYPE = "application/vnd.cncf.helm.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";

    final String host;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer proxy;
    /** "METHOD /path" -> requests the proxy forwarded */
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private LoopbackRegistry(String host, Process process, Path log) {
        this.host = host;
        this.process = process;
        this.log = log;
    }

    static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Starts the registry with an optional {@code auth:} block of its configuration. */
    static LoopbackRegistry start(Path dir, String authBlock) throws Exception {
        assumeTrue(onPath("docker-registry"), "docker-registry is not installed (apt-get install docker-registry)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Path log = dir.resolve("registry.log");
        Files.writeString(
                config,
                "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data")
                        + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n" + authBlock);
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String host = "127.0.0.1:" + port;
        LoopbackRegistry registry = new LoopbackRegistry(host, process, log);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || status == 401) {
                    return registry;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        registry.close();
        throw new IllegalStateException("registry did not start: " + Files.readString(log));
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (proxy != null) {
            proxy.stop(0);
        }
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * A counting reverse proxy in front of the registry, on another loopback port: every request it forwards is
     * counted in {@link #requests} by method and path. Returns its host:port.
     */
    String countingProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            requests.computeIfAbsent(ex.getRequestMethod() + " " + path, k -> new AtomicInteger())
                    .incrementAndGet();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://" + host + ex.getRequestURI()))
                    .method(
                            ex.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    ex.getRequestBody().readAllBytes()));
            for (String h : List.of("Accept", "Authorization", "Content-Type")) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    forward.header(h, v);
                }
            }
            try {
                HttpResponse<byte[]> r = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().map().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("content-length")
                            && !k.equalsIgnoreCase("transfer-encoding")
                            && !k.startsWith(":")) {
                        v.forEach(value -> ex.getResponseHeaders().add(k, value));
                    }
                });
                boolean head = ex.getRequestMethod().equals("HEAD");
                ex.sendResponseHeaders(r.statusCode(), head || r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    if (!head) {
                        out.write(r.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
            }
        });
        proxy.start();
        return "127.0.0.1:" + proxy.getAddress().getPort();
    }

    /** How many requests the proxy forwarded for {@code METHOD /path}. */
    int count(String methodAndPath) {
        AtomicInteger n = requests.get(methodAndPath);
        return n == null ? 0 : n.get();
    }

    /** A real chart archive: {@code <name>/Chart.yaml} (and {@code <name>/values.yaml} with {@code extra}) in a .tgz. */
    static byte[] chartArchive(String name, String version, String extra) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tarEntry(
                tar,
                name + "/Chart.yaml",
                ("apiVersion: v2\nname: " + name + "\nversion: " + version + "\n").getBytes(StandardCharsets.UTF_8));
        tarEntry(tar, name + "/values.yaml", ("# " + extra + "\n").getBytes(StandardCharsets.UTF_8));
        tar.write(new byte[1024]); // two zero blocks end the archive
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        return gz.toByteArray();
    }

    /** One ustar entry: a 512-byte header, the content padded to 512 bytes. */
    private static void tarEntry(ByteArrayOutputStream tar, String name, byte[] content) throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", content.length));
        put(h, 136, String.format("%011o", 1_700_000_000L));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        tar.write(h);
        tar.write(content);
        tar.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] header, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pushes a chart archive as {@code name:tag} with Helm's media types; returns the manifest's digest. */
    String pushChart(String name, String tag, byte[] archive, String auth) throws Exception {
        return putManifest(name, tag, chartManifest(name, tag, archive, auth), MANIFEST_TYPE, auth);
    }

    /** A chart-shaped artifact whose layer is a small gzip, not a chart (for tags-only tests). */
    String pushChart(String name, String tag, String auth) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("chart " + name + " " + tag).getBytes(StandardCharsets.UTF_8));
        }
        return pushChart(name, tag, gz.toByteArray(), auth);
    }

    /** Pushes the chart manifest by digest and an image index naming it under {@code tag}; returns the index digest. */
    String pushChartInIndex(String name, String tag, byte[] archive) throws Exception {
        String manifest = chartManifest(name, tag, archive, null);
        String digest = sha256(manifest.getBytes(StandardCharsets.UTF_8));
        putManifest(name, digest, manifest, MANIFEST_TYPE, null);
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX_TYPE + "\",\"manifests\":[{\"mediaType\":\""
                + MANIFEST_TYPE + "\",\"digest\":\"" + digest + "\",\"size\":" + manifest.length()
                + ",\"artifactType\":\""
                + CONFIG_TYPE + "\"}]}";
        return putManifest(name, tag, index, INDEX_TYPE, null);
    }

    /** Pushes a cosign-style signature artifact under the tag {@code sha256-<hex>.sig} of {@code signedDigest}. */
    void pushSignatureTag(String name, String signedDigest) throws Exception {
        byte[] payload = ("{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" + signedDigest + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + blob(name, config, null)
                + "\",\"size\":"
                + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.dev.cosign.simplesigning.v1+json\","
                + "\"digest\":\"" + blob(name, payload, null) + "\",\"size\":" + payload.length + ",\"annotations\":{"
                + "\"dev.cosignproject.cosign/signature\":\"MEUCIQ==\"}}]}";
        putManifest(name, signedDigest.replace(':', '-') + ".sig", manifest, MANIFEST_TYPE, null);
    }

    private String chartManifest(String name, String tag, byte[] archive, String auth) throws Exception {
        byte[] config = ("{\"name\":\"" + name.substring(name.lastIndexOf('/') + 1) + "\",\"version\":\""
                        + tag.replace('_', '+') + "\",\"apiVersion\":\"v2\"}")
                .getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(name, config, auth);
        String layerDigest = blob(name, archive, auth);
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":{\"mediaType\":\"" + CONFIG_TYPE
                + "\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\""
                + LAYER_TYPE + "\",\"digest\":\"" + layerDigest + "\",\"size\":" + archive.length + "}]}";
    }

    private String putManifest(String name, String reference, String manifest, String type, String auth)
            throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create("http://" + host + "/v2/" + name + "/manifests/" + reference))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(manifest));
        if (auth != null) {
            put.header("Authorization", auth);
        }
        HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("manifest push: " + response.body())
                .isEqualTo(201);
        return sha256(manifest.getBytes(StandardCharsets.UTF_8));
    }

    private String blob(String name, byte[] content, String auth) throws Exception {
        String digest = sha256(content);
        HttpRequest.Builder start = HttpRequest.newBuilder(
                        URI.create("http://" + host + "/v2/" + name + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (auth != null) {
            start.header("Authorization", auth);
        }
        HttpResponse<String> started = http.send(start.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as("upload start: " + started.body()).isEqualTo(202);
        URI location = URI.create("http://" + host)
                .resolve(started.headers().firstValue("Location").orElseThrow());
        String sep = location.getQuery() == null ? "?" : "&";
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(location + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (auth != null) {
            put.header("Authorization", auth);
        }
        HttpResponse<String> done = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as("blob upload: " + done.body()).isEqualTo(201);
        return digest;
    }

    /** Reads a whole stream (for the tar oracle's output). */
    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
