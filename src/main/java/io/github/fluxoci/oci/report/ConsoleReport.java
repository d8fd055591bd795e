package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.Problem;
import io.github.fluxoci.oci.tree.TreeNotice;

/** The console summary and table of {@code oci:scan}, grouped by status. Lines only: the caller logs them. */
public final class ConsoleReport {

    /** A console line and whether it is a warning. */
    public record Line(boolean warning, String text) {}

    /**
     * Rows per status table and warning lines the console shows; the rest are counted and left to scan.md, which
     * lists them all. A tree of thousands of releases would otherwise print thousands of lines that nobody reads in a
     * terminal or CI log, and printing them costs a cold run a noticeable share of its time (issue #13).
     */
    public static final int MAX_LINES = 100;

    private ConsoleReport() {}

    public static List<Line> render(ScanResult result) {
        return render(result, "");
    }

    /** The console lines; file paths start with {@code prefix} (the scanned folder from the repository root). */
    public static List<Line> render(ScanResult result, String prefix) {
        List<Line> out = new ArrayList<>();
        long deployed =
                result.releases().stream().filter(ScannedRelease::deployed).count();
        out.add(new Line(
                false,
                String.format(
                        "%s in %s: %d on OCI, %d ready to migrate, %d blocked, %d unknown; %s",
                        Plural.of(deployed, "HelmRelease"),
                        Plural.of(result.files(), "file"),
                        result.count(ReleaseStatus.OCI),
                        result.count(ReleaseStatus.MIGRATABLE),
                        result.count(ReleaseStatus.BLOCKED),
                        result.count(ReleaseStatus.UNKNOWN),
                        Plural.of(result.problems().size(), "problem"))));
        for (String line : FluxSummary.lines(result.flux())) {
            // an assumed version or statements that disagree change what migrate writes: said as a warning
            out.add(new Line(line.startsWith("note: ") || result.flux().tree().assumed(), line));
        }
        for (TreeNotice n : result.notices()) {
            out.add(new Line(n.level() == TreeNotice.Level.WARNING, TreeNotices.describe(n)));
        }
        if (!result.notDeployed().isEmpty()) {
            out.add(new Line(
                    false,
                    result.notDeployed().size() + " more in files no Flux entry point builds (not deployed;"
                            + " see scan.md)"));
        }
        if (!result.releasePatches().isEmpty()) {
            out.add(new Line(false, result.releasePatches().size() + " HelmRelease overlay patch(es) (see scan.md)"));
        }
        for (ReleaseStatus status : ReleaseStatus.values()) {
            statusTable(out, status, result.releases(status));
        }
        warnings(out, result, prefix);
        ConsoleReport.Line unverified = TagKnowledge.unverifiedWarning(
                result.releases(ReleaseStatus.MIGRATABLE).stream()
                        .map(ScannedRelease::oci)
                        .toList(),
                "migrate would write");
        if (unverified != null) {
            out.add(unverified);
        }
        for (Problem p : result.problems()) {
            out.add(new Line(true, prefix + p.describe()));
        }
        return out;
    }

    /** One status: a table of its releases, one row per document (every namespace it is built into). */
    private static void statusTable(List<Line> out, ReleaseStatus status, List<ScannedRelease> rs) {
        if (rs.isEmpty()) {
            return;
        }
        out.add(new Line(false, ""));
        out.add(new Line(false, status + " (" + rs.size() + ")"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RELEASE", "CHART", "VERSION", detailHeader(status)});
        // a document built several times (a shared component, two clusters) is one row with every namespace
        Map<String, List<ScannedRelease>> byRow = new LinkedHashMap<>();
        for (ScannedRelease r : rs) {
            byRow.computeIfAbsent(r.file() + ":" + r.line() + " " + detail(r), k -> new ArrayList<>())
                    .add(r);
        }
        int shown = 0;
        for (List<ScannedRelease> same : byRow.values()) {
            if (shown++ == MAX_LINES) {
                break;
            }
            ScannedRelease r = same.get(0);
            rows.add(new String[] {names(same), nz(r.chart()), nz(r.version()), detail(r)});
        }
        for (String line : align(rows)) {
            out.add(new Line(false, "  " + line));
        }
        if (byRow.size() > MAX_LINES) {
            out.add(new Line(
                    false,
                    "  ... and " + (byRow.size() - MAX_LINES) + " more " + status
                            + " releases: every one is in scan.md"));
        }
    }

    /** Each warning once, with every release instance it is about. */
    private static void warnings(List<Line> out, ScanResult result, String prefix) {
        Map<String, List<ScannedRelease>> warnings = new LinkedHashMap<>();
        for (ScannedRelease r : result.releases()) {
            for (String w : r.warnings()) {
                warnings.computeIfAbsent(prefix + r.file() + ":" + r.line() + ": \u0000: " + w, k -> new ArrayList<>())
                        .add(r);
            }
        }
        if (!warnings.isEmpty()) {
            out.add(new Line(false, ""));
        }
        int shownWarnings = 0;
        for (Map.Entry<String, List<ScannedRelease>> w : warnings.entrySet()) {
            if (shownWarnings++ == MAX_LINES) {
                out.add(new Line(
                        true,
                        "... and " + (warnings.size() - MAX_LINES) + " more warnings: every one is in" + " scan.md"));
                break;
            }
            out.add(new Line(true, w.getKey().replace("\u0000", names(w.getValue()))));
        }
    }

    /** {@code ns/name}, or {@code name in ns-a, ns-b} for a document built into several namespaces. */
    private static String names(List<ScannedRelease> instances) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (ScannedRelease r : instances) {
            namespaces.add(r.namespace().known() ? r.namespace().value() : "(no namespace)");
        }
        ScannedRelease first = instances.get(0);
        return namespaces.size() <= 1 ? first.qualifiedName() : first.name() + " in " + String.join(", ", namespaces);
    }

    private static String detailHeader(ReleaseStatus status) {
        return switch (status) {
            case OCI -> "OCI URL";
            case MIGRATABLE -> "WOULD USE";
            case BLOCKED, UNKNOWN -> "REASON";
        };
    }

    private static String detail(ScannedRelease r) {
        return switch (r.status()) {
            case OCI -> nz(r.oci().url()) + ("mirror".equals(r.oci().provenance()) ? " (mirror)" : "");
            case MIGRATABLE ->
                r.oci().url()
                        + (r.oci().tag() != null
                                ? " tag " + r.oci().tag()
                                : " semver " + r.oci().semver())
                        + ("mirror".equals(r.oci().provenance()) ? " (mirror)" : "")
                        + " [" + TagKnowledge.label(r.oci()) + "]";
            case BLOCKED, UNKNOWN -> String.join("; ", r.reasons());
        };
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static List<String> align(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols - 1; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                sb.append(c < cols - 1 ? String.format("%-" + width[c] + "s  ", row[c]) : row[c]);
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
