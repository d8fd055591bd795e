package io.github.fluxoci.oci.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartCatalogTest {

    private final ChartCatalog builtIn = ChartCatalog.withBuiltIn(List.of());

    private static HelmRepositoryRef http(String name, String url) {
        return new HelmRepositoryRef(name, "flux-system", url, null);
    }

    private OciSource found(CatalogAnswer answer) {
        assertThat(answer).isInstanceOf(CatalogAnswer.Found.class);
        return ((CatalogAnswer.Found) answer).source();
    }

    @Test
    void knowsEveryChartOfTheGuideTables() {
        record Row(String repo, String chart, String oci, String provenance) {}
        List<Row> guide = List.of(
                new Row(
                        "https://charts.jetstack.io",
                        "cert-manager",
                        "oci://quay.io/jetstack/charts/cert-manager",
                        "official"),
                new Row(
                        "https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack",
                        "oci://ghcr.io/prometheus-community/charts/kube-prometheus-stack", "official"),
                new Row(
                        "https://grafana.github.io/helm-charts", "grafana-operator",
                        "oci://ghcr.io/grafana/helm-charts/grafana-operator", "official"),
                new Row(
                        "https://charts.external-secrets.io", "external-secrets",
                        "oci://ghcr.io/external-secrets/charts/external-secrets", "official"),
                new Row(
                        "https://kubernetes-sigs.github.io/external-dns/", "external-dns",
                        "oci://ghcr.io/home-operations/charts-mirror/external-dns", "mirror"),
                new Row(
                        "https://falcosecurity.github.io/charts",
                        "falco",
                        "oci://ghcr.io/falcosecurity/charts/falco",
                        "official"),
                new Row(
                        "https://falcosecurity.github.io/charts", "falco-exporter",
                        "oci://ghcr.io/falcosecurity/charts/falco-exporter", "official"),
                new Row("https://helm.cilium.io/", "tetragon", "oci://ghcr.io/cilium/charts/tetragon", "official"),
                new Row(
                        "https://charts.crossplane.io/stable",
                        "crossplane",
                        "oci://xpkg.upbound.io/upbound/crossplane",
                        "official"),
                new Row(
                        "https://oauth2-proxy.github.io/manifests", "oauth2-proxy",
                        "oci://ghcr.io/oauth2-proxy/charts/oauth2-proxy", "official"),
                new Row(
                        "https://open-telemetry.github.io/opentelemetry-helm-charts", "opentelemetry-operator",
                        "oci://ghcr.io/open-telemetry/opentelemetry-helm-charts/opentelemetry-operator", "official"),
                new Row(
                        "https://kyverno.github.io/kyverno/",
                        "kyverno",
                        "oci://ghcr.io/kyverno/charts/kyverno",
                        "official"));
        for (Row r : guide) {
            OciSource s = found(builtIn.lookup(http("r", r.repo()), r.chart()));
            assertThat(s.url()).as(r.chart()).isEqualTo(r.oci());
            assertThat(s.provenance()).as(r.chart()).isEqualTo(r.provenance());
            assertThat(s.origin()).isEqualTo(OciSource.BUILTIN);
        }
        assertThat(builtIn.provenanceOf("oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set"))
                .isEqualTo("official");
    }

    @Test
    void theGuidesTwoBlockedChartsCarryTheGuidesReasons() {
        assertThat(builtIn.lookup(
                        http("ingress-nginx-chart", "https://kubernetes.github.io/ingress-nginx"), "ingress-nginx"))
                .isEqualTo(new CatalogAnswer.Blocked(
                        "charts-mirror lags behind official releases (4.13.0 vs 4.14.1)",
                        OciSource.BUILTIN,
                        "oci://ghcr.io/home-operations/charts-mirror/ingress-nginx"));
        assertThat(builtIn.lookup(http("fairwinds-charts", "https://charts.fairwinds.com/stable"), "vpa"))
                .isEqualTo(new CatalogAnswer.Blocked(
                        "Fairwinds only publishes to traditional Helm repos", OciSource.BUILTIN, null));
    }

    @Test
    void aRepositoryUrlThatMovedWithItsOrganizationMapsToTheSameCharts() {
        for (String url : List.of("https://bjw-s.github.io/helm-charts", "https://bjw-s-labs.github.io/helm-charts/")) {
            assertThat(found(builtIn.lookup(http("bjw-s", url), "app-template")).url())
                    .isEqualTo("oci://ghcr.io/bjw-s-labs/helm/app-template");
        }
        assertThat(found(builtIn.lookup(http("rook", "https://charts.rook.io/release"), "rook-ceph-cluster"))
                        .url())
                .isEqualTo("oci://ghcr.io/rook/rook-ceph-cluster");
    }

    @Test
    void urlsAreComparedAfterNormalizing() {
        assertThat(ChartUrls.normalize("HTTPS://Helm.Cilium.IO:443/")).isEqualTo("https://helm.cilium.io");
        assertThat(ChartUrls.normalize("https://charts.jetstack.io/index.yaml"))
                .isEqualTo("https://charts.jetstack.io");
        assertThat(found(builtIn.lookup(http("c", "HTTPS://HELM.CILIUM.IO"), "tetragon"))
                        .url())
                .isEqualTo("oci://ghcr.io/cilium/charts/tetragon");
    }

    @Test
    void ociHelmRepositoriesAreDerivedWithoutACatalog() {
        HelmRepositoryRef repo = new HelmRepositoryRef("bjw-s", "flux-system", "oci://ghcr.io/bjw-s/helm/", "oci");
        OciSource s = found(builtIn.lookup(repo, "app-template"));
        assertThat(s.url()).isEqualTo("oci://ghcr.io/bjw-s/helm/app-template");
        assertThat(s.origin()).isEqualTo(OciSource.DERIVED);
    }

    @Test
    void userMappingsComeFirstByUrlNameOrNamespacedName() {
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of(
                new ChartMapping(
                        "https://charts.jetstack.io/",
                        "cert-manager",
                        "oci://registry.example/mirror/cert-manager",
                        null,
                        null),
                new ChartMapping("ealenn", null, null, "oci://registry.example/ealenn", null),
                new ChartMapping("flux-system/fairwinds-charts", "vpa", null, null, "we pin the HTTP repo"),
                new ChartMapping("bjw-s", "app-template", null, null, "not yet")));
        OciSource mapped = found(catalog.lookup(http("jetstack", "https://charts.jetstack.io"), "cert-manager"));
        assertThat(mapped.url()).isEqualTo("oci://registry.example/mirror/cert-manager");
        assertThat(mapped.origin()).isEqualTo(OciSource.CONFIGURED);
        assertThat(found(catalog.lookup(http("ealenn", "https://ealenn.github.io/charts"), "echo-server"))
                        .url())
                .isEqualTo("oci://registry.example/ealenn/echo-server");
        assertThat(catalog.lookup(http("fairwinds-charts", "https://charts.fairwinds.com/stable"), "vpa"))
                .isEqualTo(new CatalogAnswer.Blocked("we pin the HTTP repo", OciSource.CONFIGURED, null));
        // a configured block wins over derivation from type: oci
        assertThat(catalog.lookup(
                        new HelmRepositoryRef("bjw-s", "flux-system", "oci://ghcr.io/bjw-s/helm", "oci"),
                        "app-template"))
                .isInstanceOf(CatalogAnswer.Blocked.class);
    }

    @Test
    void unknownChartsAreNotFound() {
        assertThat(builtIn.lookup(http("x", "https://example.invalid/charts"), "thing"))
                .isEqualTo(new CatalogAnswer.NotFound());
    }

    @Test
    void badMappingsSayWhatIsMissing() {
        assertThat(new ChartMapping(null, "x", "oci://a/b", null, null).problem())
                .contains("<repository>");
        assertThat(new ChartMapping("r", "x", null, null, null).problem()).contains("exactly one of");
        assertThat(new ChartMapping("r", "x", "https://a/b", null, null).problem())
                .contains("must start with oci://");
        assertThat(new ChartMapping("r", null, "oci://a/b", null, null).problem())
                .contains("needs <chart>");
        assertThat(new ChartMapping("r", "x", "oci://a/b", null, null).problem())
                .isNull();
    }
}
