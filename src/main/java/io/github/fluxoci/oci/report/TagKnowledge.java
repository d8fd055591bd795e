package io.github.fluxoci.oci.report;

import java.util.List;

import io.github.fluxoci.oci.scan.OciTarget;
import io.github.fluxoci.oci.scan.TagEvidence;

/**
 * How each report says whether a proposed tag is known to exist: {@code verified} (online), {@code catalog} (the
 * catalog records OCI releases from an older version on), {@code in use} (the tree pulls it from there already),
 * {@code unverified} (nothing says so: offline, a warning with the command that checks).
 */
final class TagKnowledge {

    private TagKnowledge() {}

    /** {@code unverified}, or {@code —} when the target carries no evidence (an OCIRepository already in the tree). */
    static String label(OciTarget t) {
        return t == null || t.evidence() == null ? "—" : t.evidence().label();
    }

    /** The Markdown cell: the label, with a warning sign when unverified. */
    static String cell(OciTarget t) {
        return t != null && t.evidence() == TagEvidence.UNVERIFIED ? "⚠️ unverified" : label(t);
    }

    /** What the *Tag known* column means, for scan.md and migrate.md. */
    static final String LEGEND = "*Tag known*: `verified` (online, the registry has it), `catalog` (the catalog"
            + " records OCI releases of the chart from an older version on), `in use` (the tree pulls it from there"
            + " already), `unverified` (nothing says the tag is there: `-Doci.online=true` checks it).";

    /** The one console warning for every unverified tag of {@code targets}, or null when there is none. */
    static ConsoleReport.Line unverifiedWarning(List<OciTarget> targets, String verb) {
        List<OciTarget> unverified = targets.stream()
                .filter(t -> t.evidence() == TagEvidence.UNVERIFIED)
                .toList();
        if (unverified.isEmpty()) {
            return null;
        }
        OciTarget first = unverified.get(0);
        return new ConsoleReport.Line(
                true,
                Plural.of(unverified.size(), "tag") + " " + verb + " " + (unverified.size() == 1 ? "is" : "are")
                        + " unverified (e.g. " + first.url() + ":"
                        + (first.tag() != null ? first.tag() : first.semver())
                        + "): offline, and the catalog does not record which versions those OCI locations have;"
                        + " -Doci.online=true checks each against its registry");
    }
}
