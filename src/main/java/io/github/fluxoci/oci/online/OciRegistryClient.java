package io.github.fluxoci.oci.online;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asks an OCI registry (distribution API) which tags a repository has: {@code GET /v2/<name>/tags/list}, following
 * {@code Link: <...>; rel="next"} pages. One request chain per repository per run (cached).
 */
public final class OciRegistryClient {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryHttp http;
    private final OnlineOptions options;
    private final FetchOnce<String, Tags> cache = new FetchOnce<>();

    /** The tags of one repository, or why they could not be read. */
    public record Tags(String url, boolean repositoryExists, List<String> tags, String error) {
        public boolean known() {
            return error == null;
        }
    }

    public OciRegistryClient(OnlineOptions options) {
        this.options = options;
        this.http = new RegistryHttp(options);
    }

    /** Fetches several repositories' tags at once (bounded by {@code parallelism}). */
    public void prefetch(Collection<String> ociUrls) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism());
        try {
            List<CompletableFuture<Tags>> all = new ArrayList<>();
            for (String url : ociUrls) {
                all.add(cache.start(key(url), () -> CompletableFuture.supplyAsync(() -> fetch(url), pool)));
            }
            all.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    /** The tags of {@code oci://host/name} (a tag or digest on the url is ignored). */
    public Tags tags(String ociUrl) {
        return cache.get(key(ociUrl), () -> fetch(ociUrl));
    }

    /**
     * Whether {@code oci://host/name:tag} has a manifest ({@code HEAD /v2/<name>/manifests/<tag>}): for registries
     * that let a client pull but not list. Empty when the registry did not say.
     */
    public Optional<Boolean> hasManifest(String ociUrl, String tag) {
        Repository repo = repository(ociUrl);
        if (repo == null) {
            return Optional.empty();
        }
        try {
            RegistryHttp.Answer<Void> response = http.head(URI.create(http.base(repo.host()) + "/v2/" + repo.name()
                    + "/manifests/" + tag), repo.host(), MANIFEST_TYPES);
            return switch (response.status()) {
                case 200 -> Optional.of(true);
                case 404 -> Optional.of(false);
                default -> Optional.empty();
            };
        } catch (RegistryException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.v2+json";

    private record Repository(String host, String name) {
    }

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
                    return new Tags(ociUrl, false, List.of(), host + " answered " + status + " for the tags of " + name
                            + (status == 401 || status == 403 ? http.withheldReason(host).map(r -> " (" + r + ")")
                            .orElse(" (add a <server> with id " + host + " to settings.xml)") : ""));
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
