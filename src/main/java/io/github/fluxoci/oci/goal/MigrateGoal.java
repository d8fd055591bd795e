package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.fluxoci.oci.git.GitWorkTree;
import io.github.fluxoci.oci.migrate.Interval;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.MirrorCheck;
import io.github.fluxoci.oci.migrate.MirrorPrefix;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareLayout;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.UnifiedDiff;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.ManifestTree;

/**
 * {@code oci:migrate}: plans the move of the selected MIGRATABLE releases, writes it (or, in a dry run, its diff),
 * and reports it. The parameters are the build's, as given: each is read here, and a value a parser refuses is a
 * failure naming the parameter.
 */
public record MigrateGoal(
        List<String> charts,
        List<String> namespaces,
        String layout,
        String interval,
        String share,
        String shareLayout,
        String shareNamespace,
        String shareFolder,
        int shareMinReleases,
        String verifySignatures,
        String mirrorPrefix,
        String schemaUrl,
        String prune,
        boolean includeUndeployed,
        boolean upgradeApis,
        boolean dryRun,
        boolean showDiff,
        boolean force)
        implements Goal {

    /** The goal's options from its parameters. */
    MigrateOptions options() throws GoalException {
        Layout chosen = parsed("oci.layout", () -> Layout.parse(layout));
        Prune pruning = parsed("oci.prune", () -> Prune.parse(prune));
        Interval every = parsed(null, () -> Interval.parse(interval));
        boolean byChart = parsed("oci.share", () -> ShareOptions.parseShare(share));
        ShareLayout form = parsed("oci.shareLayout", () -> ShareLayout.parse(shareLayout));
        ShareOptions sharing =
                parsed(null, () -> new ShareOptions(byChart, form, shareNamespace, shareFolder, shareMinReleases));
        boolean cosign = parsed("oci.verify", () -> MigrateOptions.parseVerify(verifySignatures));
        MirrorPrefix mirror = parsed(null, () -> MirrorPrefix.parse(mirrorPrefix));
        return new MigrateOptions(
                charts,
                namespaces,
                chosen,
                every,
                schemaUrl,
                pruning,
                includeUndeployed,
                sharing,
                cosign,
                mirror,
                upgradeApis);
    }

    /**
     * A parameter read by {@code parse}: what it refuses ({@link IllegalArgumentException}) fails the goal with its
     * message, after {@code parameter: } when the message does not name the parameter itself.
     */
    private static <T> T parsed(String parameter, Supplier<T> parse) throws GoalException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw GoalException.failure(parameter == null ? e.getMessage() : parameter + ": " + e.getMessage());
        }
    }

    /** In a git work tree, the files migrate would change must have no uncommitted changes (unless oci.force). */
    private void refuseUncommittedChanges(GoalRun run, MigrationPlan plan) throws GoalException {
        if (force) {
            return;
        }
        Optional<GitWorkTree> git = run.gitWorkTree();
        if (git.isEmpty()) {
            return;
        }
        List<Path> touched = plan.changes().stream()
                .map(c -> run.directory().resolve(c.path()))
                .toList();
        List<String> dirty;
        try {
            dirty = git.get().uncommitted(touched);
        } catch (IOException e) {
            throw GoalException.error("oci:migrate: " + e.getMessage() + "; nothing was written", e);
        }
        if (!dirty.isEmpty()) {
            throw GoalException.failure(
                    "oci:migrate wrote nothing: " + Plural.of(dirty.size(), "file") + " it would change "
                            + (dirty.size() == 1 ? "has" : "have") + " uncommitted changes (" + String.join(", ", dirty)
                            + ")."
                            + " Commit or stash them first, so that git can undo what migrate does, or run with -Doci.force=true");
        }
    }

    @Override
    public void run(GoalRun run) throws GoalException {
        MigrateOptions options = options();
        ManifestTree tree = run.loadTree();
        ScanResult scan = run.scan(tree);
        GoalLog log = run.log();
        MigrationPlan plan = plan(run, tree, scan, options);
        String prefix = run.pathPrefix();
        String diff = dryRun ? UnifiedDiff.render(plan.changes()) : null;
        if (dryRun) {
            run.console(() -> MigrateReports.console(plan, true, prefix));
            if (!diff.isEmpty() && showDiff) {
                log.info("");
                diff.lines().forEach(log::info);
            }
        } else {
            if (!plan.isEmpty() || !tree.leftovers().isEmpty()) {
                write(run, tree, plan);
            }
            // "Migrated N" once the files are written
            run.console(() -> MigrateReports.console(plan, false, prefix));
        }
        if (plan.isEmpty()) {
            log.info("Nothing to change.");
        }
        scan.problems().forEach(p -> log.warn(prefix + p.describe()));
        Path out = run.outputDirectory();
        if (plan.isEmpty() && Files.exists(out.resolve(MigrateReports.JSON))) {
            // a run that changes nothing (whatever it skipped) keeps the reports of the run that did something: their
            // reconcile and rollback steps are still what the last change needs
            log.info("Reports of the previous run kept in " + out + " (this run changed nothing)");
            return;
        }
        Path diffFile = reports(run, plan, diff, out);
        if (plan.isEmpty()) {
            return;
        }
        if (dryRun) {
            log.info("Next: review " + (diffFile != null ? diffFile : MigrateReports.DIFF)
                    + " (or -Doci.showDiff=true)," + " then run the same command without -Doci.dryRun to write it");
        } else {
            if (!plan.unused().isEmpty()) {
                log.info("Next: " + Plural.of(plan.unused().size(), "HelmRepository")
                        + (plan.unused().size() == 1 ? " is" : " are") + " used by no release now ("
                        + String.join(
                                ", ",
                                plan.unused()
                                        .subList(0, Math.min(5, plan.unused().size())))
                        + (plan.unused().size() > 5 ? ", ..." : "") + "): " + run.command("migrate", "-Doci.prune=all")
                        + " removes " + (plan.unused().size() == 1 ? "it" : "them"));
            }
            log.info("Next: review the change (git diff), then run "
                    + (run.command("verify").startsWith("mvn oci:") ? "mvn verify" : run.command("verify"))
                    + " before you commit it");
        }
    }

    /** The plan, with the mirror's answers when online with {@code oci.mirrorPrefix}. */
    private static MigrationPlan plan(GoalRun run, ManifestTree tree, ScanResult scan, MigrateOptions options)
            throws GoalException {
        MigrationPlan plan;
        try {
            plan = MigrationPlanner.plan(tree, scan, options);
            run.times().lap("plan");
        } catch (IllegalStateException e) {
            throw GoalException.error(
                    "oci:migrate could not build a safe plan, nothing was written: " + e.getMessage(), e);
        }
        if (run.online() != null && options.mirror().active()) {
            run.log().info("Asking the mirror for the charts to copy (oci.online=true)");
            OciRegistryClient mirrorRegistry = new OciRegistryClient(run.online());
            plan = MirrorCheck.apply(plan, mirrorRegistry::hasManifest);
            run.times().lap("online");
        }
        return plan;
    }

    private void write(GoalRun run, ManifestTree tree, MigrationPlan plan) throws GoalException {
        refuseUncommittedChanges(run, plan);
        PlanApplier.removeLeftovers(run.directory(), tree.leftovers()).forEach(run.log()::warn);
        // Ctrl-C while writing: say where it stopped (Maven's logger may be gone by then, so straight to stderr)
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Thread onInterrupt = new Thread(() -> {
            String message = PlanApplier.interrupted(plan.writes(), written.get());
            if (message != null) {
                System.err.println("[WARNING] " + message);
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            PlanApplier.apply(run.directory(), plan.writes(), written::set);
            written.set(plan.writes().size());
            run.times().lap("write");
        } catch (PlanApplier.ApplyException e) {
            written.set(plan.writes().size()); // the applier restored or reported: nothing more to say
            throw GoalException.error("oci:migrate: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook runs and says where the run stopped
            }
        }
    }

    /** Writes the reports; gives the diff's file, or null. */
    private Path reports(GoalRun run, MigrationPlan plan, String diff, Path out) throws GoalException {
        try {
            run.times().lap("console");
            String from = "`mvn oci:migrate" + (dryRun ? " -Doci.dryRun=true" : "") + "` at "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Path> written = MigrateReports.write(plan, dryRun, diff, out, run.pathPrefix(), from);
            run.times().lap("reports");
            written.forEach(p -> run.log().info("Wrote " + p));
            return written.stream()
                    .filter(p -> p.getFileName().toString().equals(MigrateReports.DIFF))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw GoalException.error("cannot write reports to " + out + ": " + e.getMessage(), e);
        }
    }
}
