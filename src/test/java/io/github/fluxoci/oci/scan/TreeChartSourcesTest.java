package io.github.fluxoci.oci.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A source learned from the tree is only trusted for a Helm repository of the same owner. */
class TreeChartSourcesTest {

    @ParameterizedTest
    @CsvSource({
        // pairs public trees moved between (docs/catalog.md)
        "https://stefanprodan.github.io/podinfo, oci://ghcr.io/stefanprodan/charts/podinfo, true",
        "https://charts.jetstack.io, oci://quay.io/jetstack/charts/cert-manager, true",
        "https://emberstack.github.io/helm-charts, oci://ghcr.io/emberstack/helm-charts/reflector, true",
        "https://charts.example.com, oci://registry.example.com/charts/mychart, true",
        // one chart name, two publishers (tvories: bitnami's thanos beside stevehipwell's)
        "https://charts.bitnami.com/bitnami, oci://ghcr.io/stevehipwell/helm-charts/thanos, false",
        "https://wiremind.github.io/wiremind-helm-charts, oci://gsoci.azurecr.io/charts/giantswarm/silence-operator, false",
        // generic words do not make an owner
        "https://charts.helm.sh/stable, oci://ghcr.io/someone/charts/helm, false",
        "https://raw.githubusercontent.com/foo/charts/master, oci://ghcr.io/bar/charts/master, false"
    })
    void samePublisherWhenTheUrlsShareAnOwner(String helm, String oci, boolean same) {
        assertThat(TreeChartSources.samePublisher(helm, oci)).isEqualTo(same);
    }
}
