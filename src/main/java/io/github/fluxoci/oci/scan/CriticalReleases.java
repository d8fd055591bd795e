package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.semver.Constraint;
import io.github.fluxoci.oci.semver.Version;

/**
 * One policy for migrate and verify: a release named in {@code <criticalReleases>} must pin an exact
 * {@code ref.tag} (verify's rule exact-tag), so migrate never writes a {@code ref.semver} for it. Online, a range is
 * pinned to the newest published tag that matches it; offline such a release cannot move, and says why.
 */
public final class CriticalReleases {

    /** How the reason this policy adds starts; {@link #blocked} recognises it. */
    static final String REASON = "critical release (<criticalReleases>)";

    private CriticalReleases() {}

    /** True when this policy is what keeps the release from moving. */
    public static boolean blocked(ScannedRelease r) {
        return r.status() == ReleaseStatus.BLOCKED && r.reasons().stream().anyMatch(x -> x.startsWith(REASON));
    }

    /**
     * The scan with the policy applied to MIGRATABLE critical releases that would get a {@code ref.semver};
     * {@code registry} is null offline.
     */
    public static ScanResult apply(ScanResult scan, List<String> critical, OciRegistryClient registry) {
        if (critical == null || critical.isEmpty()) {
            return scan;
        }
        List<ScannedRelease> out = new ArrayList<>();
        for (ScannedRelease r : scan.releases()) {
            boolean applies = r.status() == ReleaseStatus.MIGRATABLE
                    && r.oci() != null
                    && r.oci().semver() != null
                    && r.isNamedBy(critical, true);
            out.add(applies ? pin(r, registry) : r);
        }
        return scan.withReleases(out);
    }

    private static ScannedRelease pin(ScannedRelease r, OciRegistryClient registry) {
        String range = r.oci().semver();
        List<String> reasons = new ArrayList<>(r.reasons());
        List<String> warnings = new ArrayList<>(r.warnings());
        if (registry == null) {
            reasons.add(REASON + ": verify requires an exact ref.tag, and version \"" + range + "\" is a range; pin an"
                    + " exact version, or run with -Doci.online=true to pin the newest published match");
            return with(r, ReleaseStatus.BLOCKED, null, reasons, warnings);
        }
        OciRegistryClient.Tags tags = registry.tags(r.oci().url());
        Optional<String> newest = tags.known() ? newestMatch(tags.tags(), range) : Optional.empty();
        if (newest.isEmpty()) {
            reasons.add(REASON + ": verify requires an exact ref.tag, and no published tag of "
                    + r.oci().url() + " matches \"" + range + "\"" + (tags.known() ? "" : " (" + tags.error() + ")")
                    + "; pin an exact version");
            return with(r, ReleaseStatus.BLOCKED, null, reasons, warnings);
        }
        warnings.add(REASON + ": range \"" + range + "\" pinned to " + newest.get()
                + ", the newest published tag that matches it (verify requires an exact ref.tag)");
        OciTarget o = r.oci();
        return with(
                r,
                r.status(),
                new OciTarget(
                                o.url(),
                                o.origin(),
                                o.provenance(),
                                newest.get(),
                                null,
                                o.name(),
                                o.file(),
                                o.kustomization(),
                                o.tagPrefix(),
                                o.cosign(),
                                o.proof() != null
                                                && newest.get().equals(o.proof().tag())
                                        ? o.proof()
                                        : null)
                        .withEvidence(TagEvidence.VERIFIED, "the registry lists it: the newest match of the range"),
                reasons,
                warnings);
    }

    /** The newest tag (as source-controller reads tags) that satisfies the range. */
    static Optional<String> newestMatch(List<String> tags, String range) {
        Constraint constraint;
        try {
            constraint = Constraint.parse(range);
        } catch (Constraint.InvalidConstraintException e) {
            return Optional.empty();
        }
        record Tagged(String tag, Version version) {}
        return tags.stream()
                .map(t -> new Tagged(t, ChartVersions.versionOfTag(t)))
                .filter(t -> t.version() != null)
                .filter(t -> constraint.isSatisfiedBy(t.version()))
                .max(Comparator.comparing(Tagged::version))
                .map(Tagged::tag);
    }

    private static ScannedRelease with(
            ScannedRelease r, ReleaseStatus status, OciTarget oci, List<String> reasons, List<String> warnings) {
        return r.with(status, oci, reasons, warnings);
    }
}
