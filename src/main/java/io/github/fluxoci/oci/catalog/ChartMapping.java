package io.github.fluxoci.oci.catalog;

/**
 * A user's statement about where a chart lives as OCI, or why it cannot move.
 *
 * @param repository a HelmRepository URL, or its name ({@code name} or {@code namespace/name})
 * @param chart      a chart name, or null / {@code *} for every chart of the repository
 * @param oci        the chart's OCI URL (with {@code chart})
 * @param ociPrefix  an OCI URL to which {@code /<chart>} is appended (for every chart of the repository)
 * @param blocked    a reason why the chart must stay on its HelmRepository
 */
public record ChartMapping(String repository, String chart, String oci, String ociPrefix, String blocked) {

    /** A message about what is wrong with this mapping, or null when it is usable. */
    public String problem() {
        if (repository == null || repository.isBlank()) {
            return "a mapping needs <repository> (a HelmRepository URL or name)";
        }
        int given = (oci != null ? 1 : 0) + (ociPrefix != null ? 1 : 0) + (blocked != null ? 1 : 0);
        if (given != 1) {
            return "mapping for " + repository + " needs exactly one of <oci>, <ociPrefix> or <blocked>";
        }
        String url = oci != null ? oci : ociPrefix;
        if (url != null && !url.trim().startsWith("oci://")) {
            return "mapping for " + repository + ": \"" + url + "\" must start with oci://";
        }
        if (oci != null && (chart == null || chart.isBlank() || "*".equals(chart))) {
            return "mapping for " + repository
                    + ": <oci> names one chart's URL, so it needs <chart>; use <ociPrefix> for every chart";
        }
        return null;
    }

    boolean coversChart(String name) {
        return chart == null || chart.isBlank() || "*".equals(chart) || chart.equals(name);
    }
}
