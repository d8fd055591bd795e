package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.flux.ApiSupport;
import io.github.fluxoci.oci.flux.FluxApis;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Flux objects on an apiVersion that the Flux their cluster runs does not serve (an error: the API server rejects
 * the object, and the whole Flux Kustomization that applies it fails), or serves as deprecated (a warning, naming the
 * last Flux release that serves it). Which versions each Flux serves comes from its CRDs ({@link FluxApis}); which
 * Flux a cluster runs from the tree ({@link FluxVersions}).
 */
public final class RemovedApiRule extends DeclaredRule {

    public RemovedApiRule() {
        super(
                "removed-api",
                Severity.ERROR,
                "Flux objects use an apiVersion that the tree's Flux serves (error), and not a deprecated one (warning)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        FluxApis apis = FluxApis.shipped();
        ManifestTree tree = context.tree();
        for (KubeObject o : tree.objects()) {
            if (o.kind() == null
                    || o.group() == null
                    || !o.group().endsWith(".toolkit.fluxcd.io")
                    || tree.isPatchFile(o.file())) {
                continue;
            }
            ApiSupport worst = null;
            FluxVersions.Stated worstFlux = null;
            for (FluxVersions.Stated flux : context.fluxOf(o).values()) {
                if (!flux.release().knows(o.group(), o.kind())) {
                    continue;
                }
                ApiSupport s = ApiSupport.of(apis, flux.release(), o.apiVersion(), o.kind());
                if ((s.notServed() || s.deprecated()) && (worst == null || !worst.notServed())) {
                    worst = s;
                    worstFlux = flux;
                }
            }
            if (worst != null) {
                out.add(finding(o, worst, worstFlux));
            }
        }
        return out;
    }

    private Finding finding(KubeObject o, ApiSupport s, FluxVersions.Stated flux) {
        String what = o.kind() + " \"" + o.name() + "\" uses " + o.apiVersion() + ", which ";
        String message = what + (s.notServed() ? s.whyNot() : s.deprecation()) + "; use " + s.replacement()
                + (flux.assumed()
                        ? " (Flux " + flux.release().version() + " is assumed: -Doci.fluxVersion sets it)"
                        : "");
        Finding at = VerifyContext.at(this, o, Nodes.get(o.root(), "apiVersion"), message);
        return s.notServed()
                ? at
                : new Finding(at.rule(), Severity.WARNING, at.file(), at.line(), at.column(), at.message());
    }
}
