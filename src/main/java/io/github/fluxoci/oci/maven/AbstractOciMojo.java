package io.github.fluxoci.oci.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

/** Parameters every goal shares: which tree to read, where reports go, the user's chart mappings. */
public abstract class AbstractOciMojo extends AbstractMojo {

    /** The manifests tree to read: every Flux object below it is indexed. */
    @Parameter(property = "oci.directory", defaultValue = "${project.basedir}")
    protected File directory;

    /** Files to read, Ant patterns relative to {@code directory}. Default: {@code **}{@code /*.yaml, **}{@code /*.yml}. */
    @Parameter(property = "oci.includes")
    protected List<String> includes;

    /**
     * Files to leave out, in addition to {@code **}{@code /target/**, **}{@code /.git/**, **}{@code /node_modules/**}.
     */
    @Parameter(property = "oci.excludes")
    protected List<String> excludes;

    /** Where reports are written. */
    @Parameter(property = "oci.outputDirectory", defaultValue = "${project.build.directory}/oci")
    protected File outputDirectory;

    /**
     * Where charts of a HelmRepository live as OCI, or why they cannot move; checked before the built-in
     * catalog. Each {@code <mapping>} has {@code <repository>} (URL, name or namespace/name), optional
     * {@code <chart>}, and one of {@code <oci>}, {@code <ociPrefix>} or {@code <blocked>}.
     */
    @Parameter
    protected List<Mapping> mappings;

    /** Skips the goal. */
    @Parameter(property = "oci.skip", defaultValue = "false")
    protected boolean skip;

    /** The project's base directory (labels in reports are relative to it). */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    protected ManifestTree loadTree() throws MojoFailureException, MojoExecutionException {
        if (directory == null || !directory.isDirectory()) {
            throw new MojoFailureException("oci.directory " + directory + " is not a directory;"
                    + " set -Doci.directory=<folder with the Flux manifests>");
        }
        try {
            return TreeLoader.load(TreeOptions.of(directory.toPath(), includes, excludes));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The built-in catalog with the user's mappings first; every bad mapping is reported at once. */
    protected ChartCatalog catalog() throws MojoFailureException {
        List<ChartMapping> result = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (mappings != null) {
            for (Mapping m : mappings) {
                ChartMapping cm = m.toChartMapping();
                String problem = cm.problem();
                if (problem != null) {
                    errors.add("<mappings>: " + problem);
                } else {
                    result.add(cm);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), errors));
        }
        return ChartCatalog.withBuiltIn(result);
    }

    /** Logs report lines, warnings as warnings. */
    protected void log(List<ConsoleReport.Line> lines) {
        for (ConsoleReport.Line line : lines) {
            if (line.warning()) {
                getLog().warn(line.text());
            } else {
                getLog().info(line.text());
            }
        }
    }

    /** The scanned directory as reports name it: relative to the project, or its own name. */
    protected String rootLabel() {
        Path dir = directory.toPath().toAbsolutePath().normalize();
        if (basedir != null) {
            Path base = basedir.toPath().toAbsolutePath().normalize();
            if (dir.startsWith(base) && !dir.equals(base)) {
                return base.relativize(dir).toString().replace(File.separatorChar, '/');
            }
        }
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
