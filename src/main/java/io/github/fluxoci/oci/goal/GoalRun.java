package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.flux.FluxVersionFinder;
import io.github.fluxoci.oci.git.GitWorkTree;
import io.github.fluxoci.oci.online.HelmIndexClient;
import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.online.OnlineOptions;
import io.github.fluxoci.oci.report.ConsoleReport;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.Plural;
import io.github.fluxoci.oci.report.ReportFormat;
import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.OnlineChecks;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.scan.TagEvidence;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.yaml.YamlLimits;

/**
 * One execution of a goal: its settings, where its lines go, and what every goal does the same way (read the tree
 * once, the catalog with the user's mappings, the scan with the online checks, paths shown from the repository root,
 * phase timings). Online options come from the build (credentials never leave its JVM): null when offline.
 */
public final class GoalRun {

    private final GoalSettings settings;
    private final GoalLog log;
    private final OnlineOptions online;
    private final String timingsBefore;
    private final PhaseTimes times = new PhaseTimes();
    private ManifestTree tree;
    private String pathPrefix;
    private Optional<GitWorkTree> gitWorkTree;

    /**
     * @param timingsBefore how the timings name what came before the goal ({@code JVM, Maven, plugin set-up})
     */
    public GoalRun(GoalSettings settings, GoalLog log, OnlineOptions online, String timingsBefore) {
        this.settings = settings;
        this.log = log;
        this.online = online;
        this.timingsBefore = timingsBefore;
    }

    /** Runs the goal: skipped in a module with no Flux object; an unforeseen input is an error with a message. */
    public void execute(Goal goal) throws GoalException {
        try {
            if (settings.skipWithoutFluxObjects() && holdsNoFluxObject()) {
                log.info("oci:" + settings.goal() + ": no Flux object in " + settings.rootLabel() + "; skipped");
                return;
            }
            times.lap("set-up");
            try {
                goal.run(this);
            } finally {
                times.lap("rest");
                if (settings.timings()) {
                    log.info("oci:" + settings.goal() + " timings: " + times.summary(timingsBefore));
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // one place for what the engine did not foresee: a message, not a stack trace (that stays behind -e)
            throw GoalException.error(
                    "oci:" + settings.goal() + " stopped on an input it does not understand (" + e + ")."
                            + " Exclude the file it names with -Doci.excludes=..., and please report it",
                    e);
        }
    }

    public GoalSettings settings() {
        return settings;
    }

    public GoalLog log() {
        return log;
    }

    /** Null when offline. */
    public OnlineOptions online() {
        return online;
    }

    public PhaseTimes times() {
        return times;
    }

    public Path directory() {
        return Path.of(settings.directory());
    }

    public Path outputDirectory() {
        return Path.of(settings.outputDirectory());
    }

    public String rootLabel() {
        return settings.rootLabel();
    }

    /**
     * A command line that runs a goal where this one ran, as it must be typed there: {@code mvn oci:migrate} in a
     * project, the plugin's coordinates and the {@code -dir} goal with {@code -Doci.directory} without one.
     */
    public String command(String goal, String... arguments) {
        String line = settings.goal().endsWith("-dir")
                ? "mvn io.github.fluxoci:oci-maven-plugin:" + ReportFormat.pluginVersion() + ":" + goal
                        + "-dir -Doci.directory=" + MigrateReports.shell(settings.directory())
                : "mvn oci:" + goal;
        return arguments.length == 0 ? line : line + " " + String.join(" ", arguments);
    }

    /** The tree, read once per execution. */
    public ManifestTree loadTree() throws GoalException {
        if (tree != null) {
            return tree;
        }
        if (settings.maxYamlNodes() <= 0 || settings.maxYamlDepth() <= 0) {
            throw GoalException.failure("oci.maxYamlNodes (" + settings.maxYamlNodes() + ") and oci.maxYamlDepth ("
                    + settings.maxYamlDepth() + ") must be positive; leave them out for the defaults (100000 and 200)");
        }
        try {
            tree = TreeLoader.load(TreeOptions.of(directory(), settings.includes(), settings.excludes())
                    .withMaxFileBytes(settings.maxFileBytes())
                    .withYamlLimits(new YamlLimits(settings.maxYamlNodes(), settings.maxYamlDepth()))
                    .withArtifactRoots(settings.artifactRoots()));
            times.lap("load (walk, read, parse, build model)");
            if (tree.files().isEmpty() && tree.problems().isEmpty() && !settings.skipWithoutFluxObjects()) {
                // a wrong but existing folder would otherwise end "0 HelmReleases in 0 files", BUILD SUCCESS
                throw GoalException.failure("oci.directory " + settings.directory() + " holds no YAML file"
                        + " (*.yaml, *.yml" + (settings.includes().isEmpty() ? "" : ", or oci.includes") + ")"
                        + "; point -Doci.directory at the folder that holds the Flux manifests");
            }
            return tree;
        } catch (IOException e) {
            throw GoalException.error("cannot read " + settings.directory() + ": " + e.getMessage(), e);
        }
    }

    private boolean holdsNoFluxObject() throws GoalException {
        if (!directory().toFile().isDirectory()) {
            return false;
        }
        return loadTree().objects().stream()
                .noneMatch(o -> o.group() != null
                        && (o.group().endsWith(".toolkit.fluxcd.io")
                                || o.group().equals("fluxcd.controlplane.io")));
    }

    /** The built-in catalog with the user's mappings first; every bad mapping is reported at once. */
    public ChartCatalog catalog() throws GoalException {
        List<ChartMapping> result = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ChartMapping m : settings.mappings()) {
            String problem = m.problem();
            if (problem != null) {
                errors.add("<mappings>: " + problem);
            } else {
                result.add(m);
            }
        }
        String prefer = settings.prefer() == null
                ? "upstream"
                : settings.prefer().trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("upstream", "mirror").contains(prefer)) {
            errors.add("oci.prefer \"" + settings.prefer() + "\" is not one of upstream, mirror");
        }
        if (!errors.isEmpty()) {
            throw GoalException.failure(String.join(System.lineSeparator(), errors));
        }
        ChartCatalog catalog = ChartCatalog.withBuiltIn(result);
        return prefer.equals("mirror") ? catalog.preferringMirrors() : catalog;
    }

    /** A scanner for the tree's Flux ({@code oci.fluxVersion} over what the tree states). */
    public Scanner scanner(ChartCatalog catalog) throws GoalException {
        String flux = settings.fluxVersion();
        if (flux != null && !flux.isBlank() && !FluxVersionFinder.isVersionOrRange(flux.trim())) {
            throw GoalException.failure(
                    "oci.fluxVersion \"" + flux + "\" is not a Flux version or range (such as 2.5.1 or 2.5.x)");
        }
        return new Scanner(catalog, flux);
    }

    /** The scan, with the online checks when they are on. */
    public ScanResult scan(ManifestTree tree) throws GoalException {
        ChartCatalog catalog = catalog();
        ScanResult result = scanner(catalog).scan(tree);
        times.lap("classify");
        OciRegistryClient registry =
                online == null ? null : new OciRegistryClient(online, line -> log.info("Online: " + line));
        if (registry != null) {
            log.info("Asking the registries (oci.online=true)");
            result = OnlineChecks.apply(tree, result, registry, new HelmIndexClient(online), catalog);
            refuseWhenNothingChecked(result);
        }
        ScanResult out = CriticalReleases.apply(result, settings.criticalReleases(), registry);
        times.lap(registry != null ? "online" : "classify");
        return out;
    }

    /**
     * Online checks asked for, and not one tag could be checked (registries unreachable, say): the run fails before
     * anything is written, rather than ending in BUILD SUCCESS with every release refused.
     */
    private static void refuseWhenNothingChecked(ScanResult result) throws GoalException {
        List<ScannedRelease> notChecked =
                result.releases().stream().filter(OnlineChecks::notChecked).toList();
        boolean anyChecked = result.releases().stream()
                .anyMatch(r -> r.oci() != null && r.oci().evidence() == TagEvidence.VERIFIED);
        if (!notChecked.isEmpty() && !anyChecked) {
            ScannedRelease first = notChecked.get(0);
            throw GoalException.failure("Online checks (-Doci.online=true): no tag could be checked ("
                    + Plural.of(notChecked.size(), "release")
                    + ", e.g. " + first.file() + ":" + first.line() + " " + first.qualifiedName() + ": "
                    + first.reasons().get(first.reasons().size() - 1) + "); nothing was written. Retry when the"
                    + " registries can be reached, or run without -Doci.online=true to accept unverified tags");
        }
    }

    /**
     * Logs the lines a console report gives, warnings as warnings, composing them only when the log shows some (not
     * under {@code mvn -q}).
     */
    public void console(Supplier<List<ConsoleReport.Line>> report) {
        if (!log.infoShown() && !log.warningsShown()) {
            return;
        }
        for (ConsoleReport.Line line : report.get()) {
            if (line.warning()) {
                log.warn(line.text());
            } else {
                log.info(line.text());
            }
        }
    }

    /** The git work tree that holds the directory, if any. */
    public Optional<GitWorkTree> gitWorkTree() {
        if (gitWorkTree == null) {
            gitWorkTree = GitWorkTree.of(directory().toAbsolutePath().normalize());
        }
        return gitWorkTree;
    }

    /** What leads from the root that paths are shown from to the scanned folder: empty, or ending in {@code /}. */
    public String pathPrefix() throws GoalException {
        if (pathPrefix == null) {
            String from = settings.pathsFrom() == null
                    ? "repository"
                    : settings.pathsFrom().trim().toLowerCase(Locale.ROOT);
            if (from.equals("directory")) {
                pathPrefix = "";
            } else if (!from.equals("repository")) {
                throw GoalException.failure(
                        "oci.pathsFrom \"" + settings.pathsFrom() + "\" is not one of repository, directory");
            } else {
                Path scanned = directory().toAbsolutePath().normalize();
                pathPrefix = gitWorkTree()
                        .filter(git -> !git.ignores(scanned))
                        .map(git -> git.relative(scanned))
                        .map(rel -> rel.isEmpty() ? "" : rel + "/")
                        .orElse("");
            }
        }
        return pathPrefix;
    }
}
