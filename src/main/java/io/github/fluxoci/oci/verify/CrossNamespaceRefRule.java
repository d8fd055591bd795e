package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * A HelmRelease whose {@code chartRef} names an OCIRepository of another namespace. Flux accepts it unless its
 * controllers run with {@code --no-cross-namespace-refs=true}, the multi-tenancy lockdown, which refuses it: a warning
 * that names that consequence, and an error where the lockdown is on ({@code oci.noCrossNamespaceRefs}, or a
 * kustomization or FluxInstance of the tree that patches the flag into the controllers).
 */
public final class CrossNamespaceRefRule extends DeclaredRule {

    private static final Pattern LOCKDOWN = Pattern.compile("--no-cross-namespace-refs(=true)?\\b(?!=false)");

    public CrossNamespaceRefRule() {
        super(
                "cross-namespace-ref",
                Severity.WARNING,
                "a chartRef names an OCIRepository of the release's own namespace (an error where Flux runs with"
                        + " --no-cross-namespace-refs=true)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        String lockdown =
                context.noCrossNamespaceRefs() ? "-Doci.noCrossNamespaceRefs=true" : lockdownIn(context.tree());
        for (ScannedRelease r : context.deployedReleases()) {
            Node ref = Nodes.get(r.object().root(), "spec", "chartRef", "namespace");
            String target = Nodes.text(r.object().root(), "spec", "chartRef", "namespace");
            String ns = r.namespace().value();
            if (target == null || target.contains("${") || ns == null || target.equals(ns)) {
                continue;
            }
            String what = "HelmRelease " + r.qualifiedName() + " names OCIRepository " + target + "/"
                    + Nodes.text(r.object().root(), "spec", "chartRef", "name") + " in another namespace: ";
            Finding f = VerifyContext.at(
                    this,
                    r.object(),
                    ref,
                    lockdown != null
                            ? what + "Flux runs with --no-cross-namespace-refs=true (" + lockdown + ") and refuses it;"
                                    + " put an OCIRepository in " + ns
                            : what + "Flux refuses it where its controllers run with --no-cross-namespace-refs=true"
                                    + " (multi-tenancy lockdown)");
            out.add(
                    lockdown != null
                            ? new Finding(f.rule(), Severity.ERROR, f.file(), f.line(), f.column(), f.message())
                            : f);
        }
        return out;
    }

    /** Where the tree turns the lockdown on (a kustomization's or FluxInstance's patch of the controllers), or null. */
    static String lockdownIn(ManifestTree tree) {
        for (ManifestFile f : tree.files()) {
            boolean patches = ManifestTree.isKustomizationFileName(f.name())
                    || f.objects().stream().anyMatch(o -> "FluxInstance".equals(o.kind()));
            if (!patches || !f.parsed()) {
                continue;
            }
            Matcher m = LOCKDOWN.matcher(f.yaml().text());
            if (m.find()) {
                return f.relativePath() + ":" + f.yaml().lineNumber(m.start());
            }
        }
        return null;
    }
}
