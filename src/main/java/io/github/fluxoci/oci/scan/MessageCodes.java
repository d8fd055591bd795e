package io.github.fluxoci.oci.scan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A stable code for each reason and warning scan gives, so that scripts can act on {@code scan.json} without
 * parsing English: the text may be reworded, the code stays. One table, in the order the messages are checked;
 * {@code MessageCodesTest} runs every corpus tree and requires a specific code for every message they produce.
 * A reason that is a catalog's or mapping's own words ({@code <blocked>reason</blocked>}) is {@code blocked-by-catalog}.
 */
public final class MessageCodes {

    private record Code(String code, Pattern pattern) {}

    private static final List<Code> CODES = List.of(
            code("release-unnamed", "^metadata\\.name is missing"),
            code("spec-not-mapping", "^spec is not a mapping"),
            code("api-version-not-served", "^apiVersion \\S+ is not served by Flux"),
            code("api-version-deprecated", "^apiVersion \\S+ is deprecated in Flux"),
            code("flux-without-chartref", "^Flux \\S+ .*has no spec\\.chartRef"),
            code("not-deployed", "^not deployed: "),
            code("not-listed", "^no kustomization lists "),
            code("no-chart", "^neither spec\\.chart\\.spec nor spec\\.chartRef is set"),
            code("chart-from-git-or-bucket", "^chart .* comes from a (GitRepository|Bucket):"),
            code("sourceref-ocirepository", "^spec\\.chart\\.spec\\.sourceRef\\.kind: OCIRepository is rejected"),
            code("sourceref-kind-invalid", "^spec\\.chart\\.spec\\.sourceRef\\.kind "),
            code("helmrepository-not-in-tree", "^HelmRepository \\S+ is not in the scanned tree"),
            code("no-oci-source", "^no OCI source known for chart "),
            code("values-file-not-in-v2", "^spec\\.chart\\.spec\\.valuesFile is not a field of HelmRelease v2"),
            code("values-files", "^spec\\.chart\\.spec\\.valuesFiles has no chartRef equivalent"),
            code("json-release", "^the release is a JSON file: "),
            code("flow-style-spec", "^spec is written in flow style"),
            code("version-not-a-range", "^version \".*\" is not a range Helm or Flux can read"),
            code("no-chart-version", "^no chart version: "),
            code("version-substituted", "^version \".*\" is a Flux substitution"),
            code("version-range", "^version range \".*\" becomes ref\\.semver"),
            code("reconcile-strategy-dropped", "^reconcileStrategy: "),
            code("chart-metadata-dropped", "^spec\\.chart\\.metadata .* will be dropped"),
            code("chart-name-changes", "^chart name changes from "),
            code("mirror-source", "^source is a mirror "),
            code("mirror-renamed", "^the mirror organization of .* was renamed"),
            code("source-from-tree", "^this tree already pulls .* the same chart is assumed there"),
            code("tree-source-other-publisher", "^this tree pulls .* from .* another publisher"),
            code("tree-source-ambiguous", "^this tree pulls .* from \\d+ OCI urls"),
            code("tag-prefixed", "^tag written as "),
            code("chart-and-chartref", "^both spec\\.chart and spec\\.chartRef are set"),
            code("chartref-invalid", "^spec\\.chartRef needs kind"),
            code("chartref-not-oci", "^chartRef points at a "),
            code("chartref-dangling", "^chartRef names OCIRepository "),
            code("critical-range-pinned", "^critical release \\(<criticalReleases>\\): range "),
            code(
                    "critical-range-offline",
                    "^critical release \\(<criticalReleases>\\): verify requires an exact ref\\.tag, and version"),
            code(
                    "critical-no-match",
                    "^critical release \\(<criticalReleases>\\): verify requires an exact ref\\.tag, and no published"),
            code("version-not-published", "^version .* not published at "),
            code("no-version-matching", "^no version matching .* is published at "),
            code("online-check-failed", "^online check (of .* )?failed: "),
            code("not-checked", "^could not check "),
            code("predates-oci", "^version .* predates oci://"),
            code("mirror-lags", " lags behind .*: newest "),
            code("online-suggestion", "^suggestion, found online "));

    private MessageCodes() {}

    private static Code code(String code, String regex) {
        return new Code(code, Pattern.compile(regex));
    }

    /** The code of a reason of a release with this status; a catalog's own words code as {@code blocked-by-catalog}. */
    public static String reason(String text, ReleaseStatus status) {
        String c = find(text);
        return c != null ? c : status == ReleaseStatus.BLOCKED ? "blocked-by-catalog" : "unclassified";
    }

    /** The code of a warning. */
    public static String warning(String text) {
        String c = find(text);
        return c != null ? c : "unclassified";
    }

    private static String find(String text) {
        for (Code c : CODES) {
            if (c.pattern().matcher(text).find()) {
                return c.code();
            }
        }
        return null;
    }
}
