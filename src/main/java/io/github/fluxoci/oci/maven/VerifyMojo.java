package io.github.fluxoci.oci.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.online.OnlineOptions;
import io.github.fluxoci.oci.report.GithubAnnotations;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.ReportFormat;
import io.github.fluxoci.oci.report.VerifyReports;
import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.ReleaseException;
import io.github.fluxoci.oci.verify.Rule;
import io.github.fluxoci.oci.verify.RuleSeverities;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

/**
 * A release gate: fails the build when the tree would break on the cluster (a chartRef to nothing, an
 * OCIRepository no kustomization lists, a missing layerSelector, a removed API version, a release still on a
 * HelmRepository without an excuse, ...). Prints one {@code path:line:col [rule-id] message} line per defect and
 * writes {@code verify.json}, {@code verify.sarif} and {@code verify.md}. Bound to the {@code verify} phase.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractOciMojo {

    /** What fails the build: {@code error} (default), {@code warning} (errors and warnings) or {@code never}. */
    @Parameter(property = "oci.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * Releases that may stay on a HelmRepository: {@code <exception><release>namespace/name</release>
     * <reason>why</reason></exception>}. Each is reported with its reason.
     */
    @Parameter
    protected List<Excuse> exceptions;

    /**
     * Severities for some rules, {@code rule=error|warning|note} separated by commas, e.g.
     * {@code unverified-signature=error} to fail the gate on a signed chart that Flux does not verify.
     */
    @Parameter(property = "oci.severities")
    protected String severities;


    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String threshold = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        if (!List.of("error", "warning", "never").contains(threshold)) {
            throw new MojoFailureException("oci.failOn \"" + failOn + "\" is not one of error, warning, never");
        }
        List<ReleaseException> excuses = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (exceptions != null) {
            for (Excuse e : exceptions) {
                if (e.release() == null || e.release().isBlank() || e.reason() == null || e.reason().isBlank()) {
                    bad.add("<exceptions>: every <exception> needs <release> and <reason> (got release=" + e.release()
                            + ", reason=" + e.reason() + ")");
                } else {
                    excuses.add(e.toReleaseException());
                }
            }
        }
        RuleSeverities configured;
        try {
            configured = RuleSeverities.parse(severities, Verifier.rules());
        } catch (IllegalArgumentException e) {
            bad.add("oci.severities: " + e.getMessage());
            configured = RuleSeverities.none();
        }
        if (!bad.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), bad));
        }
        ManifestTree tree = loadTree();
        OnlineOptions onlineOptions = onlineOptions();
        OciRegistryClient registry = onlineOptions == null ? null : new OciRegistryClient(onlineOptions);
        HelmIndexClient helm = onlineOptions == null ? null : new HelmIndexClient(onlineOptions);
        ChartCatalog catalog = catalog();
        // the policy migrate follows: a critical release with a range is BLOCKED offline, not "run oci:migrate"
        ScanResult scan = CriticalReleases.apply(new Scanner(catalog).scan(tree), criticalReleases, registry);
        times.lap("classify");
        List<Rule> rules = configured.apply(Verifier.rules());
        List<Finding> findings = configured.applyTo(Verifier.verify(new VerifyContext(tree, scan, excuses, criticalReleases,
                registry, helm, catalog)), Verifier.rules());
        times.lap("rules");
        String prefix = pathPrefix();
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> getLog().error(prefix + f.describe());
                case WARNING -> getLog().warn(prefix + f.describe());
                case NOTE -> getLog().info(prefix + f.describe());
            }
        }
        // files that failed to parse are findings of manifest-parse; the other problems are said here
        scan.problems().stream().filter(p -> tree.file(p.file()) == null || tree.file(p.file()).parsed())
                .forEach(p -> getLog().warn(prefix + p.describe()));
        getLog().info("oci:verify: " + VerifyReports.summary(findings) + " in " + Plural.of(tree.files().size(), "file"));
        if (GithubAnnotations.active()) {
            // workflow commands must start the line: printed as they are, not through Maven's log prefix
            GithubAnnotations.render(findings, f -> prefix + f).forEach(System.out::println);
        }
        times.lap("console");
        try {
            List<Path> written = VerifyReports.write(findings, rules, ReportFormat.pluginVersion(),
                    prefix, outputDirectory.toPath());
            written.forEach(p -> getLog().info("Wrote " + p));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        times.lap("reports");
        long errors = VerifyReports.count(findings, Severity.ERROR);
        long warnings = VerifyReports.count(findings, Severity.WARNING);
        boolean fail = switch (threshold) {
            case "error" -> errors > 0;
            case "warning" -> errors + warnings > 0;
            default -> false;
        };
        if (fail) {
            throw new MojoFailureException("oci:verify found " + VerifyReports.summary(findings)
                    + " (oci.failOn=" + threshold + "); each is listed above as path:line:col [rule-id] message,"
                    + " and in " + outputDirectory.toPath().resolve(VerifyReports.MARKDOWN));
        }
    }
}
