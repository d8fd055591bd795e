package io.github.fluxoci.oci.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code charts.json}, entry by entry: what a reviewer of a catalog change would check by hand. A bad
 * entry fails here with its chart and repository named, before any user looks a chart up.
 */
class CatalogDataTest {

    /** {@code oci://host[:port]/path}, lower case, no tag or digest (a chart URL, as OCIRepository.spec.url). */
    private static final Pattern OCI_URL = Pattern.compile("^oci://[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+$");

    private final List<ChartCatalog.BuiltInEntry> entries = ChartCatalog.loadBuiltIn();

    private static String describe(ChartCatalog.BuiltInEntry e) {
        return e.chart() + " of " + e.helmRepository();
    }

    @Test
    void everyEntryHasALocationOrAReasonAndItsEvidence() {
        List<String> wrong = new ArrayList<>();
        for (ChartCatalog.BuiltInEntry e : entries) {
            int kinds = (e.oci() != null ? 1 : 0) + (e.ociPrefix() != null ? 1 : 0) + (e.blocked() != null ? 1 : 0);
            if (e.chart() == null || e.chart().isBlank()) {
                wrong.add(describe(e) + ": no chart");
            }
            if (kinds != 1) {
                wrong.add(describe(e) + ": needs exactly one of oci, ociPrefix, blocked");
            }
            if (e.source() == null || e.source().isBlank()) {
                wrong.add(describe(e) + ": no evidence (source)");
            }
            if (e.blocked() == null && !List.of("official", "mirror").contains(e.provenance())) {
                wrong.add(describe(e) + ": provenance " + e.provenance() + " is not official or mirror");
            }
            if (e.tagPrefix() != null && !e.tagPrefix().equals("v")) {
                wrong.add(describe(e) + ": tag format " + e.tagPrefix() + " is not known (only a \"v\" prefix is)");
            }
            if (e.since() != null
                    && (io.github.fluxoci.oci.semver.Version.parse(e.since().version())
                                    .isEmpty()
                            || e.since().source() == null
                            || e.oci() == null)) {
                wrong.add(describe(e)
                        + ": ociSince needs a semver version, its evidence (ociSinceSource) and one oci URL");
            }
            if ("*".equals(e.chart()) && e.ociPrefix() == null) {
                wrong.add(describe(e) + ": chart * needs an ociPrefix");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void urlsAreWellFormed() {
        List<String> wrong = new ArrayList<>();
        for (ChartCatalog.BuiltInEntry e : entries) {
            for (String oci : new String[] {e.oci(), e.ociPrefix(), e.mirror()}) {
                if (oci != null && !OCI_URL.matcher(oci).matches()) {
                    wrong.add(describe(e) + ": " + oci + " is not an oci:// chart URL without tag");
                }
            }
            if (e.helmRepository() != null && !isHttpUrl(e.helmRepository())) {
                wrong.add(describe(e) + ": " + e.helmRepository() + " is not an http(s) URL");
            }
            if (e.helmRepository() == null && e.blocked() == null && e.oci() == null) {
                wrong.add(describe(e) + ": an entry without helmRepository names one chart URL");
            }
        }
        for (ChartCatalog.Alias a : ChartCatalog.loadAliases()) {
            if (!isHttpUrl(a.from()) || !isHttpUrl(a.to()) || a.source() == null) {
                wrong.add("alias " + a.from() + " -> " + a.to() + ": both http(s) URLs, with a source");
            }
        }
        for (ChartCatalog.MirrorOrganization m : ChartCatalog.loadMirrorOrganizations()) {
            if (!OCI_URL.matcher(m.current()).matches()
                    || m.source() == null
                    || m.former().isEmpty()) {
                wrong.add("mirror organization " + m.current() + ": an oci:// prefix, former names and a source");
            }
            m.former().stream()
                    .filter(f -> !OCI_URL.matcher(f).matches() || f.equals(m.current()))
                    .forEach(f -> wrong.add("mirror organization " + m.current() + ": former name " + f));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noChartIsListedTwiceNorUnderAnAlias() {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (ChartCatalog.BuiltInEntry e : entries) {
            if (e.helmRepository() == null) {
                if (!seen.add("oci " + ChartUrls.normalize(e.oci()))) {
                    twice.add(e.oci());
                }
                continue;
            }
            if (!seen.add(e.helmRepository() + " " + e.chart())) {
                twice.add(describe(e));
            }
        }
        Set<String> repositories = new HashSet<>();
        entries.forEach(e -> repositories.add(e.helmRepository()));
        for (ChartCatalog.Alias a : ChartCatalog.loadAliases()) {
            if (repositories.contains(ChartUrls.normalize(a.from()))) {
                twice.add("alias " + a.from() + " also has entries of its own: they would never be read");
            }
            if (!repositories.contains(ChartUrls.normalize(a.to()))) {
                twice.add("alias " + a.from() + " leads to " + a.to() + ", which has no entries");
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noEntryPointsAtAMirrorOrganizationsFormerName() {
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        List<String> stale = new ArrayList<>();
        for (ChartCatalog.BuiltInEntry e : entries) {
            String url = e.oci() != null ? e.oci() : e.ociPrefix() != null ? e.ociPrefix() + "/x" : e.mirror();
            catalog.movedTo(url).ifPresent(now -> stale.add(describe(e) + ": " + url + " moved to " + now));
        }
        assertThat(stale).isEmpty();
    }

    @Test
    void atLeast150ChartsHaveAnOciLocation() {
        Map<String, Integer> charts = new HashMap<>();
        for (ChartCatalog.BuiltInEntry e : entries) {
            if (e.oci() != null) {
                charts.merge(ChartUrls.normalize(e.oci()), 1, Integer::sum);
            }
        }
        assertThat(charts).hasSizeGreaterThanOrEqualTo(150);
    }

    /**
     * Every signing identity covers charts of the catalog, names its evidence, and holds regular expressions anchored
     * at both ends (source-controller matches them with Go's regexp: an unanchored subject would accept a workflow of
     * any repository whose URL merely contains it).
     */
    @Test
    void signersAreAnchoredAndCoverCatalogCharts() {
        for (ChartCatalog.BuiltInEntry e : ChartCatalog.loadBuiltIn()) {
            if (e.oci() == null) {
                continue;
            }
            ChartCatalog.signerOf(e.oci()).ifPresent(s -> {
                assertThat(s.issuer()).as(describe(e)).startsWith("^").endsWith("$");
                assertThat(s.subject())
                        .as(describe(e))
                        .startsWith("^https://github")
                        .endsWith("$");
                assertThat(Pattern.compile(s.subject())
                                .matcher("https://github.com/attacker/fork/.github/x.yaml@main")
                                .matches())
                        .as(describe(e))
                        .isFalse();
                assertThat(s.source()).as(describe(e)).isNotBlank();
            });
        }
        assertThat(ChartCatalog.signerOf("oci://ghcr.io/home-operations/charts-mirror/goldilocks"))
                .hasValueSatisfying(s -> assertThat(Pattern.compile(s.subject())
                                .matcher("https://github.com/home-operations/charts-mirror/.github/workflows/"
                                        + "app-builder.yaml@refs/heads/main")
                                .matches())
                        .isTrue());
        assertThat(ChartCatalog.signerOf("oci://ghcr.io/bjw-s-labs/helm/app-template"))
                .hasValueSatisfying(s -> assertThat(Pattern.compile(s.subject())
                                .matcher("https://github.com/bjw-s-labs/helm-charts/.github/workflows/"
                                        + "chart-release-steps.yaml@refs/heads/main")
                                .matches())
                        .isTrue());
        // the charts controlplaneio-fluxcd vendors are not signed by its release workflow
        assertThat(ChartCatalog.signerOf("oci://ghcr.io/controlplaneio-fluxcd/charts/metrics-server"))
                .isEmpty();
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    && u.getHost() != null
                    && u.getQuery() == null
                    && u.getFragment() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
