package io.github.fluxoci.oci.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar of what names an OCI artifact, from the OCI distribution spec (repository names and tags,
 * {@code spec.md}, "Pulling manifests") and the reference grammar registries and tools share
 * ({@code distribution/reference}: a registry host with an optional port): {@code oci://host[:port]/component/...},
 * each path component {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}, a tag {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}, a
 * digest {@code algorithm:encoded}. Anything from a tree, a catalog or a registry is checked against it before it is
 * classed, written or listed: a chart name with a space, a {@code :} or a line break names no artifact, and written
 * into {@code mirror.txt} would tell a copy tool to do something else.
 */
public final class OciReferences {

    private static final Pattern HOST = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]{1,5})?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

    private OciReferences() {}

    /** Why {@code oci://host/path} (no tag, no digest) names no OCI repository, or empty when it does. */
    public static Optional<String> urlProblem(String ociUrl) {
        if (ociUrl == null || !ociUrl.startsWith("oci://")) {
            return Optional.of("it does not start with oci://");
        }
        String rest = ociUrl.substring("oci://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.of("it names a registry but no repository");
        }
        String host = rest.substring(0, slash);
        if (!HOST.matcher(host).matches()) {
            return Optional.of("the registry host \"" + shown(host) + "\" is not a host name with an optional port");
        }
        for (String component : rest.substring(slash + 1).split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return Optional.of("the path component \"" + shown(component) + "\" is not lowercase letters and"
                        + " digits separated by '.', '_', '__' or '-' (the OCI distribution spec's repository name)");
            }
        }
        return rest.length() > 255 + host.length() + 1
                ? Optional.of("the repository name is longer than 255 characters")
                : Optional.empty();
    }

    /** Why {@code tag} is not an OCI tag, or empty when it is. */
    public static Optional<String> tagProblem(String tag) {
        return tag != null && TAG.matcher(tag).matches()
                ? Optional.empty()
                : Optional.of("the tag \"" + shown(String.valueOf(tag)) + "\" is not an OCI tag (letters, digits, '_',"
                        + " '.' and '-', at most 128, not starting with '.' or '-')");
    }

    /** True for {@code algorithm:encoded} ({@code sha256:...}). */
    public static boolean isDigest(String digest) {
        return digest != null && DIGEST.matcher(digest).matches();
    }

    /** A value as a message may show it: line breaks and other control characters escaped. */
    public static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
