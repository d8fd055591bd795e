package io.github.fluxoci.oci.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.fluxoci.oci.goal.Goal;
import io.github.fluxoci.oci.goal.VerifyGoal;
import io.github.fluxoci.oci.verify.ReleaseException;

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

    /**
     * Flux's controllers run with {@code --no-cross-namespace-refs=true} (multi-tenancy lockdown): a HelmRelease whose
     * {@code chartRef} names an OCIRepository of another namespace is an error, not a warning. Read from the tree too,
     * when a kustomization or FluxInstance of it patches that flag in.
     */
    @Parameter(property = "oci.noCrossNamespaceRefs", defaultValue = "false")
    protected boolean noCrossNamespaceRefs;

    @Override
    protected Goal goal() {
        List<ReleaseException> excuses = exceptions == null
                ? List.of()
                : exceptions.stream().map(Excuse::toReleaseException).toList();
        return new VerifyGoal(failOn, excuses, severities, noCrossNamespaceRefs);
    }
}
