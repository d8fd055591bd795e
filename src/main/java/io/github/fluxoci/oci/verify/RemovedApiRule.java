package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/** API versions that current Flux no longer serves: OCIRepository and HelmRepository v1beta1/2, HelmRelease v2beta1/2. */
public final class RemovedApiRule extends DeclaredRule {

    public RemovedApiRule() {
        super(
                "removed-api",
                Severity.ERROR,
                "OCIRepository, HelmRepository and HelmRelease use API versions that current Flux still serves");
    }

    /** apiVersion -> what replaces it and since when it is gone. */
    private static final Map<String, String> REMOVED = Map.of(
            "source.toolkit.fluxcd.io/v1beta1", "source.toolkit.fluxcd.io/v1 (v1beta1 is gone)",
            "source.toolkit.fluxcd.io/v1beta2", "source.toolkit.fluxcd.io/v1 (v1beta2 was removed in Flux 2.8)",
            "helm.toolkit.fluxcd.io/v2beta1", "helm.toolkit.fluxcd.io/v2 (v2beta1 was removed in Flux 2.7)",
            "helm.toolkit.fluxcd.io/v2beta2", "helm.toolkit.fluxcd.io/v2 (v2beta2 was removed in Flux 2.8)");

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject o : context.tree().objects()) {
            boolean relevant = (("OCIRepository".equals(o.kind()) || "HelmRepository".equals(o.kind()))
                            && "source.toolkit.fluxcd.io".equals(o.group()))
                    || ("HelmRelease".equals(o.kind()) && "helm.toolkit.fluxcd.io".equals(o.group()));
            String replacement = relevant ? REMOVED.get(o.apiVersion()) : null;
            if (replacement == null || context.tree().isPatchFile(o.file())) {
                continue;
            }
            out.add(VerifyContext.at(
                    this,
                    o,
                    Nodes.get(o.root(), "apiVersion"),
                    o.kind() + " \"" + o.name() + "\" uses " + o.apiVersion() + "; use " + replacement));
        }
        return out;
    }
}
