package io.github.fluxoci.oci.scan;

import java.util.List;

import io.github.fluxoci.oci.tree.KubeObject;

/** A HelmRepository and the releases (namespace/name) that use it. */
public record ScannedHelmRepository(
        KubeObject object, String name, String namespace, String url, String type, List<String> usedBy) {

    public String file() {
        return object.file().relativePath();
    }
}
