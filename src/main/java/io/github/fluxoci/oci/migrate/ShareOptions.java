package io.github.fluxoci.oci.migrate;

import java.util.Locale;

/**
 * {@code oci.share}: whether releases of one chart share an OCIRepository, and in which form.
 *
 * @param byChart     true for {@code oci.share=chart}: one OCIRepository per (OCI url, ref) for every selected release
 *                    of that chart; false for {@code none}: one per release (the default)
 * @param layout      {@link ShareLayout#NAMESPACE} (one OCIRepository in {@code namespace}, releases name it with
 *                    {@code chartRef.namespace}) or {@link ShareLayout#COMPONENT} (a kustomize Component with the
 *                    OCIRepository, included by the kustomization of each namespace folder that holds such a release)
 * @param namespace   the namespace of shared OCIRepositories in the namespace layout ({@code flux-system})
 * @param folder      where shared sources go (namespace layout: the folder of their files; component layout: the
 *                    folder the component folders are made in), relative to the scanned directory; null = found from
 *                    the tree
 * @param minReleases groups with fewer releases stay one OCIRepository per release
 */
public record ShareOptions(boolean byChart, ShareLayout layout, String namespace, String folder, int minReleases) {

    public static final String DEFAULT_NAMESPACE = "flux-system";
    public static final ShareOptions NONE = new ShareOptions(false, ShareLayout.NAMESPACE, DEFAULT_NAMESPACE, null, 2);

    public ShareOptions {
        layout = layout == null ? ShareLayout.NAMESPACE : layout;
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.trim();
        folder = folder == null || folder.isBlank() ? null : trimSlashes(folder.trim());
        if (minReleases < 1) {
            throw new IllegalArgumentException("oci.shareMinReleases must be 1 or more, not " + minReleases);
        }
        if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException(
                    "oci.shareNamespace \"" + namespace + "\" is not a Kubernetes namespace name");
        }
        if (folder != null
                && (folder.startsWith("/")
                        || folder.equals("..")
                        || folder.startsWith("../")
                        || folder.contains("/../")
                        || folder.endsWith("/.."))) {
            throw new IllegalArgumentException("oci.shareFolder \"" + folder + "\" must be a folder inside the scanned"
                    + " directory, written relative to it");
        }
    }

    /** {@code none} or {@code chart}. */
    public static boolean parseShare(String value) {
        String v = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "none" -> false;
            case "chart" -> true;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not one of none, chart");
        };
    }

    private static String trimSlashes(String s) {
        String out = s.startsWith("./") ? s.substring(2) : s;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
