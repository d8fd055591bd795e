package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;

/**
 * The deployed releases counted by namespace and status: the table a reviewer reads first in {@code scan.md}, and
 * the same counts as a bar per namespace ({@code scan-status.svg}, which GitHub shows as an image beside the report).
 * Namespaces with the most releases come first.
 *
 * @param rows one row per namespace
 */
record NamespaceMatrix(List<Row> rows) {

    /** The SVG file written beside scan.md. */
    static final String SVG = "scan-status.svg";

    static final String NO_NAMESPACE = "(namespace not set in the tree)";

    private static final List<ReleaseStatus> ORDER =
            List.of(ReleaseStatus.OCI, ReleaseStatus.MIGRATABLE, ReleaseStatus.BLOCKED, ReleaseStatus.UNKNOWN);
    private static final Map<ReleaseStatus, String> COLOURS = Map.of(
            ReleaseStatus.OCI, "#2da44e",
            ReleaseStatus.MIGRATABLE, "#0969da",
            ReleaseStatus.BLOCKED, "#cf222e",
            ReleaseStatus.UNKNOWN, "#9a6700");

    /** One namespace: how many of its deployed releases have each status. */
    record Row(String namespace, Map<ReleaseStatus, Integer> counts) {

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        int count(ReleaseStatus s) {
            return counts.getOrDefault(s, 0);
        }
    }

    static NamespaceMatrix of(ScanResult result) {
        Map<String, Map<ReleaseStatus, Integer>> byNamespace = new LinkedHashMap<>();
        for (ScannedRelease r : result.releases()) {
            if (!r.deployed()) {
                continue;
            }
            String ns = r.namespace().known() ? r.namespace().value() : NO_NAMESPACE;
            byNamespace
                    .computeIfAbsent(ns, k -> new EnumMap<>(ReleaseStatus.class))
                    .merge(r.status(), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        byNamespace.forEach((ns, counts) -> rows.add(new Row(ns, counts)));
        rows.sort(Comparator.comparingInt((Row r) -> -r.total()).thenComparing(Row::namespace));
        return new NamespaceMatrix(rows);
    }

    /** The Markdown table, the first {@code maxRows} namespaces, with a link to the SVG. */
    void markdown(StringBuilder md, int maxRows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("## By namespace\n\n");
        md.append("![Releases by namespace and status](").append(SVG).append(")\n\n");
        md.append(Markdown.row("Namespace", "✅ OCI", "🆕 Ready", "❌ Blocked", "❓ Unknown", "Total"));
        md.append(Markdown.row("---", "---:", "---:", "---:", "---:", "---:"));
        for (Row r : Markdown.first(rows, maxRows)) {
            md.append(Markdown.row(
                    Markdown.cell(r.namespace()),
                    cellCount(r.count(ReleaseStatus.OCI)),
                    cellCount(r.count(ReleaseStatus.MIGRATABLE)),
                    cellCount(r.count(ReleaseStatus.BLOCKED)),
                    cellCount(r.count(ReleaseStatus.UNKNOWN)),
                    String.valueOf(r.total())));
        }
        md.append(Markdown.rest(rows.size(), maxRows, ScanMarkdown.FULL));
        md.append('\n');
    }

    private static String cellCount(int n) {
        return n == 0 ? "·" : String.valueOf(n);
    }

    /** A stacked bar per namespace (every namespace), with a legend; names escaped for XML. */
    String svg() {
        int label = 220;
        int barWidth = 400;
        int rowHeight = 22;
        int height = 40 + rows.size() * rowHeight;
        int widest = rows.stream().mapToInt(Row::total).max().orElse(1);
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(label + barWidth + 60)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        int x = 0;
        for (ReleaseStatus s : ORDER) {
            out.append("  <rect x=\"")
                    .append(x)
                    .append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS.get(s))
                    .append("\"/>\n");
            out.append("  <text x=\"")
                    .append(x + 16)
                    .append("\" y=\"14\">")
                    .append(legend(s))
                    .append("</text>\n");
            x += 150;
        }
        int y = 32;
        for (Row r : rows) {
            bar(out, r, y, label, barWidth, widest);
            y += rowHeight;
        }
        return out.append("</svg>\n").toString();
    }

    /** One namespace's label, stacked segments (each with a tooltip) and total, at height {@code y}. */
    private static void bar(StringBuilder out, Row r, int y, int label, int barWidth, int widest) {
        out.append("  <text x=\"")
                .append(label - 6)
                .append("\" y=\"")
                .append(y + 13)
                .append("\" text-anchor=\"end\">")
                .append(xml(shorten(r.namespace())))
                .append("</text>\n");
        int at = label;
        for (ReleaseStatus s : ORDER) {
            int w = (int) Math.round((double) r.count(s) * barWidth / widest);
            if (w > 0) {
                out.append("  <rect x=\"")
                        .append(at)
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(w)
                        .append("\" height=\"16\" fill=\"")
                        .append(COLOURS.get(s))
                        .append("\"><title>")
                        .append(xml(r.namespace()))
                        .append(": ")
                        .append(r.count(s))
                        .append(' ')
                        .append(legend(s))
                        .append("</title></rect>\n");
                at += w;
            }
        }
        out.append("  <text x=\"")
                .append(at + 6)
                .append("\" y=\"")
                .append(y + 13)
                .append("\">")
                .append(r.total())
                .append("</text>\n");
    }

    private static String legend(ReleaseStatus s) {
        return switch (s) {
            case OCI -> "on OCI";
            case MIGRATABLE -> "ready to migrate";
            case BLOCKED -> "blocked";
            case UNKNOWN -> "unknown source";
        };
    }

    private static String shorten(String name) {
        return name.length() <= 32 ? name : name.substring(0, 31) + "…";
    }

    /** Text as XML character data: markup characters escaped, control characters dropped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 && c != 0x7f && !(c >= 0xfffe)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
