package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.report.GithubAnnotations;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.ReportFormat;
import io.github.fluxoci.oci.report.VerifyReports;
import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.ReleaseException;
import io.github.fluxoci.oci.verify.Rule;
import io.github.fluxoci.oci.verify.RuleSeverities;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

/**
 * {@code oci:verify}, the release gate: one {@code path:line:col [rule-id] message} line per finding, verify.json,
 * verify.sarif and verify.md, and a failure when findings reach {@code failOn}.
 *
 * @param failOn     {@code error}, {@code warning} or {@code never}
 * @param exceptions releases that may stay on a HelmRepository, with the reason (both needed)
 * @param severities {@code rule=level} pairs ({@code oci.severities})
 * @param noCrossNamespaceRefs Flux runs with {@code --no-cross-namespace-refs=true} ({@code oci.noCrossNamespaceRefs})
 */
public record VerifyGoal(
        String failOn, List<ReleaseException> exceptions, String severities, boolean noCrossNamespaceRefs)
        implements Goal {

    /** The configuration, checked: who may stay on a HelmRepository, and the severities as configured. */
    private record Checked(String threshold, List<ReleaseException> excuses, RuleSeverities severities) {}

    @Override
    public void run(GoalRun run) throws GoalException {
        Checked config = checked();
        ManifestTree tree = run.loadTree();
        OciRegistryClient registry = run.online() == null ? null : new OciRegistryClient(run.online());
        HelmIndexClient helm = run.online() == null ? null : new HelmIndexClient(run.online());
        ChartCatalog catalog = run.catalog();
        List<String> critical = run.settings().criticalReleases();
        // the policy migrate follows: a critical release with a range is BLOCKED offline, not "run oci:migrate"
        ScanResult scan = CriticalReleases.apply(run.scanner(catalog).scan(tree), critical, registry);
        run.times().lap("classify");
        List<Rule> rules = config.severities().apply(Verifier.rules());
        List<Finding> findings = config.severities()
                .applyTo(
                        Verifier.verify(new VerifyContext(
                                tree, scan, config.excuses(), critical, registry, helm, catalog, noCrossNamespaceRefs)),
                        Verifier.rules());
        run.times().lap("rules");
        log(run, tree, scan, findings);
        run.times().lap("console");
        Path out = run.outputDirectory();
        try {
            List<Path> written = VerifyReports.write(
                    findings,
                    rules,
                    ReportFormat.pluginVersion(),
                    run.pathPrefix(),
                    out,
                    "`" + run.command("verify") + "` at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
            written.forEach(p -> run.log().info("Wrote " + p));
        } catch (IOException e) {
            throw GoalException.error("cannot write reports to " + out + ": " + e.getMessage(), e);
        }
        run.times().lap("reports");
        long errors = VerifyReports.count(findings, Severity.ERROR);
        long warnings = VerifyReports.count(findings, Severity.WARNING);
        boolean fail = switch (config.threshold()) {
            case "error" -> errors > 0;
            case "warning" -> errors + warnings > 0;
            default -> false;
        };
        if (fail) {
            throw GoalException.failure("oci:verify found " + VerifyReports.summary(findings)
                    + " (oci.failOn=" + config.threshold() + "); each is listed above as path:line:col [rule-id]"
                    + " message, and in " + out.resolve(VerifyReports.MARKDOWN));
        }
    }

    private Checked checked() throws GoalException {
        String threshold = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        if (!List.of("error", "warning", "never").contains(threshold)) {
            throw GoalException.failure("oci.failOn \"" + failOn + "\" is not one of error, warning, never");
        }
        List<ReleaseException> excuses = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (ReleaseException e : exceptions == null ? List.<ReleaseException>of() : exceptions) {
            if (e.release() == null
                    || e.release().isBlank()
                    || e.reason() == null
                    || e.reason().isBlank()) {
                bad.add("<exceptions>: every <exception> needs <release> and <reason> (got release=" + e.release()
                        + ", reason=" + e.reason() + ")");
            } else {
                excuses.add(e);
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
            throw GoalException.failure(String.join(System.lineSeparator(), bad));
        }
        return new Checked(threshold, excuses, configured);
    }

    /** Each finding at its level, the problems that are no finding, the summary, and GitHub's annotations. */
    private static void log(GoalRun run, ManifestTree tree, ScanResult scan, List<Finding> findings)
            throws GoalException {
        String prefix = run.pathPrefix();
        GoalLog log = run.log();
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> log.error(prefix + f.describe());
                case WARNING -> {
                    if (log.warningsShown()) {
                        log.warn(prefix + f.describe());
                    }
                }
                case NOTE -> {
                    if (log.infoShown()) {
                        log.info(prefix + f.describe());
                    }
                }
            }
        }
        // files that failed to parse are findings of manifest-parse; the other problems are said here
        scan.problems().stream()
                .filter(p -> tree.file(p.file()) == null || tree.file(p.file()).parsed())
                .forEach(p -> log.warn(prefix + p.describe()));
        log.info("oci:verify: " + VerifyReports.summary(findings) + " in "
                + Plural.of(tree.files().size(), "file"));
        if (GithubAnnotations.active()) {
            // workflow commands must start the line: printed as they are, not through Maven's log prefix
            GithubAnnotations.render(findings, f -> prefix + f).forEach(log::raw);
        }
    }
}
