package io.github.fluxoci.oci.migrate;

import java.util.List;

import io.github.fluxoci.oci.scan.ScannedRelease;

/**
 * A release that the plan moves to OCI.
 *
 * @param ociName      the OCIRepository's name (= the release's)
 * @param ociNamespace its {@code metadata.namespace}, or null when the release carries none
 * @param ociFile      the file that holds it
 * @param reused       true when an identical OCIRepository already existed
 * @param created      files the plan creates for it
 * @param changed      files the plan changes for it
 * @param notes        what a reviewer should know (dropped fields, credentials not carried over, ...)
 * @param ociUrl       the url its OCIRepository points at (under {@code oci.mirrorPrefix} when one is set)
 */
public record MigratedRelease(
        ScannedRelease release,
        String ociName,
        String ociNamespace,
        String ociFile,
        boolean reused,
        List<String> created,
        List<String> changed,
        List<String> notes,
        String ociUrl) {}
