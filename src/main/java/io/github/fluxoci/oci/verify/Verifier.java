package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.fluxoci.oci.tree.ManifestFile;

/**
 * Runs every rule and gathers the findings, sorted by file, line and column. A file that no Flux entry point
 * builds is not deployed: its findings are kept as notes, never errors. A release built several times (a shared
 * component) yields one finding per distinct message.
 */
public final class Verifier {

    static final String NOT_DEPLOYED = " (not deployed: no Flux entry point builds this file)";

    public static List<Rule> rules() {
        return List.of(
                new ManifestParseRule(),
                new DeploymentModelRule(),
                new DuplicateKeyRule(),
                new FluxPathRule(),
                new ReleaseShapeRule(),
                new ChartRefTargetRule(),
                new SourceDeployedRule(),
                new LayerSelectorRule(),
                new OciUrlRule(),
                new OciRefRule(),
                new OciRefResolutionRule(),
                new SecretNamespaceRule(),
                new CrossNamespaceRefRule(),
                new HelmRepositorySourceRule(),
                new RemovedApiRule(),
                new FluxSchemaRule(),
                new StalePatchRule(),
                new KustomizationResourcesRule(),
                new OrphanHelmRepositoryRule(),
                new ExactTagRule(),
                new RenovateCoverageRule(),
                new OciTagExistsRule(),
                new DifferentArchiveRule(),
                new UnverifiedSignatureRule());
    }

    private Verifier() {}

    public static List<Finding> verify(VerifyContext context) {
        Set<Finding> out = new LinkedHashSet<>();
        for (Rule rule : rules()) {
            List<Finding> found;
            try {
                found = rule.check(context);
            } catch (RuntimeException | StackOverflowError e) {
                // one rule failing on an odd shape must not hide what the other rules find
                found = List.of(new Finding(
                        rule.id(),
                        Severity.ERROR,
                        ".",
                        1,
                        1,
                        "rule " + rule.id()
                                + " could not check this tree (" + e
                                + "); the other rules ran. Please report it with the file"
                                + " that causes it"));
            }
            for (Finding f : found) {
                out.add(undeployedAsNote(context, f));
            }
        }
        List<Finding> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Finding::file)
                .thenComparingInt(Finding::line)
                .thenComparingInt(Finding::column)
                .thenComparing(Finding::rule));
        return sorted;
    }

    private static Finding undeployedAsNote(VerifyContext context, Finding f) {
        if (!context.tree().hasEntryPoints() || f.severity() == Severity.NOTE) {
            return f;
        }
        ManifestFile file = context.tree().file(f.file());
        if (file == null || context.tree().isBuilt(file)) {
            return f;
        }
        return new Finding(f.rule(), Severity.NOTE, f.file(), f.line(), f.column(), f.message() + NOT_DEPLOYED);
    }
}
