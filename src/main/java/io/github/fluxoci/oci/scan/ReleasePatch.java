package io.github.fluxoci.oci.scan;

import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;

/**
 * A HelmRelease document that a kustomization applies as a patch (an overlay), not as a resource.
 *
 * @param patchedBy   the kustomization files that list it under {@code patches}
 * @param chartFields the {@code spec.chart...} paths it sets (what breaks once the release uses {@code chartRef})
 */
public record ReleasePatch(KubeObject object, String name, List<String> patchedBy, List<String> chartFields) {

    public String file() {
        return object.file().relativePath();
    }

    public int line() {
        return object.line();
    }
}
