package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP for registries: HTTPS unless the host is listed as insecure or is a loopback address, bounded timeouts,
 * retries with backoff on 429 and 5xx honouring {@code Retry-After}, the anonymous or credentialed bearer-token
 * challenge ({@code WWW-Authenticate: Bearer realm=...,service=...,scope=...}) and basic auth. Errors name the host
 * and the status, never a credential or token.
 */
final class RegistryHttp {

    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OnlineOptions options;
    private final HttpClient client;
    /** host -> Authorization header that worked last */
    private final Map<String, String> authorization = new ConcurrentHashMap<>();

    RegistryHttp(OnlineOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** {@code https://host} or, for insecure and loopback hosts, {@code http://host}. */
    String base(String host) {
        return (plainHttp(host) ? "http://" : "https://") + host;
    }

    boolean plainHttp(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.replaceFirst(":\\d+$", "");
        if (options.insecureHosts().contains(host) || options.insecureHosts().contains(name)) {
            return true;
        }
        try {
            return name.equals("localhost") || InetAddress.getByName(name).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** GET with retries and authentication; the body as bytes. */
    HttpResponse<byte[]> get(URI uri, String host, String accept) throws RegistryException {
        return send("GET", uri, host, accept, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** HEAD with retries and authentication. */
    HttpResponse<Void> head(URI uri, String host, String accept) throws RegistryException {
        return send("HEAD", uri, host, accept, HttpResponse.BodyHandlers.discarding());
    }

    /** GET with retries and authentication; the body as a stream (large Helm indexes). */
    HttpResponse<InputStream> stream(URI uri, String host) throws RegistryException {
        return send("GET", uri, host, "*/*", HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(String method, URI uri, String host, String accept, HttpResponse.BodyHandler<T> body)
            throws RegistryException {
        boolean challenged = false;
        int attempt = 0;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.timeout()).header("Accept", accept)
                    .header("User-Agent", "oci-maven-plugin").method(method, HttpRequest.BodyPublishers.noBody());
            String auth = authorization.get(host);
            if (auth != null) {
                request.header("Authorization", auth);
            }
            HttpResponse<T> response = call(request.build(), host, body);
            int status = response.statusCode();
            if (status == 401 && !challenged) {
                challenged = true;
                String header = response.headers().firstValue("WWW-Authenticate").orElse("");
                String value = authorize(host, header);
                if (value != null) {
                    authorization.put(host, value);
                    continue;
                }
            }
            if ((status == 429 || status >= 500) && attempt < options.maxRetries()) {
                sleep(retryAfter(response, attempt));
                attempt++;
                continue;
            }
            return response;
        }
    }

    private <T> HttpResponse<T> call(HttpRequest request, String host, HttpResponse.BodyHandler<T> body)
            throws RegistryException {
        try {
            return client.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new RegistryException(host + " did not answer within " + options.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new RegistryException(host + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(host + ": interrupted");
        }
    }

    /** The Authorization header for a challenge, or null when the challenge cannot be met. */
    private String authorize(String host, String challenge) throws RegistryException {
        Credentials credentials = options.credentials().get(host);
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credentials != null ? credentials.basicHeader() : null;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(realm);
        String sep = realm.contains("?") ? "&" : "?";
        for (String key : new String[] {"service", "scope"}) {
            if (params.containsKey(key)) {
                url.append(sep).append(key).append('=').append(URLEncoder.encode(params.get(key), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        URI tokenUri = URI.create(url.toString());
        String tokenHost = tokenUri.getAuthority();
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).timeout(options.timeout()).GET();
        if (credentials != null) {
            request.header("Authorization", credentials.basicHeader());
        }
        HttpResponse<byte[]> response = call(request.build(), tokenHost, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new RegistryException(host + ": the token service at " + tokenHost + " answered " + response.statusCode()
                    + (credentials == null ? " (no credentials: add a <server> with id " + host + " to settings.xml)" : ""));
        }
        JsonNode json = json(response.body(), tokenHost, "token");
        String token = json.hasNonNull("token") ? json.get("token").asText() : json.path("access_token").asText(null);
        if (token == null || token.isEmpty()) {
            throw new RegistryException(host + ": the token service at " + tokenHost + " sent no token");
        }
        return "Bearer " + token;
    }

    static JsonNode json(byte[] body, String host, String what) throws RegistryException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(host + " sent a " + what + " answer that is not JSON");
        }
    }

    private Duration retryAfter(HttpResponse<?> response, int attempt) {
        Duration backoff = Duration.ofMillis(200L << Math.min(attempt, 6));
        String header = response.headers().firstValue("Retry-After").orElse(null);
        Duration wait = backoff;
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                try {
                    wait = Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (RuntimeException ignored) {
                    wait = backoff;
                }
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return wait.compareTo(options.maxRetryWait()) > 0 ? options.maxRetryWait() : wait;
    }

    private static void sleep(Duration d) throws RegistryException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting to retry");
        }
    }
}
