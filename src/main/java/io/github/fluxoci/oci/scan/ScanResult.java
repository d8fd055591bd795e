package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;

import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.tree.Problem;
import io.github.fluxoci.oci.tree.TreeNotice;

/**
 * Everything {@code oci:scan} found. {@code releases} holds one entry per release instance (a document built by
 * several entry points appears once per build) and one per document that nothing deploys. {@code flux} is the Flux
 * each cluster runs, as the tree states it.
 */
public record ScanResult(
        Path root,
        int files,
        List<ScannedRelease> releases,
        List<ReleasePatch> releasePatches,
        List<ScannedHelmRepository> helmRepositories,
        List<Problem> problems,
        FluxVersions flux,
        List<TreeNotice> notices) {

    /** The same scan with its releases restated (online checks, critical releases pinned). */
    public ScanResult withReleases(List<ScannedRelease> restated) {
        return new ScanResult(root, files, restated, releasePatches, helmRepositories, problems, flux, notices);
    }

    /** Deployed release instances of a status. */
    public long count(ReleaseStatus status) {
        return releases.stream()
                .filter(r -> r.deployed() && r.status() == status)
                .count();
    }

    /** Deployed release instances of a status. */
    public List<ScannedRelease> releases(ReleaseStatus status) {
        return releases.stream()
                .filter(r -> r.deployed() && r.status() == status)
                .toList();
    }

    /** Releases in files that no Flux entry point builds. */
    public List<ScannedRelease> notDeployed() {
        return releases.stream().filter(r -> !r.deployed()).toList();
    }

    /** How many HelmRelease documents the instances come from. */
    public long documents() {
        return releases.stream().map(ScannedRelease::object).distinct().count();
    }
}
