package io.github.fluxoci.oci.online;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The credential policy, in one place (README, "Online checks: where credentials go"):
 * <ul>
 * <li>a request goes over HTTPS, or over plain HTTP only to a loopback host or one listed in
 * {@code oci.insecureRegistries};</li>
 * <li>the credentials of host H ({@code settings.xml} server id H), and any token obtained with them, go to H only:
 * to the same scheme, host and port;</li>
 * <li>a redirect is followed by the plugin: to the same origin with the authorization, to another origin without it
 * (a blob on object storage), from HTTPS to HTTP never;</li>
 * <li>a Bearer realm receives H's credentials only over HTTPS (or plain HTTP where allowed, as above) and only on H
 * itself, a well-known token service of H, or a host listed in {@code oci.tokenHosts}; otherwise the token is asked
 * for anonymously and the reason is reported.</li>
 * </ul>
 */
final class HostPolicy {

    /**
     * Token services on another host than their registry, allowed without configuration. Evidence: Docker Hub's
     * registry answers {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io"} (Docker's
     * registry token authentication documentation); GitLab's container registry answers
     * {@code realm="https://gitlab.com/jwt/auth"} (GitLab's container registry documentation). GHCR, Quay, ECR Public
     * and Google Artifact Registry serve their realm on the registry host itself, which is always allowed.
     */
    static final Map<String, Set<String>> WELL_KNOWN_TOKEN_HOSTS = Map.of(
            "registry-1.docker.io", Set.of("auth.docker.io"),
            "registry.gitlab.com", Set.of("gitlab.com"));

    private final OnlineOptions options;

    HostPolicy(OnlineOptions options) {
        this.options = options;
    }

    /** The host name of {@code host} or {@code host:port} (brackets of an IPv6 literal removed), lower case. */
    static String hostName(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.lastIndexOf(':');
        return colon > 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }

    /** True when plain HTTP may be used towards this authority: loopback, or listed as insecure. */
    boolean plainHttpAllowed(String authority) {
        String name = hostName(authority);
        if (options.insecureHosts().contains(authority)
                || options.insecureHosts().contains(name)) {
            return true;
        }
        if (name.equals("localhost")) {
            return true;
        }
        // only literal addresses: resolving a name here would let DNS decide what counts as loopback
        if (!name.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** {@code https://host}, or {@code http://host} where plain HTTP is allowed. */
    String base(String authority) {
        return (plainHttpAllowed(authority) ? "http://" : "https://") + authority;
    }

    /** Null when a request to this URI is allowed, else why not. */
    String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawAuthority() == null
                || (uri.getHost() == null && !uri.getRawAuthority().startsWith("["))) {
            return "\"" + safe(uri.toString()) + "\" names no host";
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http")) {
            return plainHttpAllowed(uri.getRawAuthority())
                    ? null
                    : "plain HTTP to " + uri.getRawAuthority()
                            + " is refused (HTTPS only, except loopback hosts and those listed in oci.insecureRegistries)";
        }
        return "the scheme \"" + safe(scheme) + "\" is not HTTP(S)";
    }

    /** True when {@code uri} is {@code host} itself over the scheme the plugin uses for it: H's credentials may go. */
    boolean mayCarryCredentialsOf(URI uri, String host) {
        if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host)) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && plainHttpAllowed(host));
    }

    /** True for a redirect from HTTPS to plain HTTP, which is refused whatever the host. */
    static boolean downgrade(URI from, URI to) {
        return "https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme());
    }

    /** Same scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getRawAuthority() != null
                && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }

    /** Null when the realm may receive {@code registryHost}'s credentials, else why not (for the report). */
    String realmRefusal(URI realm, String registryHost) {
        String scheme = realm.getScheme().toLowerCase(Locale.ROOT);
        String realmAuthority = realm.getRawAuthority();
        if (!scheme.equals("https") && !(scheme.equals("http") && plainHttpAllowed(realmAuthority))) {
            return "its token service " + realmAuthority + " is not HTTPS";
        }
        String realmName = hostName(realmAuthority);
        if (realmName.equals(hostName(registryHost))
                || options.tokenHosts().contains(realmAuthority)
                || options.tokenHosts().contains(realmName)
                || WELL_KNOWN_TOKEN_HOSTS
                        .getOrDefault(hostName(registryHost), Set.of())
                        .contains(realmName)) {
            return null;
        }
        return "its token service " + realmAuthority + " is another host; allow it with -Doci.tokenHosts=" + realmName;
    }

    /** A URI a server sent (Location, Link, realm), resolved against the current one; absolute HTTP(S) only. */
    static URI resolve(URI current, String sent, String what) throws RegistryException {
        try {
            URI uri = current.resolve(new URI(sent.trim()));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https"))
                    || uri.getRawAuthority() == null
                    || sent.isBlank()) {
                throw new RegistryException(
                        current.getRawAuthority() + " sent a " + what + " that is not an HTTP(S) URL");
            }
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RegistryException(current.getRawAuthority() + " sent a " + what + " that is not a valid URL");
        }
    }

    /** Text from a server, cut short and stripped of control characters, fit for a message. */
    static String safe(String text) {
        String s = text.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
