package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.catalog.OciReferences;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * An OCIRepository's url uses the {@code oci://} scheme, carries no tag or digest, and is a whole valid OCI reference
 * (host, then lowercase path components: {@link OciReferences}).
 */
public final class OciUrlRule extends DeclaredRule {

    public OciUrlRule() {
        super(
                "oci-url",
                Severity.ERROR,
                "OCIRepository spec.url starts with oci://, holds no tag or digest (those belong in spec.ref), and is a"
                        + " valid OCI reference (registry host, lowercase path components)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (KubeObject oci : context.tree().ociRepositories()) {
            if (context.tree().isPatchFile(oci.file())) {
                continue; // an overlay's patch of an OCIRepository, not an object: its base has the url
            }
            Node urlNode = Nodes.get(oci.root(), "spec", "url");
            String url = Nodes.text(oci.root(), "spec", "url");
            if (url == null) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        Nodes.get(oci.root(), "spec"),
                        "OCIRepository \"" + oci.name() + "\" has no spec.url; add url: oci://<registry>/<path>"));
                continue;
            }
            if (url.contains("${")) {
                continue;
            }
            if (!url.startsWith("oci://")) {
                out.add(VerifyContext.at(
                        this, oci, urlNode, "url \"" + url + "\" must start with oci:// (Flux rejects it)"));
                continue;
            }
            String path = url.substring("oci://".length());
            int slash = path.indexOf('/');
            String last = slash < 0 ? "" : path.substring(path.lastIndexOf('/') + 1);
            if (path.contains("@")) {
                out.add(VerifyContext.at(
                        this,
                        oci,
                        urlNode,
                        "url \"" + url + "\" holds a digest; move it to spec.ref.digest" + " and keep url: oci://"
                                + path.substring(0, path.indexOf('@'))));
            } else if (last.contains(":")) {
                String tag = last.substring(last.indexOf(':') + 1);
                out.add(VerifyContext.at(
                        this,
                        oci,
                        urlNode,
                        "url \"" + url + "\" holds the tag " + tag + "; move it to spec.ref.tag and keep url: "
                                + url.substring(0, url.lastIndexOf(':'))));
            } else {
                OciReferences.urlProblem(url)
                        .ifPresent(problem -> out.add(VerifyContext.at(
                                this,
                                oci,
                                urlNode,
                                "url \"" + OciReferences.shown(url) + "\" is not a valid OCI reference (" + problem
                                        + "); source-controller cannot parse it")));
            }
        }
        return out;
    }
}
