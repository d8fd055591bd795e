package io.github.fluxoci.oci.catalog;

/** The fields of a HelmRepository that the catalog looks at. {@code type} is {@code default} or {@code oci}. */
public record HelmRepositoryRef(String name, String namespace, String url, String type) {

    public boolean isOci() {
        return "oci".equals(type) || (url != null && url.trim().startsWith("oci://"));
    }
}
