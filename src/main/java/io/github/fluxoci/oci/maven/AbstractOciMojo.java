package io.github.fluxoci.oci.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.goal.Goal;
import io.github.fluxoci.oci.goal.GoalException;
import io.github.fluxoci.oci.goal.GoalLog;
import io.github.fluxoci.oci.goal.GoalRun;
import io.github.fluxoci.oci.goal.GoalSettings;
import io.github.fluxoci.oci.online.Credentials;
import io.github.fluxoci.oci.online.OnlineOptions;
import io.github.fluxoci.oci.online.RunBudget;
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

    /**
     * Releases ({@code name}, {@code namespace/name}) or namespaces that must pin an exact {@code ref.tag}: verify fails
     * on a {@code ref.semver} for them, and migrate never writes one (online it pins the newest matching tag;
     * offline such a release is not moved).
     */
    @Parameter(property = "oci.criticalReleases")
    protected List<String> criticalReleases;

    /**
     * Where paths in the console, the JSON reports and SARIF start: {@code repository} (the git work tree's top
     * level, so that links and code-scanning alerts resolve from the repository root; the scanned folder when it is
     * not in git or git ignores it) or {@code directory} (the scanned folder).
     */
    @Parameter(property = "oci.pathsFrom", defaultValue = "repository")
    protected String pathsFrom;

    /**
     * The Flux version the tree runs ({@code 2.5.1}, or a range such as {@code 2.5.x}), over what the tree states (a
     * FluxInstance's {@code spec.distribution.version}, flux-instance values, the {@code # Flux Version} header of
     * {@code gotk-components.yaml}). Migrate writes the apiVersions that Flux serves; verify checks against them.
     * Without it and without a statement in the tree, the newest Flux the plugin knows is assumed.
     */
    @Parameter(property = "oci.fluxVersion")
    protected String fluxVersion;

    /** For a chart the catalog knows at its publisher's registry and at a mirror: upstream (the default) or mirror. */
    @Parameter(property = "oci.prefer", defaultValue = "upstream")
    protected String prefer;

    /**
     * The folders (relative to {@code directory}) that CI pushes as the OCI artifact a cluster syncs, for a FluxInstance
     * whose {@code spec.sync.kind} is {@code OCIRepository} or {@code Bucket}: its sync path and the paths of the
     * Kustomizations building from that source are read below the folder. Without it, the one folder that holds the
     * sync path (and the most of those paths) is taken, and the reports say which.
     */
    @Parameter(property = "oci.artifactRoots")
    protected List<String> artifactRoots;

    /** Skips the goal. */
    @Parameter(property = "oci.skip", defaultValue = "false")
    protected boolean skip;

    /** The largest file read, in bytes; a larger one is reported (file named) and left out. */
    @Parameter(property = "oci.maxFileBytes", defaultValue = "33554432")
    protected long maxFileBytes;

    /**
     * How many nodes the aliases and merge keys of one YAML document may expand it to (at least; ten times its own
     * node count when larger): more is refused as an alias bomb, naming the file and line.
     */
    @Parameter(property = "oci.maxYamlNodes", defaultValue = "100000")
    protected int maxYamlNodes;

    /** How deep one YAML document may nest; deeper is refused, naming the file and line. */
    @Parameter(property = "oci.maxYamlDepth", defaultValue = "200")
    protected int maxYamlDepth;

    /**
     * Asks the registries (opt-in): whether the versions exist as OCI tags, whether a mirror lags behind the Helm
     * repository (scan, migrate), and rule oci-tag-exists (verify). Maven's offline mode ({@code -o}) wins.
     * Credentials come from settings.xml servers whose id is the registry host.
     */
    @Parameter(property = "oci.online", defaultValue = "false")
    protected boolean online;

    /** Registry hosts (host or host:port) reached over plain HTTP; loopback hosts always are. */
    @Parameter(property = "oci.insecureRegistries")
    protected List<String> insecureRegistries;

    /** Seconds each registry request may take. */
    @Parameter(property = "oci.onlineTimeout", defaultValue = "20")
    protected int onlineTimeout;

    /**
     * Token services (Bearer realms) on another host than their registry that may receive the registry's
     * credentials; Docker Hub's and GitLab's are allowed already. Any other realm is asked anonymously.
     */
    @Parameter(property = "oci.tokenHosts")
    protected List<String> tokenHosts;

    /** The largest registry answer read (tags list, manifest, token), in bytes. */
    @Parameter(property = "oci.onlineMaxBytes", defaultValue = "33554432")
    protected long onlineMaxBytes;

    /** The largest Helm repository index.yaml read, in bytes. */
    @Parameter(property = "oci.onlineMaxIndexBytes", defaultValue = "268435456")
    protected long onlineMaxIndexBytes;

    /** Seconds the whole run may spend online; checks left after that are reported as not checked. */
    @Parameter(property = "oci.onlineBudget", defaultValue = "300")
    protected int onlineBudget;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** The project's base directory (labels in reports are relative to it). */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** Prints where the time of this execution went (set-up, load, classify, rules, console, reports). */
    @Parameter(property = "oci.timings", defaultValue = "false")
    protected boolean timings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("oci:" + goalName() + " skipped (oci.skip=true)");
            return;
        }
        refuseUnknownProperties();
        if (projectLess()) {
            useFolderDefaults();
        }
        if (directory == null || !directory.isDirectory()) {
            throw new MojoFailureException("oci.directory " + directory + " is not a directory;"
                    + " set -Doci.directory=<folder with the Flux manifests>");
        }
        Goal goal;
        try {
            goal = goal();
        } catch (MojoFailureException e) {
            throw new MojoFailureException(ParameterHints.withHint(e.getMessage(), parameterElements()), e);
        }
        GoalSettings settings = settings();
        if (settings.skipWithoutFluxObjects() && !mentionsFlux(settings)) {
            // a module without a Flux object (a jar module of the build): no JVM started, no tree parsed
            getLog().info("oci:" + goalName() + ": no Flux object in " + settings.rootLabel() + "; skipped");
            return;
        }
        OnlineOptions online = onlineOptions();
        GoalLog log = new MavenGoalLog(getLog());
        try {
            new GoalRun(settings, log, online, "JVM, Maven, plugin set-up").execute(goal);
        } catch (GoalException e) {
            if (e.failure()) {
                throw new MojoFailureException(ParameterHints.withHint(e.getMessage(), parameterElements()));
            }
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /** This goal's parameters: {@code -D} property -> POM element (from the plugin descriptor). */
    private Map<String, String> parameterElements() {
        Map<String, String> out = new HashMap<>();
        if (mojoExecution == null
                || mojoExecution.getMojoDescriptor() == null
                || mojoExecution.getMojoDescriptor().getParameters() == null) {
            return out;
        }
        for (org.apache.maven.plugin.descriptor.Parameter p :
                mojoExecution.getMojoDescriptor().getParameters()) {
            String expression = p.getExpression();
            if (expression != null && expression.startsWith("${oci.")) {
                out.put(expression.substring(2, expression.length() - 1), p.getName());
            }
        }
        return out;
    }

    /** The goal's work, with its own parameters as the build gave them; a value it cannot take is a failure. */
    protected abstract Goal goal() throws MojoFailureException;

    /** The parameters every goal shares, resolved. */
    private GoalSettings settings() {
        List<String> leftOut = new ArrayList<>(excludes == null ? List.of() : excludes);
        leftOut.addAll(moduleExcludes());
        List<ChartMapping> chartMappings = mappings == null
                ? List.of()
                : mappings.stream().map(Mapping::toChartMapping).toList();
        return new GoalSettings(
                goalName(),
                directory.getAbsolutePath(),
                includes,
                leftOut,
                outputDirectory.getAbsolutePath(),
                chartMappings,
                criticalReleases,
                pathsFrom,
                rootLabel(),
                maxFileBytes,
                maxYamlNodes,
                maxYamlDepth,
                timings,
                !projectLess() && project != null,
                fluxVersion,
                artifactRoots,
                prefer);
    }

    private static boolean mentionsFlux(GoalSettings settings) throws MojoExecutionException {
        try {
            return TreeLoader.mentionsFlux(
                    TreeOptions.of(Path.of(settings.directory()), settings.includes(), settings.excludes())
                            .withMaxFileBytes(settings.maxFileBytes()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + settings.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An {@code oci.*} property on the command line that no goal of this plugin reads is a mistake (a typo such as
     * {@code -Doci.dryrun=true} would otherwise run for real): it fails the goal, naming the closest known one.
     */
    private void refuseUnknownProperties() throws MojoFailureException {
        if (session == null || mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
            return;
        }
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        List<String> errors = new ArrayList<>(UnknownProperties.errors(session.getUserProperties(), plugin));
        errors.addAll(ParameterValues.errors(
                session.getUserProperties(),
                mojoExecution.getMojoDescriptor(),
                plugin,
                ParameterValues.pomConfigurations(project, plugin)));
        if (!errors.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), errors));
        }
    }

    /** True for the goals that run without a project ({@code scan-dir}, ...): once, on a folder. */
    protected boolean projectLess() {
        return false;
    }

    protected String goalName() {
        return mojoExecution != null ? mojoExecution.getGoal() : "goal";
    }

    /**
     * Without a project: the folder is {@code oci.directory} (else the current one), and reports go to its
     * {@code target/oci} unless {@code oci.outputDirectory} is given.
     */
    private void useFolderDefaults() {
        if (directory == null || directory.getPath().contains("${")) {
            directory = new File(System.getProperty("user.dir"));
        }
        boolean outputGiven = session != null
                && (session.getUserProperties().containsKey("oci.outputDirectory")
                        || session.getSystemProperties().containsKey("oci.outputDirectory"));
        if (!outputGiven || outputDirectory == null || outputDirectory.getPath().contains("${")) {
            outputDirectory = new File(directory, "target/oci");
        }
    }

    /** The folders of this project's modules, as exclude patterns relative to {@code directory}. */
    private List<String> moduleExcludes() {
        List<String> out = new ArrayList<>();
        if (project == null || project.getModules() == null || project.getBasedir() == null) {
            return out;
        }
        Path dir = directory.toPath().toAbsolutePath().normalize();
        for (String module : project.getModules()) {
            Path m = project.getBasedir()
                    .toPath()
                    .resolve(module)
                    .toAbsolutePath()
                    .normalize();
            if (m.toString().endsWith(".xml")) {
                m = m.getParent();
            }
            if (m.startsWith(dir) && !m.equals(dir)) {
                out.add(dir.relativize(m).toString().replace(File.separatorChar, '/') + "/**");
            }
        }
        return out;
    }

    /** The online options, or null when offline (the default, or Maven's -o). */
    protected OnlineOptions onlineOptions() {
        if (!online) {
            return null;
        }
        if (session != null && session.isOffline()) {
            getLog().warn("oci.online=true but Maven runs offline (-o): no registry is asked");
            return null;
        }
        Map<String, Credentials> credentials = new HashMap<>();
        if (session != null && session.getSettings() != null) {
            for (Server server : session.getSettings().getServers()) {
                Server decrypted = server;
                if (settingsDecrypter != null) {
                    SettingsDecryptionResult result =
                            settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                    if (result.getServer() != null) {
                        decrypted = result.getServer();
                    }
                }
                if (decrypted.getUsername() != null && decrypted.getPassword() != null) {
                    credentials.put(
                            decrypted.getId(), new Credentials(decrypted.getUsername(), decrypted.getPassword()));
                }
            }
        }
        Set<String> insecure = insecureRegistries == null ? Set.of() : new HashSet<>(insecureRegistries);
        Set<String> tokens = tokenHosts == null ? Set.of() : new HashSet<>(tokenHosts);
        return new OnlineOptions(
                credentials,
                insecure,
                tokens,
                Duration.ofSeconds(Math.max(1, onlineTimeout)),
                3,
                Duration.ofSeconds(30),
                4,
                onlineMaxBytes,
                onlineMaxIndexBytes,
                RunBudget.startingNow(Duration.ofSeconds(Math.max(1, onlineBudget))));
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
