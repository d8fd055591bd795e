package io.github.fluxoci.oci.migrate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code oci.interval}: the {@code spec.interval} of new OCIRepositories. {@code chart} (the default) copies the
 * release's {@code spec.chart.spec.interval}, else {@value #FALLBACK}; {@code release} copies the HelmRelease's
 * {@code spec.interval}, else the chart's, else {@value #FALLBACK}; a duration is written as given.
 */
public record Interval(String fixed, boolean fromRelease) {

    public static final String FALLBACK = "15m";
    public static final Interval CHART = new Interval(null, false);

    /** What Flux's CRDs accept for {@code spec.interval} (source-controller's kubebuilder pattern). */
    private static final Pattern FLUX_DURATION = Pattern.compile("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$");

    public static Interval parse(String value) {
        String v = value == null ? "" : value.trim();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "", "chart" -> {
                return CHART;
            }
            case "release" -> {
                return new Interval(null, true);
            }
            default -> {
                if (!isDuration(v)) {
                    throw new IllegalArgumentException(
                            "oci.interval \"" + value + "\" is not chart, release or a duration"
                                    + " Flux accepts (digits and a unit ms, s, m or h, such as 15m, 1h or 1h30m)");
                }
                return new Interval(v, false);
            }
        }
    }

    public static boolean isDuration(String value) {
        return value != null && FLUX_DURATION.matcher(value).matches();
    }

    /** The interval to write, given the release's and its chart's (either may be null). */
    public String choose(String releaseInterval, String chartInterval) {
        if (fixed != null) {
            return fixed;
        }
        if (fromRelease && releaseInterval != null) {
            return releaseInterval;
        }
        return chartInterval != null ? chartInterval : FALLBACK;
    }

    @Override
    public String toString() {
        return fixed != null ? fixed : fromRelease ? "release" : "chart";
    }
}
