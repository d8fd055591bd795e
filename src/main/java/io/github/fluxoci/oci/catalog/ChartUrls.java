package io.github.fluxoci.oci.catalog;

import java.util.Locale;

/** Normalizes repository URLs so that the many ways one repository is written compare equal. */
public final class ChartUrls {

    private ChartUrls() {}

    /**
     * Lower-cases scheme and host, drops default ports, {@code index.yaml}, trailing slashes and surrounding
     * whitespace: {@code HTTPS://Helm.Cilium.io/} and {@code https://helm.cilium.io} are one repository.
     */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        int scheme = u.indexOf("://");
        String prefix = "";
        if (scheme > 0) {
            prefix = u.substring(0, scheme).toLowerCase(Locale.ROOT) + "://";
            u = u.substring(scheme + 3);
        }
        int slash = u.indexOf('/');
        String host = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
        String path = slash < 0 ? "" : u.substring(slash);
        if (prefix.equals("https://") && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        } else if (prefix.equals("http://") && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        }
        if (path.endsWith("/index.yaml")) {
            path = path.substring(0, path.length() - "/index.yaml".length());
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return prefix + host + path;
    }

    /** {@code oci://host/path} + "/" + chart, as source-controller joins them (path.Join). */
    public static String join(String ociBase, String chart) {
        String base = normalize(ociBase);
        String c = chart.startsWith("/") ? chart.substring(1) : chart;
        return base + "/" + c;
    }

    /** Last path segment of an OCI URL: the chart name Helm sees. */
    public static String lastSegment(String url) {
        String u = normalize(url);
        int slash = u.lastIndexOf('/');
        return slash < 0 ? u : u.substring(slash + 1);
    }
}
