package io.github.fluxoci.oci.online;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the online checks talk to registries.
 *
 * @param credentials    per host (as in {@code settings.xml} {@code <server><id>host</id>})
 * @param insecureHosts  hosts reached over plain HTTP (loopback hosts always may)
 * @param timeout        per request
 * @param maxRetries     retries after 429 or 5xx
 * @param maxRetryWait   the longest a Retry-After is honoured
 * @param parallelism    requests under way at once
 */
public record OnlineOptions(Map<String, Credentials> credentials, Set<String> insecureHosts, Duration timeout,
                            int maxRetries, Duration maxRetryWait, int parallelism) {

    public OnlineOptions {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        insecureHosts = insecureHosts == null ? Set.of() : Set.copyOf(insecureHosts);
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxRetries = Math.max(0, maxRetries);
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(30) : maxRetryWait;
        parallelism = Math.max(1, parallelism);
    }

    public static OnlineOptions defaults() {
        return new OnlineOptions(Map.of(), Set.of(), Duration.ofSeconds(20), 3, Duration.ofSeconds(30), 4);
    }
}
