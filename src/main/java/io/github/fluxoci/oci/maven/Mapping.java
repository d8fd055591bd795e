package io.github.fluxoci.oci.maven;

import io.github.fluxoci.oci.catalog.ChartMapping;

/**
 * A {@code <mapping>} of the plugin configuration: where the charts of a HelmRepository live as OCI, or why
 * they cannot move.
 *
 * <pre>
 * &lt;mapping&gt;
 *   &lt;repository&gt;https://kyverno.github.io/kyverno/&lt;/repository&gt;  &lt;!-- URL, name or namespace/name --&gt;
 *   &lt;chart&gt;kyverno&lt;/chart&gt;                                   &lt;!-- omit for every chart --&gt;
 *   &lt;oci&gt;oci://ghcr.io/kyverno/charts/kyverno&lt;/oci&gt;         &lt;!-- or ociPrefix, or blocked --&gt;
 * &lt;/mapping&gt;
 * </pre>
 */
public class Mapping {

    /** HelmRepository URL, or its name ({@code name} or {@code namespace/name}). */
    private String repository;
    /** Chart name; omit (or {@code *}) for every chart of the repository. */
    private String chart;
    /** OCI URL of the chart. */
    private String oci;
    /** OCI URL to which {@code /<chart>} is appended. */
    private String ociPrefix;
    /** Why the chart must stay on its HelmRepository. */
    private String blocked;

    public ChartMapping toChartMapping() {
        return new ChartMapping(trim(repository), trim(chart), trim(oci), trim(ociPrefix), trim(blocked));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public void setChart(String chart) {
        this.chart = chart;
    }

    public void setOci(String oci) {
        this.oci = oci;
    }

    public void setOciPrefix(String ociPrefix) {
        this.ociPrefix = ociPrefix;
    }

    public void setBlocked(String blocked) {
        this.blocked = blocked;
    }
}
