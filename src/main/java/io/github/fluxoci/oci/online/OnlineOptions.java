package io.github.fluxoci.oci.online;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the online checks talk to registries and Helm repositories.
 *
 * @param credentials    per host (as in {@code settings.xml} {@code <server><id>host</id>}); sent to that host only
 * @param insecureHosts  hosts reached over plain HTTP (loopback hosts always may)
 * @param tokenHosts     token services (Bearer realms) on another host that may receive a registry's credentials,
 *                       besides the well-known ones ({@link HostPolicy#WELL_KNOWN_TOKEN_HOSTS})
 * @param timeout        per request, the whole answer included
 * @param maxRetries     retries after 429 or 5xx
 * @param maxRetryWait   the longest a Retry-After is honoured
 * @param parallelism    requests under way at once
 * @param maxAnswerBytes the largest registry answer read (tags list, manifest, token)
 * @param maxIndexBytes  the largest Helm repository {@code index.yaml} read
 * @param budget         the time the whole run may spend online
 */
public record OnlineOptions(
        Map<String, Credentials> credentials,
        Set<String> insecureHosts,
        Set<String> tokenHosts,
        Duration timeout,
        int maxRetries,
        Duration maxRetryWait,
        int parallelism,
        long maxAnswerBytes,
        long maxIndexBytes,
        RunBudget budget) {

    /** 32 MiB: a tags list of 100,000 tags is about 3 MiB. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 32L * 1024 * 1024;
    /** 256 MiB: the largest public index.yaml files are a few tens of MB. */
    public static final long DEFAULT_MAX_INDEX_BYTES = 256L * 1024 * 1024;

    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

    public OnlineOptions {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        insecureHosts = insecureHosts == null ? Set.of() : Set.copyOf(insecureHosts);
        tokenHosts = tokenHosts == null ? Set.of() : Set.copyOf(tokenHosts);
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxRetries = Math.max(0, maxRetries);
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(30) : maxRetryWait;
        parallelism = Math.max(1, parallelism);
        maxAnswerBytes = maxAnswerBytes <= 0 ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        maxIndexBytes = maxIndexBytes <= 0 ? DEFAULT_MAX_INDEX_BYTES : maxIndexBytes;
        budget = budget == null ? RunBudget.startingNow(DEFAULT_BUDGET) : budget;
    }

    public OnlineOptions(
            Map<String, Credentials> credentials,
            Set<String> insecureHosts,
            Duration timeout,
            int maxRetries,
            Duration maxRetryWait,
            int parallelism) {
        this(credentials, insecureHosts, Set.of(), timeout, maxRetries, maxRetryWait, parallelism, 0, 0, null);
    }

    public static OnlineOptions defaults() {
        return new OnlineOptions(Map.of(), Set.of(), Duration.ofSeconds(20), 3, Duration.ofSeconds(30), 4);
    }
}
