package io.github.fluxoci.oci.scan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.semver4j.Semver;
import org.semver4j.range.RangeListFactory;

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

    /** An OCIRepository {@code ref}: exactly one of {@code tag} and {@code semver} is set. */
    public record Ref(String tag, String semver) {
    }

    /**
     * The {@code ref} a chart version becomes: no version -> semver {@code *}; a Flux substitution -> the same
     * expression as tag; an exact version -> its tag ({@code +} as {@code _}); anything else -> semver.
     */
    public static Ref ref(String version) {
        if (version == null) {
            return new Ref(null, semverFor(null));
        }
        if (isSubstituted(version)) {
            return new Ref(version, null);
        }
        return isExact(version) ? new Ref(tagFor(version), null) : new Ref(null, semverFor(version));
    }

    /** True when a {@code ref.semver} range parses (Masterminds, as Flux and Helm read it, joins with commas). */
    public static boolean isValidRange(String range) {
        return !RangeListFactory.create(masterminds(range)).get().isEmpty();
    }

    /** True when some OCI tag (Helm's {@code _} read back as {@code +}) satisfies the range. */
    public static boolean anyTagSatisfies(List<String> tags, String range) {
        String r = masterminds(range);
        return tags.stream().map(ChartVersions::versionOfTag).filter(Objects::nonNull).anyMatch(v -> v.satisfies(r));
    }

    /** The newest release (no pre-release part) among versions or tags that parse. */
    public static Optional<Semver> newestStable(List<String> versionsOrTags) {
        return versionsOrTags.stream().map(ChartVersions::versionOfTag).filter(Objects::nonNull)
                .filter(v -> v.getPreRelease().isEmpty()).max(Comparator.naturalOrder());
    }

    /** A version or OCI tag as SemVer ({@code _} read as {@code +}, a leading {@code v} dropped), or null. */
    static Semver versionOfTag(String tag) {
        String t = tag.replace('_', '+');
        return Semver.parse(t.startsWith("v") ? t.substring(1) : t);
    }

    private static String masterminds(String range) {
        return range.replace(",", " ");
    }
}
