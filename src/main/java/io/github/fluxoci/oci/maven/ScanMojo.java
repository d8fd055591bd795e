package io.github.fluxoci.oci.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.goal.Goal;
import io.github.fluxoci.oci.goal.ScanGoal;

/**
 * Inventories every HelmRelease of the manifests tree and classifies it: already on OCI, ready to migrate,
 * blocked (with the reason) or unknown. Prints a table and writes {@code scan.md} (the migration guide's
 * status overview) and {@code scan.json} to {@code oci.outputDirectory}.
 */
@Mojo(name = "scan", threadSafe = true)
public class ScanMojo extends AbstractOciMojo {

    /** Fails the build when a file could not be read or parsed (not YAML, templated, undefined alias, ...). */
    @Parameter(property = "oci.failOnProblems", defaultValue = "false")
    protected boolean failOnProblems;

    @Override
    protected Goal goal() {
        return new ScanGoal(failOnProblems);
    }
}
