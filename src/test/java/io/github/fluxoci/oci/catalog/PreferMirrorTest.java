package io.github.fluxoci.oci.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Doci.prefer=mirror}: a chart the catalog knows at its publisher and at home-operations' charts-mirror
 * (crossplane: the mirror's {@code apps/crossplane/metadata.yaml} pulls it from charts.crossplane.io) comes from the
 * mirror, signed as the mirror signs; a chart known at one place only, and a blocked one, do not change.
 */
class PreferMirrorTest {

    private static final HelmRepositoryRef CROSSPLANE =
            new HelmRepositoryRef("crossplane", "flux-system", "https://charts.crossplane.io/stable", null);
    private static final HelmRepositoryRef PODINFO =
            new HelmRepositoryRef("podinfo", "flux-system", "https://stefanprodan.github.io/podinfo", null);
    private static final HelmRepositoryRef INGRESS =
            new HelmRepositoryRef("ingress-nginx", "flux-system", "https://kubernetes.github.io/ingress-nginx", null);

    @Test
    void mirrorIsChosenOnlyWhereTheCatalogKnowsBoth() {
        ChartCatalog upstream = ChartCatalog.withBuiltIn(List.of());
        ChartCatalog mirror = upstream.preferringMirrors();

        OciSource fromUpstream = ((CatalogAnswer.Found) upstream.lookup(CROSSPLANE, "crossplane")).source();
        OciSource fromMirror = ((CatalogAnswer.Found) mirror.lookup(CROSSPLANE, "crossplane")).source();
        assertThat(fromUpstream.url()).isEqualTo("oci://xpkg.upbound.io/upbound/crossplane");
        assertThat(fromUpstream.provenance()).isEqualTo("official");
        assertThat(fromMirror.url()).isEqualTo("oci://ghcr.io/home-operations/charts-mirror/crossplane");
        assertThat(fromMirror.provenance()).isEqualTo("mirror");
        assertThat(fromMirror.cosign()).as("charts-mirror signs every chart").isTrue();
        assertThat(fromMirror.note()).startsWith("the mirror of oci://xpkg.upbound.io/upbound/crossplane");

        assertThat(((CatalogAnswer.Found) mirror.lookup(PODINFO, "podinfo"))
                        .source()
                        .url())
                .isEqualTo(((CatalogAnswer.Found) upstream.lookup(PODINFO, "podinfo"))
                        .source()
                        .url());
        assertThat(mirror.lookup(INGRESS, "ingress-nginx")).isInstanceOf(CatalogAnswer.Blocked.class);
    }
}
