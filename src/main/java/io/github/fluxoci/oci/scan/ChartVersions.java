package io.github.fluxoci.oci.scan;

import java.util.regex.Pattern;

/** How a HelmRelease chart version becomes an OCIRepository {@code ref}. */
public final class ChartVersions {

    /** An exact SemVer 2 version, as Helm writes chart versions (optional leading {@code v} or {@code =}). */
    private static final Pattern EXACT = Pattern.compile(
            "=?v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private ChartVersions() {
    }

    /** True for one exact version ({@code 1.2.3}, {@code 1.2.3-rc.1+build.5}); false for ranges and partial versions. */
    public static boolean isExact(String version) {
        return version != null && EXACT.matcher(version.trim()).matches();
    }

    /** True for a Flux post-build substitution such as {@code ${APP_VERSION}}. */
    public static boolean isSubstituted(String version) {
        return version != null && version.contains("${");
    }

    /**
     * The OCI tag for an exact chart version: OCI tags may not hold {@code +}, so Helm stores
     * {@code 1.2.3+build} as {@code 1.2.3_build}. A leading {@code =} is dropped.
     */
    public static String tagFor(String version) {
        String v = version.trim();
        if (v.startsWith("=")) {
            v = v.substring(1);
        }
        return v.replace('+', '_');
    }

    /** The {@code ref.semver} for a range, or {@code *} when no version is set. */
    public static String semverFor(String version) {
        return version == null || version.isBlank() ? "*" : version.trim();
    }
}
