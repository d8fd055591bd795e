package io.github.fluxoci.oci.scan;

/**
 * The OCIRepository a release uses (status OCI) or would get (status MIGRATABLE).
 *
 * @param url        {@code oci://} chart URL
 * @param origin     configured, derived, builtin or tree
 * @param provenance official, mirror or null
 * @param tag        {@code ref.tag} (exact version, {@code +} written as {@code _}), or null
 * @param semver     {@code ref.semver} (a range, or {@code *}), or null
 * @param name       the OCIRepository's name
 * @param file       the file that holds (or would hold) it, relative to the root
 * @param kustomization the kustomization.yaml that lists (or would list) that file, or null
 */
public record OciTarget(String url, String origin, String provenance, String tag, String semver, String name, String file,
                        String kustomization) {
}
