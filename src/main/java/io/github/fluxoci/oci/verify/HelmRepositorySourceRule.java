package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A release still on a HelmRepository is an error unless the plugin's {@code <exceptions>} lists it with a reason
 * (the guide's ingress-nginx and vpa); excused releases are reported as notes with their reason.
 */
public final class HelmRepositorySourceRule implements Rule {

    @Override
    public String id() {
        return "helmrepository-source";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String description() {
        return "a HelmRelease uses spec.chartRef to an OCIRepository, unless <exceptions> excuses it with a reason";
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ScannedRelease r : context.scan().releases()) {
            Node sourceRef = Nodes.get(r.object().root(), "spec", "chart", "spec", "sourceRef");
            if (!"HelmRepository".equals(Nodes.text(sourceRef, "kind"))) {
                continue;
            }
            ReleaseException excuse = context.exceptions().stream()
                    .filter(e -> e.release() != null && VerifyContext.names(List.of(e.release()), r, false))
                    .findFirst().orElse(null);
            if (excuse != null) {
                out.add(new Finding(id(), Severity.NOTE, r.file(), r.object().lineOf(sourceRef), r.object().columnOf(sourceRef),
                        r.qualifiedName() + " stays on HelmRepository " + Nodes.text(sourceRef, "name") + ": " + excuse.reason()));
                continue;
            }
            String excuseHint = "<exceptions><exception><release>" + r.qualifiedName()
                    + "</release><reason>...</reason></exception></exceptions>";
            String advice = switch (r.status()) {
                case MIGRATABLE -> "run mvn oci:migrate -Doci.charts=" + r.qualifiedName();
                case BLOCKED -> "it cannot move (" + String.join("; ", r.reasons()) + "): excuse it with " + excuseHint;
                default -> "no OCI source is known for chart " + r.chart() + " of " + r.source().url()
                        + ": add a <mapping> and run mvn oci:migrate, or excuse it with " + excuseHint;
            };
            out.add(VerifyContext.at(this, r.object(), sourceRef, r.qualifiedName() + " still uses HelmRepository "
                    + Nodes.text(sourceRef, "name") + "; " + advice));
        }
        return out;
    }
}
