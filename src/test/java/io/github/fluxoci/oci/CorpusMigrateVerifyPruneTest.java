package io.github.fluxoci.oci;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.migrate.Layout;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigratedRelease;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.PrunedRepository;
import io.github.fluxoci.oci.report.MigrateReports;
import io.github.fluxoci.oci.report.ReportSchemas;
import io.github.fluxoci.oci.report.ScanJson;
import io.github.fluxoci.oci.report.VerifyReports;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real tree of {@code ../shared/corpora}, migrated by the plugin (every MIGRATABLE release, with
 * {@code -Doci.prune=all}), then verified:
 * <ul>
 * <li>no {@code chartref-target} or {@code source-deployed} error: every chartRef the plugin wrote resolves in the
 * build that deploys the release;</li>
 * <li>no HelmRepository is removed that any HelmRelease or HelmChart document left in the tree still names in a
 * {@code sourceRef} (read with a plain YAML loader, not with the plugin's own model).</li>
 * </ul>
 * Skipped when the corpora are absent.
 */
class CorpusMigrateVerifyPruneTest {

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> migratedCorpusTreesVerifyAndKeepEveryNamedRepository() throws IOException {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        return TestFiles.corpusTrees().stream()
                .map(t -> DynamicTest.dynamicTest(t.getFileName().toString(), () -> check(t)));
    }

    private void check(Path source) throws Exception {
        Path work = temp.resolve(source.getFileName().toString());
        TestFiles.copyTree(source, work);
        KustomizeBuilds.stubSopsSecrets(work);
        Path pristine = temp.resolve(source.getFileName() + "-before");
        TestFiles.copyTree(work, pristine);
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        ManifestTree tree = TreeLoader.load(TreeOptions.of(work));
        ScanResult before = new Scanner(catalog).scan(tree);
        MigrationPlan plan = MigrationPlanner.plan(
                tree, before, new MigrateOptions(List.of(), List.of(), Layout.AUTO, null, "none", Prune.ALL, false));
        PlanApplier.apply(work, plan.writes());
        KustomizeBuilds.Result builds = KustomizeBuilds.stillBuild(pristine, work, tree, plan);
        assertThat(builds.failures())
                .as(
                        "kustomization folders that built before migrate and fail after it (%d compared)",
                        builds.builtBefore())
                .isEmpty();
        ReportSchemas.assertScanJson(ScanJson.render(before));
        ReportSchemas.assertMigrateJson(MigrateReports.json(plan, false));

        Set<String> migratedFiles = new HashSet<>();
        for (MigratedRelease m : plan.migrated()) {
            migratedFiles.add(m.release().file() + "#" + m.release().name());
        }
        Set<String> stillNamed = namedSources(work);
        List<String> wronglyPruned = new ArrayList<>();
        for (PrunedRepository p : plan.pruned()) {
            if (stillNamed.contains(p.name())) {
                wronglyPruned.add(p.name() + " (" + p.file() + ")");
            }
        }
        ManifestTree after = TreeLoader.load(TreeOptions.of(work));
        List<Finding> findings =
                Verifier.verify(new VerifyContext(after, new Scanner(catalog).scan(after), List.of(), List.of()));
        ReportSchemas.assertVerifyJson(VerifyReports.json(findings));
        ReportSchemas.assertSarif(VerifyReports.sarif(findings, Verifier.rules(), "test"));
        List<String> broken = findings.stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> f.rule().equals("chartref-target") || f.rule().equals("source-deployed"))
                .map(Finding::describe)
                .toList();
        Set<String> created = new HashSet<>();
        plan.changes().stream().filter(c -> c.isNew()).forEach(c -> created.add(c.path()));
        List<String> onOwnOutput = findings.stream()
                .filter(f -> f.severity() != Severity.NOTE && created.contains(f.file()))
                .map(Finding::describe)
                .toList();
        assertThat(onOwnOutput).as("findings on files the plugin itself wrote").isEmpty();
        System.out.printf(
                "%s: %d migrated, %d skipped, %d HelmRepositories pruned, %d findings%n",
                source.getFileName(),
                plan.migrated().size(),
                plan.skipped().size(),
                plan.pruned().size(),
                findings.size());
        assertThat(wronglyPruned)
                .as("pruned although a document still names them")
                .isEmpty();
        assertThat(broken)
                .as("chartRef errors after the plugin's own migration")
                .isEmpty();
    }

    /** Names of HelmRepositories that HelmRelease and HelmChart documents of the tree name, read as plain YAML. */
    @SuppressWarnings("unchecked")
    private static Set<String> namedSources(Path root) throws IOException {
        Set<String> out = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .toList();
        }
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r)) {
                    if (!(doc instanceof Map<?, ?> m)) {
                        continue;
                    }
                    Object spec = m.get("spec");
                    Object sourceRef = null;
                    if ("HelmRelease".equals(m.get("kind"))
                            && spec instanceof Map<?, ?> sp
                            && sp.get("chart") instanceof Map<?, ?> chart
                            && chart.get("spec") instanceof Map<?, ?> cs) {
                        sourceRef = cs.get("sourceRef");
                    } else if ("HelmChart".equals(m.get("kind")) && spec instanceof Map<?, ?> sp) {
                        sourceRef = sp.get("sourceRef");
                    }
                    if (sourceRef instanceof Map<?, ?> ref && ref.get("name") instanceof String name) {
                        out.add(name.replaceAll("^\\$\\{[^}:]*:?[-=]([^}]*)}$", "$1"));
                    }
                }
            } catch (RuntimeException e) {
                // not YAML (templates, SOPS leftovers): the plugin stops pruning on such trees anyway
            }
        }
        return out;
    }
}
