package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;

/**
 * The UNKNOWN releases grouped by the Helm repository they come from, each group with one {@code <mapping>} to fill
 * in: {@code <chart>} and {@code <oci>} for a single chart, {@code <ociPrefix>} when several charts of the repository
 * are used (publishers push all their charts under one OCI path). Written as {@code mappings.xml} beside the reports,
 * ready to paste into the plugin's {@code <configuration>} once the OCI location is known.
 */
public final class MappingSuggestions {

    public static final String FILE = "mappings.xml";
    static final String PLACEHOLDER = "oci://REGISTRY/PATH";

    /** One Helm repository with the charts the tree takes from it. */
    public record Group(String repository, TreeSet<String> charts, int releases) {

        /** The {@code <mapping>} element on one line. */
        public String mapping() {
            String repo = "<repository>" + xml(repository) + "</repository>";
            if (charts.size() == 1) {
                String chart = charts.first();
                return "<mapping>" + repo + "<chart>" + xml(chart) + "</chart><oci>" + PLACEHOLDER + "/" + xml(chart)
                        + "</oci></mapping>";
            }
            return "<mapping>" + repo + "<ociPrefix>" + PLACEHOLDER + "</ociPrefix></mapping>";
        }
    }

    private MappingSuggestions() {}

    /** The groups, in order of first appearance. */
    public static List<Group> of(ScanResult result) {
        Map<String, TreeSet<String>> charts = new LinkedHashMap<>();
        Map<String, Integer> releases = new LinkedHashMap<>();
        for (ScannedRelease r : result.releases(ReleaseStatus.UNKNOWN)) {
            String key = repository(r);
            if (key == null) {
                continue;
            }
            if (r.chart() != null) {
                charts.computeIfAbsent(key, k -> new TreeSet<>()).add(r.chart());
            } else {
                charts.computeIfAbsent(key, k -> new TreeSet<>());
            }
            releases.merge(key, 1, Integer::sum);
        }
        List<Group> out = new ArrayList<>();
        charts.forEach((repo, cs) -> out.add(new Group(repo, cs, releases.get(repo))));
        return out;
    }

    /** The file's text: a {@code <mappings>} block with a comment per group, or null when nothing is unknown. */
    public static String xml(ScanResult result) {
        List<Group> groups = of(result);
        if (groups.isEmpty()) {
            return null;
        }
        StringBuilder sb =
                new StringBuilder("<!-- Written by oci:scan: the Helm repositories whose charts have no known OCI"
                        + " location.\n     Replace " + PLACEHOLDER
                        + " with where each is published (the chart's documentation,"
                        + " or -Doci.online=true suggestions),\n     then paste this block into the plugin's <configuration>. -->\n"
                        + "<mappings>\n");
        for (Group g : groups) {
            sb.append("  <!-- ")
                    .append(xml(String.join(", ", g.charts())))
                    .append(" (")
                    .append(Plural.of(g.releases(), "release"))
                    .append(") -->\n  ")
                    .append(g.mapping())
                    .append('\n');
        }
        return sb.append("</mappings>\n").toString();
    }

    private static String repository(ScannedRelease r) {
        if (r.source() == null) {
            return null;
        }
        if (r.source().url() != null) {
            return r.source().url();
        }
        return r.source().name() == null
                ? null
                : (r.source().namespace() == null ? "" : r.source().namespace() + "/")
                        + r.source().name();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("--", "-&#45;");
    }
}
