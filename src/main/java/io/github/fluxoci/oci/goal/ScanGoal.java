package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.report.GateSummary;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.ScanReports;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.Problem;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

/**
 * {@code oci:scan}: inventories every HelmRelease, prints the summary and writes scan.json, scan.md and scan-full.md.
 *
 * @param failOnProblems fail when a file could not be read or parsed
 */
public record ScanGoal(boolean failOnProblems) implements Goal {

    @Override
    public void run(GoalRun run) throws GoalException {
        ManifestTree tree = run.loadTree();
        ScanResult result = run.scan(tree);
        String prefix = run.pathPrefix();
        run.console(() -> ConsoleReport.render(result, prefix));
        // what the gate would say now, offline and with the default configuration: no surprise after migrate
        GateSummary gate = GateSummary.of(Verifier.verify(
                new VerifyContext(tree, result, List.of(), run.settings().criticalReleases())));
        run.times().lap("gate");
        run.log().info("");
        for (ConsoleReport.Line l : gate.consoleLines(prefix)) {
            if (l.warning()) {
                run.log().warn(l.text());
            } else {
                run.log().info(l.text());
            }
        }
        run.times().lap("console");
        List<Path> written;
        try {
            written = ScanReports.write(
                    result,
                    gate,
                    run.outputDirectory(),
                    run.rootLabel(),
                    prefix,
                    "`" + run.command("scan") + "` at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        } catch (IOException e) {
            throw GoalException.error("cannot write reports to " + run.outputDirectory() + ": " + e.getMessage(), e);
        }
        run.times().lap("reports");
        GoalLog log = run.log();
        log.info("");
        written.forEach(p -> log.info("Wrote " + p));
        if (result.count(ReleaseStatus.MIGRATABLE) > 0) {
            log.info("Next: " + run.command("migrate", "-Doci.dryRun=true") + " shows what migrating the "
                    + Plural.of(result.count(ReleaseStatus.MIGRATABLE), "ready release") + " would change");
        }
        if (failOnProblems && !result.problems().isEmpty()) {
            throw GoalException.failure(
                    Plural.of(result.problems().size(), "file problem") + " (oci.failOnProblems=true):"
                            + System.lineSeparator()
                            + result.problems().stream()
                                    .map(Problem::describe)
                                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }
}
