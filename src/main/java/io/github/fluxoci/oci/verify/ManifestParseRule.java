package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.Problem;

/**
 * A file that a build reaches but that cannot be read as YAML (not YAML, templated, an undefined alias, not UTF-8,
 * unreadable) fails that build on the cluster: an error at the place the parser stopped. A file nothing builds is a
 * warning (a note, under entry points), as Flux never reads it.
 */
public final class ManifestParseRule extends DeclaredRule {

    public ManifestParseRule() {
        super(
                "manifest-parse",
                Severity.ERROR,
                "every file a build reaches parses as UTF-8 YAML (otherwise kustomize, and so Flux, fails the whole build)");
    }

    @Override
    public List<Finding> check(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ManifestTree tree = context.tree();
        for (Problem p : tree.problems()) {
            ManifestFile file = tree.file(p.file());
            if (file == null || file.parsed()) {
                continue; // not a file that failed to parse (a path leaving the tree, a cycle: reported elsewhere)
            }
            String message = p.message()
                    + (context.reached(file)
                            ? "; the build that reaches it fails"
                            : tree.hasEntryPoints()
                                    ? "" // the verifier notes it as not deployed
                                    : "; no kustomization lists this file, so Flux never reads it (fix it or exclude it with oci.excludes)");
            out.add(new Finding(
                    id(),
                    context.fileSeverity(file),
                    p.file(),
                    Math.max(p.line(), 1),
                    Math.max(p.column(), 1),
                    message));
        }
        return out;
    }
}
