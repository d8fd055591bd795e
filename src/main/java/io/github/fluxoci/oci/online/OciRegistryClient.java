package io.github.fluxoci.oci.online;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asks an OCI registry (distribution API) which tags a repository has: {@code GET /v2/<name>/tags/list}, following
 * {@code Link: <...>; rel="next"} pages. One request chain per repository per run (cached).
 *
 * <p>Large because it also reads manifests, indexes and signature tags for the chart proof, and each answer is
 * checked against the distribution spec's limits before it is believed.
 */
public final class OciRegistryClient {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryHttp http;
    private final OnlineOptions options;
    /** Seconds between two progress lines while the registries are asked. */
    static final int PROGRESS_SECONDS = 5;

    private final java.util.function.Consumer<String> progress;
    private final java.time.Duration progressEvery;
    private final FetchOnce<String, Tags> cache = new FetchOnce<>();

    /** The tags of one repository, or why they could not be read. */
    public record Tags(String url, boolean repositoryExists, List<String> tags, String error) {
        public boolean known() {
            return error == null;
        }
    }

    public OciRegistryClient(OnlineOptions options) {
        this(options, line -> {});
    }

    /**
     * A client that reports its progress ({@code 12 of 40 repositories asked for their tags}) to {@code progress}
     * every {@value #PROGRESS_SECONDS} seconds while it waits for the registries.
     */
    public OciRegistryClient(OnlineOptions options, java.util.function.Consumer<String> progress) {
        this(options, progress, java.time.Duration.ofSeconds(PROGRESS_SECONDS));
    }

    OciRegistryClient(
            OnlineOptions options, java.util.function.Consumer<String> progress, java.time.Duration progressEvery) {
        this.options = options;
        this.http = new RegistryHttp(options);
        this.progress = progress;
        this.progressEvery = progressEvery;
    }

    /** Waits for all of {@code all}, saying every {@link #progressEvery} how many are done ("N of M what"). */
    private void await(List<? extends CompletableFuture<?>> all, String what) {
        CompletableFuture<Void> every = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                every.get(progressEvery.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                long done = all.stream().filter(CompletableFuture::isDone).count();
                progress.accept(done + " of " + all.size() + " " + what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                all.forEach(CompletableFuture::join); // rethrows the first failure as before
                return;
            }
        }
    }

    /** Fetches several repositories' tags at once (bounded by {@code parallelism}). */
    public void prefetch(Collection<String> ociUrls) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        try {
            List<CompletableFuture<Tags>> all = new ArrayList<>();
            for (String url : ociUrls) {
                all.add(cache.start(key(url), () -> CompletableFuture.supplyAsync(() -> fetch(url), pool)));
            }
            await(all, "repositories asked for their tags");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Fetches the manifests of several {@code oci://...} url and tag pairs at once (bounded by {@code parallelism}), and
     * then each one's signature: what {@link #manifest} and {@link #signature} answer next comes from the cache.
     */
    public void prefetchManifests(Collection<Map.Entry<String, String>> urlTags) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        try {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (Map.Entry<String, String> e : urlTags) {
                all.add(CompletableFuture.runAsync(
                        () -> {
                            Manifest m = manifest(e.getKey(), e.getValue());
                            if (m.digest() != null) {
                                signature(e.getKey(), m.digest());
                            }
                        },
                        pool));
            }
            await(all, "tags asked for their manifest and signature");
        } finally {
            pool.shutdown();
        }
    }

    /** The tags of {@code oci://host/name} (a tag or digest on the url is ignored). */
    public Tags tags(String ociUrl) {
        return cache.get(key(ociUrl), () -> fetch(ociUrl));
    }

    /**
     * Whether {@code oci://host/name:tag} has a manifest: for registries that let a client pull but not list. Empty
     * when the registry did not say. The same request as {@link #manifest}: asked once per repository and tag.
     */
    public Optional<Boolean> hasManifest(String ociUrl, String tag) {
        Manifest m = manifest(ociUrl, tag);
        return m.status() == 200 ? Optional.of(true) : m.status() == 404 ? Optional.of(false) : Optional.empty();
    }

    /** Helm's media type of the chart archive layer. */
    public static final String CHART_LAYER_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    /** Helm's media type of the chart config (what marks a manifest as a chart's in an image index). */
    public static final String CHART_CONFIG_TYPE = "application/vnd.cncf.helm.config.v1+json";

    private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
    private static final String DOCKER_LIST_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json," + INDEX_TYPE
            + ",application/vnd.docker.distribution.manifest.v2+json," + DOCKER_LIST_TYPE;

    /**
     * What a tag resolves to.
     *
     * @param status      the registry's answer to the tag (200, 404, ...), or 0 when it could not be asked
     * @param digest      the digest of what the tag names (the image index when it is one): what a signature signs
     * @param chartDigest the digest of the chart archive layer, or null
     * @param error       why the chart digest is not known, or null
     */
    public record Manifest(int status, String digest, String chartDigest, String error) {}

    /**
     * The manifest of {@code oci://host/name:tag} and its chart layer digest, following an image index to the chart's
     * manifest. One request chain per repository and tag per run (cached).
     */
    public Manifest manifest(String ociUrl, String tag) {
        return manifests.get(key(ociUrl) + ":" + tag, () -> fetchManifest(ociUrl, tag));
    }

    private final FetchOnce<String, Manifest> manifests = new FetchOnce<>();
    private final FetchOnce<String, Signature> signatures = new FetchOnce<>();

    private Manifest fetchManifest(String ociUrl, String tag) {
        Repository repo = repository(ociUrl);
        if (repo == null) {
            return new Manifest(0, null, null, "\"" + HostPolicy.safe(ociUrl) + "\" names no repository");
        }
        try {
            RegistryHttp.Answer<byte[]> top = getManifest(repo, tag);
            if (top.status() != 200) {
                return new Manifest(
                        top.status(),
                        null,
                        null,
                        repo.host() + " answered " + top.status() + " for " + repo.name() + ":" + tag);
            }
            String digest = digestOf(top);
            JsonNode json = RegistryHttp.json(top.body(), repo.host(), "manifest");
            if (isIndex(top, json)) {
                IndexChild child = chartManifestOf(repo, tag, json);
                if (child.error() != null) {
                    return new Manifest(200, digest, null, child.error());
                }
                json = child.json();
            }
            for (JsonNode layer : json.path("layers")) {
                String d = layer.path("digest").asText("");
                if (CHART_LAYER_TYPE.equals(layer.path("mediaType").asText())
                        && SHA256.matcher(d).matches()) {
                    return new Manifest(200, digest, d, null);
                }
            }
            return new Manifest(
                    200,
                    digest,
                    null,
                    repo.name() + ":" + tag + " has no layer of type " + CHART_LAYER_TYPE + " (not a Helm chart)");
        } catch (RegistryException e) {
            return new Manifest(0, null, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Manifest(0, null, null, "\"" + HostPolicy.safe(ociUrl) + "\" is not a repository URL");
        }
    }

    /** The chart manifest an image index names, fetched and checked against its digest, or why not. */
    private record IndexChild(JsonNode json, String error) {}

    private IndexChild chartManifestOf(Repository repo, String tag, JsonNode index) throws RegistryException {
        String child = chartManifestIn(index);
        if (child == null) {
            return new IndexChild(
                    null, repo.name() + ":" + tag + " is an image index with no Helm chart manifest in it");
        }
        RegistryHttp.Answer<byte[]> inner = getManifest(repo, child);
        if (inner.status() != 200) {
            return new IndexChild(
                    null,
                    repo.host() + " answered " + inner.status() + " for the chart manifest " + child
                            + " of the image index " + repo.name() + ":" + tag);
        }
        String served = sha256(inner.body());
        if (!served.equals(child)) {
            // content addressing: what is fetched by digest must hash to it, or it proves nothing
            return new IndexChild(
                    null,
                    "the registry served a body that does not match its digest: the chart manifest " + child
                            + " of the image index " + repo.name() + ":" + tag + " hashes to " + served);
        }
        return new IndexChild(RegistryHttp.json(inner.body(), repo.host(), "manifest"), null);
    }

    private RegistryHttp.Answer<byte[]> getManifest(Repository repo, String reference) throws RegistryException {
        return http.get(
                URI.create(http.base(repo.host()) + "/v2/" + repo.name() + "/manifests/" + reference),
                repo.host(),
                MANIFEST_TYPES);
    }

    /** The digest of a manifest answer: the registry's Docker-Content-Digest, checked against the bytes, or their sha256. */
    private static String digestOf(RegistryHttp.Answer<byte[]> answer) {
        String computed = sha256(answer.body());
        return answer.header("Docker-Content-Digest").filter(computed::equals).orElse(computed);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static boolean isIndex(RegistryHttp.Answer<byte[]> answer, JsonNode json) {
        String type =
                json.path("mediaType").asText(answer.header("Content-Type").orElse(""));
        return type.startsWith(INDEX_TYPE)
                || type.startsWith(DOCKER_LIST_TYPE)
                || (json.has("manifests") && !json.has("layers"));
    }

    /** The digest of the Helm chart manifest an image index lists: the one whose artifactType is Helm's config, else the only one. */
    private static String chartManifestIn(JsonNode index) {
        List<String> all = new ArrayList<>();
        for (JsonNode m : index.path("manifests")) {
            String d = m.path("digest").asText("");
            if (!SHA256.matcher(d).matches()) {
                continue;
            }
            if (CHART_CONFIG_TYPE.equals(m.path("artifactType").asText())) {
                return d;
            }
            all.add(d);
        }
        return all.size() == 1 ? all.get(0) : null;
    }

    /** Whether a manifest is signed with cosign: {@code SIGNED}, {@code UNSIGNED}, or {@code UNKNOWN} with the reason. */
    public enum SignatureState {
        SIGNED,
        UNSIGNED,
        UNKNOWN
    }

    /**
     * A signature check's answer: the state, how it was found (the tag, the referrer, or why not known), and the tag
     * that holds the signature when one does (what a mirror must copy beside the chart), else null.
     */
    public record Signature(SignatureState state, String how, String tag) {
        Signature(SignatureState state, String how) {
            this(state, how, null);
        }
    }

    /** cosign's signature artifact in OCI 1.1 referrers mode. */
    static final String COSIGN_SIGNATURE_TYPE = "application/vnd.dev.cosign.artifact.sig.v1+json";
    /** A Sigstore bundle (cosign 3 stores signatures and attestations as such referrers). */
    static final String SIGSTORE_BUNDLE_TYPE = "application/vnd.dev.sigstore.bundle";

    private static final String PREDICATE_ANNOTATION = "dev.sigstore.bundle.predicateType";
    private static final String SIGNATURE_PREDICATE = "https://sigstore.dev/cosign/sign/v1";

    /**
     * Whether the manifest {@code digest} of {@code oci://host/name} carries a cosign signature: the tag
     * {@code sha256-<hex>.sig} (cosign's tag convention), else a signature among its OCI 1.1 referrers (the referrers API,
     * or the {@code sha256-<hex>} fallback tag when the tags list shows it). Cached per repository and digest; each
     * question is one request at most, none when the tags list already answers it.
     */
    public Signature signature(String ociUrl, String digest) {
        return signatures.get(key(ociUrl) + "@" + digest, () -> fetchSignature(ociUrl, digest));
    }

    private Signature fetchSignature(String ociUrl, String digest) {
        Repository repo = repository(ociUrl);
        if (repo == null || digest == null || !SHA256.matcher(digest).matches()) {
            return new Signature(SignatureState.UNKNOWN, "no manifest digest to look a signature up by");
        }
        String sigTag = digest.replace(':', '-') + ".sig";
        String fallbackTag = digest.replace(':', '-');
        Tags tags = tags(ociUrl);
        if (tags.known() && tags.tags().contains(sigTag)) {
            return new Signature(SignatureState.SIGNED, "cosign signature tag " + sigTag, sigTag);
        }
        if (!tags.known()) {
            Optional<Boolean> tagged = hasManifest(ociUrl, sigTag);
            if (tagged.orElse(false)) {
                return new Signature(SignatureState.SIGNED, "cosign signature tag " + sigTag, sigTag);
            }
        }
        try {
            if (tags.known() && tags.tags().contains(fallbackTag)) {
                RegistryHttp.Answer<byte[]> index = getManifest(repo, fallbackTag);
                if (index.status() == 200
                        && signedIn(RegistryHttp.json(index.body(), repo.host(), "referrers index"))) {
                    return new Signature(
                            SignatureState.SIGNED,
                            "cosign signature among the referrers (tag " + fallbackTag + ")",
                            fallbackTag);
                }
            }
            RegistryHttp.Answer<byte[]> referrers = http.get(
                    URI.create(http.base(repo.host()) + "/v2/" + repo.name() + "/referrers/" + digest),
                    repo.host(),
                    INDEX_TYPE);
            if (referrers.status() == 200) {
                boolean signed = signedIn(RegistryHttp.json(referrers.body(), repo.host(), "referrers"));
                return new Signature(
                        signed ? SignatureState.SIGNED : SignatureState.UNSIGNED,
                        signed
                                ? "cosign signature among the referrers"
                                : "no cosign signature tag and no signature among the referrers");
            }
            if (referrers.status() == 404
                    && (tags.known() || hasManifest(ociUrl, sigTag).isPresent())) {
                return new Signature(
                        SignatureState.UNSIGNED,
                        "no cosign signature tag " + sigTag + " (the registry has no referrers API)");
            }
            return new Signature(
                    SignatureState.UNKNOWN,
                    repo.host() + " answered " + referrers.status() + " for the referrers of " + repo.name() + "@"
                            + digest);
        } catch (RegistryException e) {
            return new Signature(SignatureState.UNKNOWN, e.getMessage());
        }
    }

    /** True when a referrers index lists a cosign signature (not an attestation). */
    private static boolean signedIn(JsonNode index) {
        for (JsonNode m : index.path("manifests")) {
            String type = m.path("artifactType").asText("");
            if (COSIGN_SIGNATURE_TYPE.equals(type)) {
                return true;
            }
            if (type.startsWith(SIGSTORE_BUNDLE_TYPE)) {
                String predicate =
                        m.path("annotations").path(PREDICATE_ANNOTATION).asText(SIGNATURE_PREDICATE);
                if (SIGNATURE_PREDICATE.equals(predicate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Repository(String host, String name) {}

    private static Repository repository(String ociUrl) {
        String rest = ociUrl.trim().replaceFirst("^oci://", "");
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String host = rest.substring(0, slash);
        String name = rest.substring(slash + 1).replaceAll("/+$", "").replaceFirst("[:@].*$", "");
        if (host.equals("docker.io")) {
            host = "registry-1.docker.io";
            if (!name.contains("/")) {
                name = "library/" + name;
            }
        }
        return new Repository(host, name);
    }

    private static String key(String ociUrl) {
        return ociUrl.trim().replaceAll("/+$", "");
    }

    private Tags fetch(String ociUrl) {
        Repository repo = repository(ociUrl);
        if (repo == null) {
            return new Tags(ociUrl, false, List.of(), "\"" + ociUrl + "\" names no repository");
        }
        String host = repo.host();
        String name = repo.name();
        List<String> tags = new ArrayList<>();
        try {
            URI next = URI.create(http.base(host) + "/v2/" + name + "/tags/list");
            int pages = 0;
            while (next != null && pages++ < 100) {
                RegistryHttp.Answer<byte[]> response = http.get(next, host, "application/json");
                int status = response.status();
                if (status == 404) {
                    return new Tags(ociUrl, false, List.of(), null);
                }
                if (status != 200) {
                    return new Tags(
                            ociUrl,
                            false,
                            List.of(),
                            host + " answered " + status + " for the tags of " + name
                                    + (status == 401 || status == 403
                                            ? http.withheldReason(host)
                                                    .map(r -> " (" + r + ")")
                                                    .orElse(" (add a <server> with id " + host + " to settings.xml)")
                                            : ""));
                }
                JsonNode json = RegistryHttp.json(response.body(), host, "tags list");
                if (!json.isObject()) {
                    return new Tags(ociUrl, false, List.of(), host + " sent a tags list that is not a JSON object");
                }
                json.path("tags").forEach(t -> tags.add(t.asText()));
                next = nextPage(response);
            }
            return new Tags(ociUrl, true, List.copyOf(tags), null);
        } catch (RegistryException e) {
            return new Tags(ociUrl, false, List.of(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Tags(ociUrl, false, List.of(), "\"" + HostPolicy.safe(ociUrl) + "\" is not a repository URL");
        }
    }

    /**
     * The next page of a tags list ({@code Link: <...>; rel="next"}), or null. A page on another origin is not
     * followed: the list would continue somewhere the registry's credentials may not go, and no registry known to
     * paginate does that.
     */
    private static URI nextPage(RegistryHttp.Answer<byte[]> response) throws RegistryException {
        Optional<String> link = response.header("Link");
        if (link.isEmpty()) {
            return null;
        }
        Matcher m = NEXT.matcher(link.get());
        if (!m.find()) {
            return null;
        }
        URI next = HostPolicy.resolve(response.uri(), m.group(1), "Link header");
        if (!HostPolicy.sameOrigin(next, response.uri())) {
            throw new RegistryException("the tags list of " + response.uri().getRawAuthority() + " continues on another"
                    + " host (" + next.getRawAuthority() + "), which is not followed");
        }
        return next;
    }
}
