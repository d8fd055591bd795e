package io.github.fluxoci.oci.flux;

import java.util.List;
import java.util.Map;

/**
 * One Flux release as its CRDs define it.
 *
 * @param version             the Flux version ({@code 2.5.1}): the last patch release of its line
 * @param controllers         controller -> its version in this release
 * @param apis                {@code group/Kind} -> the apiVersions served
 * @param assumedFromPrevious controllers whose CRDs were not available: their APIs are the previous release's
 */
public record FluxRelease(
        String version,
        Map<String, String> controllers,
        Map<String, List<Served>> apis,
        List<String> assumedFromPrevious)
        implements Comparable<FluxRelease> {

    /** Older first, by version. */
    @Override
    public int compareTo(FluxRelease o) {
        return compareVersions(version, o.version);
    }

    /** {@code 2.5.1} before {@code 2.10.0}: numbers compared part by part. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(
                    i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * One served apiVersion of a kind.
     *
     * @param schema the id of its JSON Schema in {@code flux-schemas.json} ({@link FluxSchemas}), or null for a kind
     *               the plugin does not check
     */
    public record Served(String name, boolean storage, boolean deprecated, List<String> specFields, String schema) {}

    /** {@code 2.5} of {@code 2.5.1}. */
    public String line() {
        return lineOf(version);
    }

    static String lineOf(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = v.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : v;
    }

    /** The served version of {@code group/version} for {@code kind}, or null when this Flux does not serve it. */
    public Served served(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        if (slash < 0) {
            return null;
        }
        List<Served> versions = apis.get(apiVersion.substring(0, slash) + "/" + kind);
        if (versions == null) {
            return null;
        }
        String name = apiVersion.substring(slash + 1);
        return versions.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    public boolean serves(String apiVersion, String kind) {
        return served(apiVersion, kind) != null;
    }

    /** True when this Flux knows the kind at all (its controller's CRDs are in the data). */
    public boolean knows(String group, String kind) {
        return apis.containsKey(group + "/" + kind);
    }

    /** The storage version of a kind ({@code v1}), the one to write; null when this Flux does not have the kind. */
    public String storage(String group, String kind) {
        List<Served> versions = apis.get(group + "/" + kind);
        if (versions == null) {
            return null;
        }
        return versions.stream()
                .filter(Served::storage)
                .map(Served::name)
                .findFirst()
                .orElse(null);
    }

    /** {@code group/storage}: the apiVersion to write for a kind. */
    public String apiVersionToWrite(String group, String kind) {
        String storage = storage(group, kind);
        return storage == null ? null : group + "/" + storage;
    }

    /** True when the HelmRelease version this Flux writes has {@code spec.chartRef} (from Flux 2.3). */
    public boolean chartRef() {
        String helm = storage("helm.toolkit.fluxcd.io", "HelmRelease");
        return apis.getOrDefault("helm.toolkit.fluxcd.io/HelmRelease", List.of()).stream()
                .anyMatch(v -> v.name().equals(helm) && v.specFields().contains("chartRef"));
    }

    /** "Flux 2.5.1", with the controllers assumed from the previous release said. */
    public String describe() {
        return "Flux " + version
                + (assumedFromPrevious.isEmpty()
                        ? ""
                        : " (" + String.join(", ", assumedFromPrevious)
                                + " taken as in the previous Flux release: its CRDs were not available)");
    }
}
