package io.github.fluxoci.oci.scan;

import java.nio.file.Path;
import java.util.List;

import io.github.fluxoci.oci.tree.Problem;

/** Everything {@code oci:scan} found. */
public record ScanResult(Path root, int files, List<ScannedRelease> releases, List<ReleasePatch> releasePatches,
                         List<ScannedHelmRepository> helmRepositories, List<Problem> problems) {

    public long count(ReleaseStatus status) {
        return releases.stream().filter(r -> r.status() == status).count();
    }

    public List<ScannedRelease> releases(ReleaseStatus status) {
        return releases.stream().filter(r -> r.status() == status).toList();
    }
}
