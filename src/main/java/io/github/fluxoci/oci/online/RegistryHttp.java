package io.github.fluxoci.oci.online;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP for registries and Helm repositories, under the {@link HostPolicy}: HTTPS unless the host is loopback or
 * listed as insecure; redirects followed here (the authorization kept for the same origin only, never from HTTPS
 * to HTTP); the Bearer-token challenge, with credentials sent to a token service only where the policy allows;
 * every answer capped in size and read within the request timeout; retries on 429 and 5xx with a capped
 * {@code Retry-After}; nothing after the run's time budget. Errors name the host and the status, never a credential
 * or a token.
 */
final class RegistryHttp {

    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** RFC 6750 {@code b64token}: what an Authorization header may carry after {@code Bearer }. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;

    /** One answer: status, the URI that gave it (after redirects), headers, body. */
    record Answer<T>(int status, URI uri, HttpHeaders headers, T body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final OnlineOptions options;
    private final HostPolicy policy;
    private final HttpClient client;
    /** registry host -> Authorization header that worked last; sent to that host only */
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    /** registry host -> why its credentials were not sent to its token service */
    private final Map<String, String> withheld = new ConcurrentHashMap<>();

    RegistryHttp(OnlineOptions options) {
        this.options = options;
        this.policy = new HostPolicy(options);
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HostPolicy policy() {
        return policy;
    }

    /** {@code https://host} or, for insecure and loopback hosts, {@code http://host}. */
    String base(String host) {
        return policy.base(host);
    }

    /** Why the credentials of {@code host} were kept from its token service, or empty. */
    Optional<String> withheldReason(String host) {
        return Optional.ofNullable(withheld.get(host));
    }

    /** GET, the body as bytes (at most {@code oci.onlineMaxBytes}). */
    Answer<byte[]> get(URI uri, String host, String accept) throws RegistryException {
        return send("GET", uri, host, accept, HttpResponse.BodyHandlers.ofByteArray(), options.maxAnswerBytes());
    }

    /** HEAD. */
    Answer<Void> head(URI uri, String host, String accept) throws RegistryException {
        return send("HEAD", uri, host, accept, HttpResponse.BodyHandlers.discarding(), options.maxAnswerBytes());
    }

    /** GET into a file (at most {@code oci.onlineMaxIndexBytes}): a Helm index is parsed from there, streaming. */
    Answer<Path> download(URI uri, String host, Path file) throws RegistryException {
        return send("GET", uri, host, "*/*", HttpResponse.BodyHandlers.ofFile(file), options.maxIndexBytes());
    }

    private <T> Answer<T> send(
            String method, URI uri, String host, String accept, HttpResponse.BodyHandler<T> body, long maxBytes)
            throws RegistryException {
        URI current = uri;
        boolean challenged = false;
        int attempt = 0;
        int redirects = 0;
        while (true) {
            String refusal = policy.refusal(current);
            if (refusal != null) {
                throw new RegistryException(refusal);
            }
            boolean credentialed = policy.mayCarryCredentialsOf(current, host);
            HttpRequest.Builder request =
                    newRequest(current).header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody());
            String auth = credentialed ? authorization.get(host) : null;
            if (auth != null) {
                request.header("Authorization", auth);
            }
            Answer<T> answer = call(request, current, body, maxBytes);
            int status = answer.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Optional<String> location = answer.header("Location");
                if (location.isEmpty()) {
                    return answer;
                }
                URI next = HostPolicy.resolve(current, location.get(), "redirect");
                if (HostPolicy.downgrade(current, next)) {
                    throw new RegistryException(current.getRawAuthority() + " redirected from HTTPS to plain HTTP ("
                            + next.getRawAuthority() + "): refused");
                }
                if (++redirects > MAX_REDIRECTS) {
                    throw new RegistryException(host + ": more than " + MAX_REDIRECTS + " redirects");
                }
                current = next;
                continue;
            }
            if (status == 401 && !challenged && credentialed) {
                challenged = true;
                String value = authorize(
                        host, current, answer.header("WWW-Authenticate").orElse(""));
                if (value != null) {
                    authorization.put(host, value);
                    continue;
                }
            }
            if ((status == 429 || status >= 500) && attempt < options.maxRetries()) {
                sleep(retryAfter(answer, attempt));
                attempt++;
                continue;
            }
            return answer;
        }
    }

    private static HttpRequest.Builder newRequest(URI uri) throws RegistryException {
        try {
            return HttpRequest.newBuilder(uri).header("User-Agent", "oci-maven-plugin");
        } catch (IllegalArgumentException e) {
            throw new RegistryException(uri.getRawAuthority() + ": not a URL a request can go to");
        }
    }

    /** One exchange, the body included, within the request timeout and the run's budget. */
    private <T> Answer<T> call(HttpRequest.Builder builder, URI uri, HttpResponse.BodyHandler<T> body, long maxBytes)
            throws RegistryException {
        String authority = uri.getRawAuthority();
        Duration limit = options.budget().cap(options.timeout());
        if (limit.isZero()) {
            throw budgetSpent();
        }
        HttpRequest request;
        try {
            request = builder.timeout(limit).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RegistryException(authority + ": the request could not be built");
        }
        CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, CappedBody.of(body, maxBytes));
        try {
            HttpResponse<T> r = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer<>(r.statusCode(), r.uri(), r.headers(), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RegistryException(authority + " " + tooSlow(limit));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryException(authority + ": interrupted");
        } catch (ExecutionException e) {
            throw new RegistryException(authority + " " + describe(e.getCause(), maxBytes, tooSlow(limit)));
        }
    }

    private String tooSlow(Duration limit) {
        return "did not answer in full within " + limit.toSeconds() + " s"
                + (limit.compareTo(options.timeout()) < 0
                        ? " (what was left of oci.onlineBudget)"
                        : " (oci.onlineTimeout)");
    }

    /** What went wrong, with the causes (a TLS or proxy failure shows more than a class name); no header values. */
    private static String describe(Throwable t, long maxBytes, String tooSlow) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CappedBody.TooLarge) {
                return "sent an answer larger than " + maxBytes + " bytes (raise -Doci.onlineMaxBytes or"
                        + " -Doci.onlineMaxIndexBytes if it is genuine)";
            }
            if (c instanceof HttpTimeoutException) {
                return tooSlow;
            }
        }
        StringBuilder sb = new StringBuilder("could not be reached (");
        String sep = "";
        for (Throwable c = t; c != null && sb.length() < 300; c = c.getCause()) {
            sb.append(sep).append(c.getClass().getSimpleName());
            if (c.getMessage() != null && c instanceof IOException) {
                sb.append(": ").append(HostPolicy.safe(c.getMessage()));
            }
            sep = "; caused by ";
        }
        return sb.append(')').toString();
    }

    private RegistryException budgetSpent() {
        return new RegistryException("not checked: the time budget for online checks is spent (oci.onlineBudget="
                + options.budget().total().toSeconds() + " s)");
    }

    /** The Authorization header for a challenge from {@code host}, or null when the challenge cannot be met. */
    private String authorize(String host, URI current, String challenge) throws RegistryException {
        Credentials credentials = options.credentials().get(host);
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return credentials != null ? credentials.basicHeader() : null;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        String realmUrl = tokenUrl(challenge);
        if (realmUrl == null) {
            return null;
        }
        URI tokenUri = HostPolicy.resolve(current, realmUrl, "token realm");
        String tokenHost = tokenUri.getRawAuthority();
        String refusal = policy.refusal(tokenUri);
        if (refusal != null) {
            throw new RegistryException(host + ": its token service is not asked: " + refusal);
        }
        String keptBack = credentials == null ? null : policy.realmRefusal(tokenUri, host);
        if (keptBack != null) {
            withheld.put(host, "the credentials for " + host + " were not sent: " + keptBack);
        }
        HttpRequest.Builder request = newRequest(tokenUri).GET();
        if (credentials != null && keptBack == null) {
            request.header("Authorization", credentials.basicHeader());
        }
        Answer<byte[]> response =
                call(request, tokenUri, HttpResponse.BodyHandlers.ofByteArray(), options.maxAnswerBytes());
        if (response.status() != 200) {
            throw new RegistryException(host + ": the token service at " + tokenHost + " answered " + response.status()
                    + (credentials == null
                            ? " (no credentials: add a <server> with id " + host + " to settings.xml)"
                            : keptBack != null ? " (" + withheld.get(host) + ")" : ""));
        }
        JsonNode json = json(response.body(), tokenHost, "token");
        String token = json.hasNonNull("token")
                ? json.get("token").asText()
                : json.path("access_token").asText(null);
        if (token == null || token.isEmpty()) {
            throw new RegistryException(host + ": the token service at " + tokenHost + " sent no token");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new RegistryException(
                    host + ": the token service at " + tokenHost + " sent a token that an HTTP header cannot carry");
        }
        return "Bearer " + token;
    }

    /** The token service's url from a Bearer challenge: its realm with service and scope, or null without realm. */
    private static String tokenUrl(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(realm.trim());
        String sep = realm.contains("?") ? "&" : "?";
        for (String key : new String[] {"service", "scope"}) {
            if (params.containsKey(key)) {
                url.append(sep)
                        .append(key)
                        .append('=')
                        .append(URLEncoder.encode(params.get(key), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return url.toString();
    }

    static JsonNode json(byte[] body, String host, String what) throws RegistryException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(host + " sent a " + what + " answer that is not JSON");
        }
    }

    private Duration retryAfter(Answer<?> response, int attempt) throws RegistryException {
        Duration backoff = Duration.ofMillis(200L << Math.min(attempt, 6));
        String header = response.header("Retry-After").orElse(null);
        Duration wait = backoff;
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                try {
                    wait = Duration.between(
                            ZonedDateTime.now(java.time.ZoneOffset.UTC),
                            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (RuntimeException ignored) {
                    wait = backoff;
                }
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        wait = wait.compareTo(options.maxRetryWait()) > 0 ? options.maxRetryWait() : wait;
        if (wait.compareTo(options.budget().remaining()) >= 0) {
            throw budgetSpent();
        }
        return wait;
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
