package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.Problem;

/** The console summary and table of {@code oci:scan}, grouped by status. Lines only: the caller logs them. */
public final class ConsoleReport {

    /** A console line and whether it is a warning. */
    public record Line(boolean warning, String text) {
    }

    private ConsoleReport() {
    }

    public static List<Line> render(ScanResult result) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(false, String.format("%d HelmReleases in %d files: %d on OCI, %d ready to migrate, %d blocked,"
                        + " %d unknown; %d problems", result.releases().size(), result.files(),
                result.count(ReleaseStatus.OCI), result.count(ReleaseStatus.MIGRATABLE), result.count(ReleaseStatus.BLOCKED),
                result.count(ReleaseStatus.UNKNOWN), result.problems().size())));
        if (!result.releasePatches().isEmpty()) {
            out.add(new Line(false, result.releasePatches().size() + " HelmRelease overlay patch(es) (see scan.md)"));
        }
        for (ReleaseStatus status : ReleaseStatus.values()) {
            List<ScannedRelease> rs = result.releases(status);
            if (rs.isEmpty()) {
                continue;
            }
            out.add(new Line(false, ""));
            out.add(new Line(false, status + " (" + rs.size() + ")"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"RELEASE", "CHART", "VERSION", detailHeader(status)});
            for (ScannedRelease r : rs) {
                rows.add(new String[] {r.qualifiedName(), nz(r.chart()), nz(r.version()), detail(r)});
            }
            for (String line : align(rows)) {
                out.add(new Line(false, "  " + line));
            }
        }
        boolean first = true;
        for (ScannedRelease r : result.releases()) {
            for (String w : r.warnings()) {
                if (first) {
                    out.add(new Line(false, ""));
                    first = false;
                }
                out.add(new Line(true, r.file() + ":" + r.line() + ": " + r.qualifiedName() + ": " + w));
            }
        }
        for (Problem p : result.problems()) {
            out.add(new Line(true, p.describe()));
        }
        return out;
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
            case MIGRATABLE -> r.oci().url() + (r.oci().tag() != null ? " tag " + r.oci().tag() : " semver " + r.oci().semver())
                    + ("mirror".equals(r.oci().provenance()) ? " (mirror)" : "");
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
