package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.online.OciRegistryClient;
import io.github.fluxoci.oci.scan.ChartVersions;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Online only ({@code -Doci.online=true}): every {@code ref.tag} of a chart OCIRepository exists in its registry
 * ({@code +} read as {@code _}, as Helm stores it), and every {@code ref.semver} matches at least one tag.
 */
public final class OciTagExistsRule extends OnlineRule {

    public OciTagExistsRule() {
        super(
                "oci-tag-exists",
                Severity.ERROR,
                "(online) the ref.tag of a chart OCIRepository exists in the registry, and a ref.semver matches a tag");
    }

    @Override
    List<Finding> check(VerifyContext context, OciRegistryClient registry) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject oci : OciRepositories.usedByChartRef(context)) {
            String url = Nodes.text(oci.root(), "spec", "url");
            String tag = Nodes.text(oci.root(), "spec", "ref", "tag");
            String semver = Nodes.text(oci.root(), "spec", "ref", "semver");
            if (url == null || url.contains("${") || (tag == null && semver == null)) {
                continue;
            }
            OciRegistryClient.Tags tags = registry.tags(url);
            if (!tags.known()) {
                out.add(new Finding(
                        id(),
                        Severity.WARNING,
                        oci.file().relativePath(),
                        oci.line(),
                        oci.column(),
                        "could not check " + url + ": " + tags.error()));
                continue;
            }
            if (semver == null) {
                String wanted = tag.replace('+', '_');
                if (!tags.tags().contains(wanted)) {
                    Node at = Nodes.get(oci.root(), "spec", "ref", "tag");
                    out.add(VerifyContext.at(
                            this,
                            oci,
                            at,
                            "tag " + wanted + " is not published at " + url
                                    + (tags.repositoryExists() ? "" : " (no such repository)")
                                    + "; pick a published version"));
                }
            } else {
                if (!ChartVersions.anyTagSatisfies(tags.tags(), semver)) {
                    out.add(VerifyContext.at(
                            this,
                            oci,
                            Nodes.get(oci.root(), "spec", "ref", "semver"),
                            "no tag at " + url + " matches semver \"" + semver
                                    + "\"; widen the range or pick a published version"));
                }
            }
        }
        return out;
    }
}
