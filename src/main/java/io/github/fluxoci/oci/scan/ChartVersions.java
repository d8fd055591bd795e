package io.github.fluxoci.oci.scan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.fluxoci.oci.semver.Constraint;
import io.github.fluxoci.oci.semver.Version;

/** How a HelmRelease chart version becomes an OCIRepository {@code ref}. */
public final class ChartVersions {

    /** An exact SemVer 2 version, as Helm writes chart versions (optional leading {@code v} or {@code =}). */
    private static final Pattern EXACT = Pattern.compile(
            "=?v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private ChartVersions() {}

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

    /**
     * A tag as a publisher writes its tags: with {@code prefix} ({@code v} for cert-manager) when the version left it
     * out; unchanged without a prefix, for a substitution, or when it is there already.
     */
    public static String withTagPrefix(String tag, String prefix) {
        return tag == null || prefix == null || tag.startsWith(prefix) || isSubstituted(tag) ? tag : prefix + tag;
    }

    /** An OCIRepository {@code ref}: exactly one of {@code tag} and {@code semver} is set. */
    public record Ref(String tag, String semver) {}

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

    /**
     * Why Helm could not resolve a HelmRelease's {@code spec.chart.spec.version} from a Helm repository (it reads the
     * version as a Masterminds range), or empty: no version, a substitution, an exact version, or a range that parses.
     */
    public static Optional<String> chartVersionProblem(String version) {
        if (version == null || version.isBlank() || isSubstituted(version) || isExact(version)) {
            return Optional.empty();
        }
        return Constraint.problem(version);
    }

    /**
     * True when some OCI tag satisfies the range, read as source-controller reads tags: {@code _} as {@code +}, a strict
     * {@code MAJOR.MINOR.PATCH} with an optional leading {@code v}; other tags are skipped. False for a range that does
     * not parse.
     */
    public static boolean anyTagSatisfies(List<String> tags, String range) {
        Constraint constraint;
        try {
            constraint = Constraint.parse(range);
        } catch (Constraint.InvalidConstraintException e) {
            return false;
        }
        return tags.stream()
                .map(ChartVersions::versionOfTag)
                .filter(Objects::nonNull)
                .anyMatch(constraint::isSatisfiedBy);
    }

    /** The newest release (no pre-release part) among OCI tags or Helm chart versions that parse. */
    public static Optional<Version> newestStable(List<String> versionsOrTags) {
        return versionsOrTags.stream()
                .map(ChartVersions::versionOfTag)
                .filter(Objects::nonNull)
                .filter(v -> !v.isPreRelease())
                .max(Comparator.naturalOrder());
    }

    /** An OCI tag as source-controller reads it ({@code _} as {@code +}, then Flux's strict parse), or null. */
    static Version versionOfTag(String tag) {
        return Version.parseTag(tag.replace('_', '+')).orElse(null);
    }
}
