package io.github.fluxoci.oci.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.goal.Goal;
import io.github.fluxoci.oci.goal.MigrateGoal;
import io.github.fluxoci.oci.migrate.MigrateOptions;

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
     * {@code cosign}: new OCIRepositories of charts signed with cosign, whose signing identity the catalog knows, get
     * {@code spec.verify} with {@code provider: cosign} and that {@code matchOIDCIdentity}; {@code none} writes no
     * verification.
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

    /**
     * Moves Flux objects on an apiVersion their Flux no longer serves (HelmRepository {@code v1beta1}, Kustomization
     * {@code v1beta2}, ...) to the one it writes, with the patches that name them, in the same plan; {@code false}
     * leaves every apiVersion but those of the releases migrate moves.
     */
    @Parameter(property = "oci.upgradeApis", defaultValue = "true")
    protected boolean upgradeApis;

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

    @Override
    protected Goal goal() {
        return new MigrateGoal(
                charts,
                namespaces,
                layout,
                interval,
                share,
                shareLayout,
                shareNamespace,
                shareFolder,
                shareMinReleases,
                verifySignatures,
                mirrorPrefix,
                schemaUrl,
                prune,
                includeUndeployed,
                upgradeApis,
                dryRun,
                showDiff,
                force);
    }
}
