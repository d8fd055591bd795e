package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;

import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.migrate.FileChange;
import io.github.fluxoci.oci.migrate.Interval;
import io.github.fluxoci.oci.migrate.MigrateOptions;
import io.github.fluxoci.oci.migrate.MigratedRelease;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MigrationPlanner;
import io.github.fluxoci.oci.migrate.PlanApplier;
import io.github.fluxoci.oci.migrate.Prune;
import io.github.fluxoci.oci.migrate.ShareLayout;
import io.github.fluxoci.oci.migrate.ShareOptions;
import io.github.fluxoci.oci.migrate.SkippedRelease;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.Scanner;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Severity;
import io.github.fluxoci.oci.verify.Verifier;
import io.github.fluxoci.oci.verify.VerifyContext;
import io.github.fluxoci.oci.yaml.LineRange;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlEdits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrates the "before" tree of every before/after pair of {@code ../shared/corpora} (the releases the person
 * moved) and compares the meaning with the person's "after": which releases moved, OCI url, tag/semver,
 * chartRef name, whether the OCIRepository is listed. On those trees every changed file re-parses (the
 * planner checks it), every kustomization that {@code kubectl kustomize} built before still builds, and no
 * line outside the edited blocks changes. The comparison goes to {@code target/corpus-results/migrate.md};
 * {@code docs/corpus-results.md} explains every difference. Skipped when the corpora are absent.
 */
class CorpusMigrateTest {

    /** pair name, before, after, and the least agreement we accept (a regression guard, see docs). */
    record Pair(String name, String before, String after, int minMoved, int minUrl, int minRef, int minSharedName) {}

    static final List<Pair> PAIRS = List.of(
            new Pair("bjw-s", "bjw-s-labs__home-ops__eb67db8917", "bjw-s-labs__home-ops__51448c123a", 63, 60, 60, 61),
            new Pair("buroa", "buroa__k8s-gitops__7c20176b2e", "buroa__k8s-gitops__47f258d5d1", 41, 41, 41, 41),
            new Pair(
                    "billimek", "billimek__k8s-gitops__8ced668871", "billimek__k8s-gitops__d10312df7b", 48, 44, 47, 39),
            new Pair(
                    "fluxcd example",
                    "fluxcd__flux2-kustomize-helm-example__a484a05e92",
                    "fluxcd__flux2-kustomize-helm-example__2b8cffe3f7",
                    1,
                    1,
                    1,
                    1));

    static final Map<String, String> REPORT = new LinkedHashMap<>();

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> migrateEachBeforeTreeLikeThePerson() {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        Path corpora = CorpusScanTest.corpora();
        return PAIRS.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> check(corpora, p, null)));
    }

    /**
     * {@code -Doci.share=chart} with the layout these people used (one OCIRepository in flux-system, named with
     * {@code chartRef.namespace}): chartRef name and namespace agree with the person on at least 95% of the moved
     * releases, and every chartRef resolves in the build that deploys its release ({@code chartref-target}, the rule
     * {@code KustomizeOracleTest} holds to {@code kubectl kustomize}).
     */
    @TestFactory
    Stream<DynamicTest> migrateWithSharedSourcesLikeThePerson() {
        if (!TestFiles.corporaPresent()) {
            return TestFiles.skippedWithoutCorpora();
        }
        Path corpora = CorpusScanTest.corpora();
        ShareOptions share = new ShareOptions(true, ShareLayout.NAMESPACE, null, null, 2);
        return PAIRS.stream()
                .map(p -> DynamicTest.dynamicTest(p.name() + " (oci.share=chart)", () -> check(corpora, p, share)));
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        Path out = Path.of("target/corpus-results/migrate.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", REPORT.values()));
    }

    private void check(Path corpora, Pair pair, ShareOptions share) throws Exception {
        Path before = corpora.resolve(pair.before());
        Path after = corpora.resolve(pair.after());
        ChartCatalog catalog = ChartCatalog.withBuiltIn(List.of());
        ManifestTree beforeTree = TreeLoader.load(TreeOptions.of(before));
        ScanResult beforeScan = new Scanner(catalog).scan(beforeTree);
        ManifestTree afterTree = TreeLoader.load(TreeOptions.of(after));
        ScanResult afterScan = new Scanner(catalog).scan(afterTree);

        // the releases the person moved: chart.spec before, chartRef after, same file and name
        Map<String, ScannedRelease> beforeByKey = byKey(beforeScan);
        Map<String, ScannedRelease> personMoved = new LinkedHashMap<>();
        for (ScannedRelease r : afterScan.releases()) {
            ScannedRelease was = beforeByKey.get(key(r));
            if (r.status() == ReleaseStatus.OCI && was != null && was.status() != ReleaseStatus.OCI) {
                personMoved.put(key(r), r);
            }
        }
        List<String> wanted = personMoved.keySet().stream()
                .map(k -> beforeByKey.get(k).qualifiedName())
                .distinct()
                .toList();

        Path work = temp.resolve(pair.before() + (share != null ? "-shared" : ""));
        TestFiles.copyTree(before, work);
        ManifestTree workTree = TreeLoader.load(TreeOptions.of(work));
        MigrateOptions options = new MigrateOptions(
                wanted,
                List.of(),
                null,
                Interval.CHART,
                MigrateOptions.DEFAULT_SCHEMA,
                Prune.NONE,
                false,
                share,
                false);
        MigrationPlan plan = MigrationPlanner.plan(workTree, new Scanner(catalog).scan(workTree), options);
        PlanApplier.apply(work, plan.writes());

        assertNoLineOutsideTheEditsChanged(plan);
        List<String> kustomizeFailures = kustomizeStillBuilds(before, work, workTree, plan);
        assertThat(kustomizeFailures)
                .as("kustomizations that built before and fail after")
                .isEmpty();

        ScanResult ours = new Scanner(catalog).scan(TreeLoader.load(TreeOptions.of(work)));
        Map<String, ScannedRelease> oursByKey = byKey(ours);
        ManifestTree oursTree = TreeLoader.load(TreeOptions.of(work));
        int moved = 0;
        int url = 0;
        int ref = 0;
        int name = 0;
        int listed = 0;
        int sameApi = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, ScannedRelease> e : personMoved.entrySet()) {
            ScannedRelease theirs = e.getValue();
            ScannedRelease mine = oursByKey.get(e.getKey());
            if (mine == null || mine.status() != ReleaseStatus.OCI) {
                String why = plan.skipped().stream()
                        .filter(s ->
                                s.release().equals(beforeByKey.get(e.getKey()).qualifiedName()))
                        .map(SkippedRelease::reason)
                        .findFirst()
                        .orElse(String.join("; ", beforeByKey.get(e.getKey()).reasons()));
                differences.add("- `" + e.getKey() + "` not moved: "
                        + beforeByKey.get(e.getKey()).status() + " - " + why + " (person: `"
                        + theirs.oci().url() + "`)");
                continue;
            }
            moved++;
            boolean sameUrl = theirs.oci().url() != null
                    && ChartUrls.normalize(theirs.oci().url())
                            .equals(ChartUrls.normalize(mine.oci().url()));
            boolean sameRef = Objects.equals(theirs.oci().tag(), mine.oci().tag())
                    && Objects.equals(theirs.oci().semver(), mine.oci().semver());
            boolean sameName = Objects.equals(
                            theirs.source().name(), mine.source().name())
                    && Objects.equals(theirs.source().namespace(), mine.source().namespace());
            boolean bothListed = listed(afterTree, theirs) == listed(oursTree, mine);
            url += sameUrl ? 1 : 0;
            ref += sameRef ? 1 : 0;
            name += sameName ? 1 : 0;
            listed += bothListed ? 1 : 0;
            // the person wrote what their Flux serves (v1beta2 on Flux 2.5): so must we
            String theirApi = ociApiVersion(afterTree, theirs);
            String ourApi = ociApiVersion(oursTree, mine);
            if (theirApi != null && theirApi.equals(ourApi)) {
                sameApi++;
            } else if (theirApi != null) {
                differences.add("- `" + e.getKey() + "` OCIRepository apiVersion: ours `" + ourApi + "`, person `"
                        + theirApi + "`");
            }
            if (!sameUrl) {
                differences.add("- `" + e.getKey() + "` url: ours `"
                        + mine.oci().url() + "`, person `" + theirs.oci().url() + "`");
            }
            if (!sameRef) {
                differences.add("- `" + e.getKey() + "` ref: ours " + ref(mine) + ", person " + ref(theirs));
            }
            String whyNot = plan.migrated().stream()
                    .filter(m -> m.release()
                            .qualifiedName()
                            .equals(beforeByKey.get(e.getKey()).qualifiedName()))
                    .flatMap(m -> m.notes().stream())
                    .filter(x -> x.startsWith("not shared"))
                    .findFirst()
                    .map(x -> "; " + x)
                    .orElse("");
            if (!sameName) {
                differences.add("- `" + e.getKey() + "` chartRef: ours `"
                        + mine.source().name() + "`, person `"
                        + theirs.source().name() + "`"
                        + (share != null
                                ? " (ours in " + mine.source().namespace() + ", person in "
                                        + theirs.source().namespace() + ")"
                                : "")
                        + (theirs.source().namespace() != null
                                        && !Objects.equals(
                                                theirs.source().namespace(),
                                                theirs.namespace().value())
                                ? " in " + theirs.source().namespace()
                                : "")
                        + whyNot);
            }
            if (!bothListed) {
                differences.add("- `" + e.getKey() + "` OCIRepository listed: ours " + listed(oursTree, mine)
                        + ", person " + listed(afterTree, theirs));
            }
        }
        int n = personMoved.size();
        StringBuilder md = new StringBuilder("## " + pair.name() + (share != null ? ", -Doci.share=chart" : "") + " (`"
                + pair.before() + "` -> `" + pair.after() + "`)\n\n");
        md.append(
                "| person moved | we moved | same OCI url | same tag/semver | same chartRef name and namespace | OCIRepository listed alike |"
                        + " files changed | kustomizations built before and after |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(
                "| %d | %d | %d | %d | %d | %d | %d | %s |%n%n",
                n, moved, url, ref, name, listed, plan.changes().size(), KUSTOMIZE_CHECKED.get(pair.before())));
        md.append(differences.isEmpty() ? "No differences.\n" : String.join("\n", differences) + "\n");
        REPORT.put(pair.name() + (share != null ? " shared" : ""), md.toString());
        System.out.println(md);

        assertThat(moved).as("releases moved like the person did").isGreaterThanOrEqualTo(pair.minMoved());
        assertThat(url).as("same OCI url").isGreaterThanOrEqualTo(pair.minUrl());
        assertThat(ref).as("same tag/semver").isGreaterThanOrEqualTo(pair.minRef());
        assertThat(secretsNotWhereFluxReadsThem(oursTree, plan))
                .as("new OCIRepositories naming a Secret that their namespace does not have")
                .isEmpty();
        assertThat(sameApi)
                .as(
                        "OCIRepositories on the apiVersion the person's Flux serves (%s)",
                        ours.flux().tree().describe())
                .isEqualTo(moved);
        assertThat(MigrationPlanner.plan(oursTree, ours, options).changes())
                .as("a second run changes nothing")
                .isEmpty();
        if (share != null) {
            // bjw-s 61/63, buroa 41/41, fluxcd 1/1; billimek 39/48: 7 OCIRepositories named after the HelmRepository
            // they replace, and external-dns shared in its own namespace (docs/corpus-results.md)
            assertThat(name)
                    .as("chartRef name and namespace as the person wrote them")
                    .isGreaterThanOrEqualTo(pair.minSharedName());
            List<String> dangling = Verifier.verify(new VerifyContext(oursTree, ours, List.of(), List.of())).stream()
                    .filter(f -> f.rule().equals("chartref-target") && f.severity() == Severity.ERROR)
                    .map(Finding::describe)
                    .toList();
            assertThat(dangling)
                    .as("chartRefs that do not resolve in their build")
                    .isEmpty();
        }
    }

    static final Map<String, String> KUSTOMIZE_CHECKED = new LinkedHashMap<>();

    private static String ref(ScannedRelease r) {
        return r.oci().tag() != null
                ? "tag `" + r.oci().tag() + "`"
                : "semver `" + r.oci().semver() + "`";
    }

    /**
     * OCIRepositories the plan wrote whose {@code secretRef}/{@code certSecretRef} names a Secret their namespace does
     * not have: the tree holds no Secret (ExternalSecret, SealedSecret) of that name there, and no HelmRepository
     * there names it (where a HelmRepository reads a Secret, its owner keeps one, as with billimek's ghcr-auth).
     */
    private static List<String> secretsNotWhereFluxReadsThem(ManifestTree tree, MigrationPlan plan) {
        List<String> out = new ArrayList<>();
        for (MigratedRelease m : plan.migrated()) {
            if (m.reused()) {
                continue;
            }
            String ns = m.ociNamespace() != null
                    ? m.ociNamespace()
                    : m.release().namespace().value();
            KubeObject oci = SourceLookup.object(
                    tree, "OCIRepository", m.ociName(), ns, m.release().cluster());
            for (String field : List.of("secretRef", "certSecretRef")) {
                String secret = oci == null ? null : Nodes.text(oci.root(), "spec", field, "name");
                if (secret == null) {
                    continue;
                }
                boolean there = tree.objects().stream()
                        .anyMatch(o -> secret.equals(o.name())
                                && List.of("Secret", "ExternalSecret", "SealedSecret")
                                        .contains(o.kind())
                                && namespacesOf(tree, o).contains(ns));
                boolean readThereByFlux = tree.helmRepositories().stream()
                        .anyMatch(h -> secret.equals(Nodes.text(h.root(), "spec", field, "name"))
                                && namespacesOf(tree, h).contains(ns));
                if (!there && !readThereByFlux) {
                    out.add(oci.file().relativePath() + ": " + ns + "/" + m.ociName() + " spec." + field + " "
                            + secret);
                }
            }
        }
        return out;
    }

    private static List<String> namespacesOf(ManifestTree tree, KubeObject o) {
        List<String> out = new ArrayList<>();
        tree.instancesOf(o).forEach(i -> out.add(i.namespaceValue()));
        if (out.isEmpty()) {
            out.add(o.metadataNamespace());
        }
        return out;
    }

    /** The apiVersion of the OCIRepository a release's chartRef names. */
    private static String ociApiVersion(ManifestTree tree, ScannedRelease r) {
        KubeObject oci = SourceLookup.object(
                tree, "OCIRepository", r.source().name(), r.source().namespace(), r.cluster());
        return oci == null ? null : oci.apiVersion();
    }

    private static boolean listed(ManifestTree tree, ScannedRelease r) {
        if (r.oci().file() == null) {
            return false;
        }
        return tree.isBuilt(tree.file(r.oci().file()));
    }

    private static Map<String, ScannedRelease> byKey(ScanResult scan) {
        Map<String, ScannedRelease> out = new LinkedHashMap<>();
        scan.releases().forEach(r -> out.put(key(r), r));
        return out;
    }

    private static String key(ScannedRelease r) {
        return r.file() + "#" + r.name();
    }

    /** Lines removed or replaced in existing files lie in the edited blocks; lines added to kustomizations list the new file. */
    private static void assertNoLineOutsideTheEditsChanged(MigrationPlan plan) {
        Map<String, Set<Integer>> allowed = new LinkedHashMap<>();
        for (MigratedRelease m : plan.migrated()) {
            KubeObject hr = m.release().object();
            YamlEdits edits = new YamlEdits(hr.file().yaml());
            MappingNode spec = (MappingNode) Nodes.get(hr.root(), "spec");
            LineRange chart = edits.entryLines(spec, "chart");
            Set<Integer> lines = allowed.computeIfAbsent(hr.file().relativePath(), k -> new TreeSet<>());
            int first = hr.file().yaml().lineNumber(chart.start());
            int last = hr.file().yaml().lineNumber(Math.max(chart.start(), chart.end() - 1));
            for (int i = first - 2; i <= last; i++) {
                lines.add(i); // the block, and a renovate comment right above it
            }
            lines.add(hr.lineOf(Nodes.get(hr.root(), "apiVersion")));
        }
        for (FileChange c : plan.changes()) {
            if (c.isNew() || c.isDeletion()) {
                continue;
            }
            List<String> a = Arrays.asList(c.before().split("\n", -1));
            List<String> b = Arrays.asList(c.after().split("\n", -1));
            boolean kustomization = ManifestTree.isKustomizationFileName(
                    c.path().substring(c.path().lastIndexOf('/') + 1));
            for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
                for (int i = 0; i < d.getSource().size(); i++) {
                    int line = d.getSource().getPosition() + i + 1;
                    String text = d.getSource().getLines().get(i);
                    boolean emptyList = kustomization && text.matches("\\s*(resources|components):\\s*\\[\\s*]\\s*");
                    assertThat(allowed.getOrDefault(c.path(), Set.of()).contains(line)
                                    || text.contains("*")
                                    || emptyList)
                            .as(c.path() + ":" + line + " changed outside an edited block: " + text)
                            .isTrue();
                }
                if (kustomization) {
                    for (String added : d.getTarget().getLines()) {
                        assertThat(added.strip().endsWith("ocirepository.yaml")
                                        || added.strip().matches("- \\./[a-z0-9-]+\\.yaml")
                                        || added.strip().equals("resources:"))
                                .as(c.path() + " gained an unexpected line: " + added)
                                .isTrue();
                    }
                }
            }
        }
    }

    /** Every kustomization above a changed file that built before must build after. */
    private static List<String> kustomizeStillBuilds(Path before, Path after, ManifestTree tree, MigrationPlan plan)
            throws IOException, InterruptedException {
        KustomizeBuilds.Result r = KustomizeBuilds.stillBuild(before, after, tree, plan);
        KUSTOMIZE_CHECKED.put(before.getFileName().toString(), r.builtBefore() + " of " + r.folders());
        return r.failures();
    }
}
