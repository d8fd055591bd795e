package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A release still on a HelmRepository is an error unless the plugin's {@code <exceptions>} lists it with a reason
 * (reported as a note with that reason). A release the catalog or a mapping marks as unable to move (BLOCKED, with
 * its reason: the guide's ingress-nginx and vpa) is a warning naming that reason: nobody should need an exception
 * for what the plugin itself says cannot move.
 */
public final class HelmRepositorySourceRule extends DeclaredRule {

    public HelmRepositorySourceRule() {
        super(
                "helmrepository-source",
                Severity.ERROR,
                "a HelmRelease uses spec.chartRef to an OCIRepository, unless <exceptions> excuses it with a reason");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (ScannedRelease r : context.deployedReleases()) {
            Node sourceRef = Nodes.get(r.object().root(), "spec", "chart", "spec", "sourceRef");
            if (!"HelmRepository".equals(Nodes.text(sourceRef, "kind"))) {
                continue;
            }
            ReleaseException excuse = context.exceptions().stream()
                    .filter(e -> e.release() != null && r.isNamedBy(List.of(e.release()), false))
                    .findFirst()
                    .orElse(null);
            if (excuse != null) {
                out.add(new Finding(
                        id(),
                        Severity.NOTE,
                        r.file(),
                        r.object().lineOf(sourceRef),
                        r.object().columnOf(sourceRef),
                        r.qualifiedName() + " stays on HelmRepository " + Nodes.text(sourceRef, "name") + ": "
                                + excuse.reason(),
                        excuse.reason()));
                continue;
            }
            String excuseHint = "<exceptions><exception><release>" + r.qualifiedName()
                    + "</release><reason>...</reason></exception></exceptions>";
            if (r.status() == ReleaseStatus.BLOCKED) {
                out.add(new Finding(
                        id(),
                        Severity.WARNING,
                        r.file(),
                        r.object().lineOf(sourceRef),
                        r.object().columnOf(sourceRef),
                        r.qualifiedName() + " stays on HelmRepository "
                                + Nodes.text(sourceRef, "name") + ": it cannot move (" + String.join("; ", r.reasons())
                                + "); an <exceptions> entry turns this into a note"));
                continue;
            }
            String advice = r.status() == ReleaseStatus.MIGRATABLE
                    ? "run mvn oci:migrate -Doci.charts=" + r.qualifiedName()
                    : "no OCI source is known for chart " + r.chart() + " of "
                            + r.source().url() + ": add a <mapping> and run mvn oci:migrate, or excuse it with "
                            + excuseHint;
            out.add(VerifyContext.at(
                    this,
                    r.object(),
                    sourceRef,
                    r.qualifiedName() + " still uses HelmRepository " + Nodes.text(sourceRef, "name") + "; " + advice));
        }
        return out;
    }
}
