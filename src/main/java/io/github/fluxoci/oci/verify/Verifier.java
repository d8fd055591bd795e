package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule and gathers the findings, sorted by file, line and column. */
public final class Verifier {

    public static List<Rule> rules() {
        return List.of(new ChartRefTargetRule(), new SourceDeployedRule(), new LayerSelectorRule(), new OciUrlRule(),
                new OciRefRule(), new ChartXorChartRefRule(), new HelmRepositorySourceRule(), new RemovedApiRule(),
                new StalePatchRule(), new KustomizationResourcesRule(), new OrphanHelmRepositoryRule(), new ExactTagRule(),
                new RenovateCoverageRule(), new OciTagExistsRule());
    }

    private Verifier() {
    }

    public static List<Finding> verify(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules()) {
            out.addAll(rule.check(context));
        }
        out.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::rule));
        return out;
    }
}
