package io.github.fluxoci.oci.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code oci:migrate} without a project: runs once on a folder ({@code -Doci.directory}, else the current one) and
 * writes its reports to that folder's {@code target/oci} unless {@code -Doci.outputDirectory} says otherwise. For
 * trees that live outside any Maven build; in a build, use {@code oci:migrate}, which runs per module.
 */
@Mojo(name = "migrate-dir", requiresProject = false, aggregator = true, threadSafe = true)
public class MigrateDirMojo extends MigrateMojo {

    @Override
    protected boolean projectLess() {
        return true;
    }
}
