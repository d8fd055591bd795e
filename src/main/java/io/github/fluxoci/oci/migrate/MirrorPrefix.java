package io.github.fluxoci.oci.migrate;

import java.util.Locale;

import io.github.fluxoci.oci.catalog.ChartUrls;

/**
 * {@code oci.mirrorPrefix}: OCIRepositories point at a mirror (an air-gapped cluster's registry) instead of the
 * chart's public location, keeping the chart's repository path: with {@code oci://registry.internal/charts},
 * {@code oci://ghcr.io/bjw-s-labs/helm/app-template} becomes {@code oci://registry.internal/charts/bjw-s-labs/helm/app-template}.
 * What must be copied there is listed in {@code mirror.txt}.
 */
public record MirrorPrefix(String prefix) {

    public static final MirrorPrefix NONE = new MirrorPrefix(null);

    public MirrorPrefix {
        if (prefix != null) {
            String p = prefix.trim();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            prefix = p.isEmpty() ? null : ChartUrls.normalize(p);
        }
    }

    /** {@code oci://host[:port][/path]}, no tag or digest; blank = no mirror. */
    public static MirrorPrefix parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String v = value.trim();
        if (!v.toLowerCase(Locale.ROOT).matches("oci://[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*/?")) {
            throw new IllegalArgumentException(
                    "oci.mirrorPrefix \"" + value + "\" is not an oci:// registry prefix such as"
                            + " oci://registry.internal/charts (host, optional port and path; no tag)");
        }
        return new MirrorPrefix(v);
    }

    public boolean active() {
        return prefix != null;
    }

    /** The URL new OCIRepositories get for a chart published at {@code ociUrl}. */
    public String urlFor(String ociUrl) {
        if (!active() || ociUrl == null) {
            return ociUrl;
        }
        String rest = ChartUrls.normalize(ociUrl).substring("oci://".length());
        int slash = rest.indexOf('/');
        return prefix + (slash < 0 ? "" : rest.substring(slash));
    }
}
