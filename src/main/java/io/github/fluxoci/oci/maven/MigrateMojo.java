package io.github.fluxoci.oci.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.git.GitWorkTree;
import io.github.fluxoci.oci.migrate.Interval;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.MirrorCheck;
import io.github.fluxoci.oci.migrate.MirrorPrefix;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.online.OnlineOptions;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareLayout;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.UnifiedDiff;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.ManifestTree;

/**
 * Moves every MIGRATABLE HelmRelease (or those named) to an OCIRepository, as the migration guide's steps do:
 * writes the OCIRepository, replaces {@code spec.chart} by {@code spec.chartRef}, lists the new file in the
 * release's kustomization, and changes no other byte. The whole plan is computed first and written only when
 * complete, each file atomically. Writes {@code migrate.json} and {@code migrate.md}.
 */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends AbstractOciMojo {

    /** Releases to migrate, by name or {@code namespace/name}, comma separated; empty = every MIGRATABLE release. */
    @Parameter(property = "oci.charts")
    protected List<String> charts;

    /** Only releases in these namespaces, comma separated. */
    @Parameter(property = "oci.namespaces")
    protected List<String> namespaces;

    /**
     * Where new OCIRepositories go: {@code file} (an ocirepository.yaml beside the release, listed in its
     * kustomization), {@code inline} (a document before the HelmRelease in its file), or {@code auto} (what the
     * tree already does; file when it has no OCIRepository yet).
     */
    @Parameter(property = "oci.layout", defaultValue = "auto")
    protected String layout;

    /**
     * {@code spec.interval} of new OCIRepositories: {@code chart} (the release's {@code spec.chart.spec.interval},
     * else 15m), {@code release} (the HelmRelease's {@code spec.interval}), or a duration such as {@code 1h}.
     */
    @Parameter(property = "oci.interval", defaultValue = MigrateOptions.DEFAULT_INTERVAL)
    protected String interval;

    /**
     * {@code none}: one OCIRepository per release. {@code chart}: releases of one chart at one version share one
     * (see {@code oci.shareLayout}).
     */
    @Parameter(property = "oci.share", defaultValue = "none")
    protected String share;

    /**
     * With {@code oci.share=chart}: {@code namespace} (one OCIRepository in {@code oci.shareNamespace}, named by each
     * release with {@code chartRef.namespace}) or {@code component} (a kustomize Component included by each namespace
     * folder; no cross-namespace reference).
     */
    @Parameter(property = "oci.shareLayout", defaultValue = "namespace")
    protected String shareLayout;

    /** The namespace of shared OCIRepositories in the namespace layout. */
    @Parameter(property = "oci.shareNamespace", defaultValue = "flux-system")
    protected String shareNamespace;

    /**
     * Where shared sources go, relative to the manifests folder: the folder of their files (namespace layout) or the
     * folder the components are made in (component layout). Empty: the folder the tree already uses.
     */
    @Parameter(property = "oci.shareFolder")
    protected String shareFolder;

    /** A chart at one version is shared when at least this many releases use it; fewer keep their own. */
    @Parameter(property = "oci.shareMinReleases", defaultValue = "2")
    protected int shareMinReleases;

    /**
     * {@code cosign}: new OCIRepositories of charts the catalog knows as signed with cosign get
     * {@code spec.verify.provider: cosign}; {@code none} writes no verification.
     */
    @Parameter(property = "oci.verify", defaultValue = "none")
    protected String verifySignatures;

    /**
     * Air-gapped clusters: new OCIRepositories point at this registry prefix instead of the chart's public location,
     * keeping the chart's repository path ({@code oci://registry.internal/charts} + {@code /org/chart}); the charts to
     * copy there are listed in {@code mirror.txt}.
     */
    @Parameter(property = "oci.mirrorPrefix")
    protected String mirrorPrefix;

    /** The yaml-language-server schema written above new OCIRepositories; {@code none} leaves the comment out. */
    @Parameter(property = "oci.schemaUrl", defaultValue = MigrateOptions.DEFAULT_SCHEMA)
    protected String schemaUrl;

    /**
     * Removes HelmRepositories (and their kustomization entries): {@code true} removes those this run left unused
     * (something used them before, nothing names them after); {@code all} also those nothing used before;
     * {@code false} none. A HelmRepository stays while any HelmRelease, overlay patch, HelmChart or substituted
     * name could still use it.
     */
    @Parameter(property = "oci.prune", defaultValue = "false")
    protected String prune;

    /** Also migrates releases in files that no Flux entry point builds (an archive, say); they are left alone by default. */
    @Parameter(property = "oci.includeUndeployed", defaultValue = "false")
    protected boolean includeUndeployed;

    /** Writes nothing: prints a summary and saves the unified diff as migrate.diff. */
    @Parameter(property = "oci.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** With {@code oci.dryRun}: also prints the whole diff to the console. */
    @Parameter(property = "oci.showDiff", defaultValue = "false")
    protected boolean showDiff;

    /**
     * Changes files that have uncommitted changes in git. Without it, migrate refuses to touch them, so that every
     * change it makes can be undone with git.
     */
    @Parameter(property = "oci.force", defaultValue = "false")
    protected boolean force;

    /** In a git work tree, the files migrate would change must have no uncommitted changes (unless oci.force). */
    private void refuseUncommittedChanges(MigrationPlan plan) throws MojoFailureException, MojoExecutionException {
        if (force) {
            return;
        }
        Optional<GitWorkTree> git = gitWorkTree();
        if (git.isEmpty()) {
            return;
        }
        List<Path> touched = plan.changes().stream().map(c -> directory.toPath().resolve(c.path())).toList();
        List<String> dirty;
        try {
            dirty = git.get().uncommitted(touched);
        } catch (IOException e) {
            throw new MojoExecutionException("oci:migrate: " + e.getMessage() + "; nothing was written", e);
        }
        if (!dirty.isEmpty()) {
            throw new MojoFailureException("oci:migrate wrote nothing: " + Plural.of(dirty.size(), "file") + " it would change "
                    + (dirty.size() == 1 ? "has" : "have") + " uncommitted changes (" + String.join(", ", dirty) + ")."
                    + " Commit or stash them first, so that git can undo what migrate does, or run with -Doci.force=true");
        }
    }

    /** The goal's options from its parameters; a value a parser refuses is a user error naming the parameter. */
    private MigrateOptions options() throws MojoFailureException {
        Layout chosen = parsed("oci.layout", () -> Layout.parse(layout));
        Prune pruning = parsed("oci.prune", () -> Prune.parse(prune));
        Interval every = parsed(null, () -> Interval.parse(interval));
        boolean byChart = parsed("oci.share", () -> ShareOptions.parseShare(share));
        ShareLayout form = parsed("oci.shareLayout", () -> ShareLayout.parse(shareLayout));
        ShareOptions sharing = parsed(null,
                () -> new ShareOptions(byChart, form, shareNamespace, shareFolder, shareMinReleases));
        boolean cosign = parsed("oci.verify", () -> MigrateOptions.parseVerify(verifySignatures));
        MirrorPrefix mirror = parsed(null, () -> MirrorPrefix.parse(mirrorPrefix));
        return new MigrateOptions(charts, namespaces, chosen, every, schemaUrl, pruning, includeUndeployed, sharing, cosign,
                mirror);
    }

    /**
     * A parameter read by {@code parse}: what it refuses ({@link IllegalArgumentException}) fails the goal with its
     * message, after {@code parameter: } when the message does not name the parameter itself.
     */
    private static <T> T parsed(String parameter, Supplier<T> parse) throws MojoFailureException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(parameter == null ? e.getMessage() : parameter + ": " + e.getMessage());
        }
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MigrateOptions options = options();
        ManifestTree tree = loadTree();
        OnlineOptions online = onlineOptions();
        ScanResult scan = scan(tree, online);
        MigrationPlan plan;
        try {
            plan = MigrationPlanner.plan(tree, scan, options);
            times.lap("plan");
        } catch (IllegalStateException e) {
            throw new MojoExecutionException("oci:migrate could not build a safe plan, nothing was written: " + e.getMessage(), e);
        }
        if (online != null && options.mirror().active()) {
            getLog().info("Asking the mirror for the charts to copy (oci.online=true)");
            OciRegistryClient mirrorRegistry = new OciRegistryClient(online);
            plan = MirrorCheck.apply(plan, mirrorRegistry::hasManifest);
            times.lap("online");
        }
        String diff = null;
        if (dryRun) {
            log(MigrateReports.console(plan, true, pathPrefix()));
            diff = UnifiedDiff.render(plan.changes());
            if (!diff.isEmpty() && showDiff) {
                getLog().info("");
                diff.lines().forEach(getLog()::info);
            }
        } else if (!plan.isEmpty() || !tree.leftovers().isEmpty()) {
            refuseUncommittedChanges(plan);
            PlanApplier.removeLeftovers(directory.toPath(), tree.leftovers()).forEach(getLog()::warn);
            try {
                PlanApplier.apply(directory.toPath(), plan.writes());
                times.lap("write");
            } catch (PlanApplier.ApplyException e) {
                throw new MojoExecutionException("oci:migrate: " + e.getMessage(), e);
            }
            log(MigrateReports.console(plan, false, pathPrefix())); // "Migrated N" only once the files are written
        } else {
            log(MigrateReports.console(plan, false, pathPrefix()));
        }
        if (plan.isEmpty()) {
            getLog().info("Nothing to change.");
        }
        String prefix = pathPrefix();
        scan.problems().forEach(p -> getLog().warn(prefix + p.describe()));
        if (plan.isEmpty() && plan.skipped().isEmpty() && Files.exists(outputDirectory.toPath().resolve(MigrateReports.JSON))) {
            // a run that plans nothing keeps the reports of the run that did something
            getLog().info("Reports of the previous run kept in " + outputDirectory);
            return;
        }
        Path diffFile = null;
        try {
            times.lap("console");
            List<Path> written = MigrateReports.write(plan, dryRun, diff, outputDirectory.toPath(), prefix);
            times.lap("reports");
            written.forEach(p -> getLog().info("Wrote " + p));
            diffFile = written.stream().filter(p -> p.getFileName().toString().equals(MigrateReports.DIFF)).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        if (plan.isEmpty()) {
            return;
        }
        if (dryRun) {
            getLog().info("Next: review " + (diffFile != null ? diffFile : MigrateReports.DIFF) + " (or -Doci.showDiff=true),"
                    + " then run the same command without -Doci.dryRun to write it");
        } else {
            getLog().info("Next: review the change (git diff), then run mvn verify before you commit it");
        }
    }
}
