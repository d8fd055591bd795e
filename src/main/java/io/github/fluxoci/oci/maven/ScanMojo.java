package io.github.fluxoci.oci.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.ScanReports;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.Problem;

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
    protected void run() throws MojoExecutionException, MojoFailureException {
        ManifestTree tree = loadTree();
        ScanResult result = scan(tree, onlineOptions());
        String prefix = pathPrefix();
        log(ConsoleReport.render(result, prefix));
        times.lap("console");
        List<Path> written;
        try {
            written = ScanReports.write(result, outputDirectory.toPath(), rootLabel(), prefix);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        times.lap("reports");
        getLog().info("");
        written.forEach(p -> getLog().info("Wrote " + p));
        if (result.count(ReleaseStatus.MIGRATABLE) > 0) {
            getLog().info("Next: mvn oci:migrate -Doci.dryRun=true shows what migrating the "
                    + Plural.of(result.count(ReleaseStatus.MIGRATABLE), "ready release") + " would change");
        }
        if (failOnProblems && !result.problems().isEmpty()) {
            throw new MojoFailureException(Plural.of(result.problems().size(), "file problem") + " (oci.failOnProblems=true):"
                    + System.lineSeparator() + result.problems().stream().map(Problem::describe)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }
}
