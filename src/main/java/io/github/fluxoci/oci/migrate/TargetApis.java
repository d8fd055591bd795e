package io.github.fluxoci.oci.migrate;

import java.util.Comparator;

import io.github.fluxoci.oci.flux.FluxRelease;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;

/**
 * The apiVersions migrate writes for a release: the storage versions of the Flux its clusters run (OCIRepository
 * {@code v1beta2} below Flux 2.6, {@code v1} from 2.6; HelmRelease {@code v2} from 2.3), as Flux's CRDs say.
 *
 * <p>The Flux whose APIs are written is the oldest of the release's clusters. A Flux whose HelmRelease has no
 * {@code chartRef} (2.2) never gets here: scan blocks such releases ({@code ReleaseClassifier}).
 *
 * @param ociRepository the OCIRepository apiVersion ({@code source.toolkit.fluxcd.io/v1beta2})
 * @param helmRelease   the HelmRelease apiVersion ({@code helm.toolkit.fluxcd.io/v2})
 */
record TargetApis(String ociRepository, String helmRelease) {

    static final String SOURCE_GROUP = "source.toolkit.fluxcd.io";
    static final String HELM_GROUP = "helm.toolkit.fluxcd.io";

    /** What to write for a release (every cluster that builds its document runs at least that Flux). */
    static TargetApis of(ManifestTree tree, FluxVersions versions, ScannedRelease r) {
        FluxVersions.Stated stated = tree.instancesOf(r.object()).stream()
                .map(ObjectInstance::cluster)
                .map(versions::of)
                .min(Comparator.comparing(FluxVersions.Stated::release))
                .orElse(versions.of(r.cluster()));
        FluxRelease flux = stated.release();
        return new TargetApis(
                flux.apiVersionToWrite(SOURCE_GROUP, "OCIRepository"),
                flux.apiVersionToWrite(HELM_GROUP, "HelmRelease"));
    }
}
