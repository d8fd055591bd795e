package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.catalog.CatalogAnswer;
import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.catalog.HelmRepositoryRef;
import io.github.fluxoci.oci.catalog.OciReferences;
import io.github.fluxoci.oci.catalog.OciSource;
import io.github.fluxoci.oci.flux.ApiSupport;
import io.github.fluxoci.oci.flux.FluxApis;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.semver.Version;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.tree.ResolvedNamespace;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlFile;

/**
 * Gives one HelmRelease its {@link ReleaseStatus}, the OCIRepository it has or would get, reasons and warnings.
 *
 * <p>Large because the classification is one ordered list of checks (the order is the precedence of the reasons a
 * user sees); each check is a short method.
 */
public final class ReleaseClassifier {

    /** The file name {@code oci:migrate} writes beside the release (the guide's layout). */
    public static final String OCI_REPOSITORY_FILE = "ocirepository.yaml";

    /** The name reported for a release without a plain-string {@code metadata.name}. */
    public static final String UNNAMED = "(no metadata.name)";

    private final ChartCatalog catalog;
    private final FluxVersions flux;

    /** A classifier for a tree that runs the newest Flux the plugin knows. */
    public ReleaseClassifier(ChartCatalog catalog) {
        this(catalog, FluxVersions.assumeNewest(FluxApis.shipped()));
    }

    /** A classifier for a tree whose clusters run {@code flux}. */
    public ReleaseClassifier(ChartCatalog catalog, FluxVersions flux) {
        this.catalog = catalog;
        this.flux = flux;
    }

    /**
     * Classifies one instance of a release ({@code instance} null: a document no entry point builds, read with its
     * own {@code metadata.namespace}).
     */
    public ScannedRelease classify(ManifestTree tree, KubeObject release, ObjectInstance instance) {
        return classify(tree, release, instance, TreeChartSources.none());
    }

    /** As {@link #classify(ManifestTree, KubeObject, ObjectInstance)}, also learning OCI sources from the tree. */
    public ScannedRelease classify(
            ManifestTree tree, KubeObject release, ObjectInstance instance, TreeChartSources learned) {
        return classify(tree, release, instance, learned, null);
    }

    /**
     * As {@link #classify(ManifestTree, KubeObject, ObjectInstance, TreeChartSources)}, with an OCI location proven
     * online ({@code proven}, or null) for a chart that neither the catalog nor the tree knows.
     */
    ScannedRelease classify(
            ManifestTree tree,
            KubeObject release,
            ObjectInstance instance,
            TreeChartSources learned,
            OciSource proven) {
        Finding f = new Finding(
                release, instance, instance != null ? instance.namespace() : ResolvedNamespace.ofMetadata(release));
        Node spec = Nodes.get(release.root(), "spec");
        if (release.name() == null) {
            return f.blocked(
                    "metadata.name is missing or not a plain string: Kubernetes rejects the object; give it a name");
        }
        if (spec != null && !(spec instanceof MappingNode)) {
            return f.blocked("spec is not a mapping: Flux rejects the release");
        }
        apiVersionWarning(release, instance).ifPresent(f::warn);
        if (instance == null) {
            f.warn("not deployed: no Flux entry point builds " + release.file().relativePath()
                    + " (oci:migrate leaves it alone; -Doci.includeUndeployed=true migrates it too)");
        } else if (!tree.hasEntryPoints() && !tree.isBuilt(release.file())) {
            f.warn("no kustomization lists " + release.file().name()
                    + ": Flux never applies it (add it to a kustomization.yaml's resources, or delete it)");
        }
        Node chartRef = Nodes.get(spec, "chartRef");
        Node chartSpec = Nodes.get(spec, "chart", "spec");
        if (chartRef != null) {
            return classifyChartRef(tree, f, chartRef, chartSpec != null);
        }
        if (chartSpec == null) {
            return f.blocked("neither spec.chart.spec nor spec.chartRef is set: the release names no chart");
        }
        return classifyChart(tree, f, spec, chartSpec, learned, proven);
    }

    /**
     * An apiVersion the cluster's Flux does not serve (migrate moves it when the new version's schema accepts what it
     * sets), or serves deprecated (migrate moves it along with a move to OCI only).
     */
    private Optional<String> apiVersionWarning(KubeObject release, ObjectInstance instance) {
        FluxApis apis = FluxApis.shipped();
        FluxVersions.Stated stated = flux.of(instance != null ? instance.cluster() : null);
        ApiSupport support = ApiSupport.of(apis, stated.release(), release.apiVersion(), "HelmRelease");
        if (support.notServed()) {
            return Optional.of("apiVersion " + release.apiVersion() + " " + support.whyNot() + "; use "
                    + support.replacement() + " (oci:migrate moves it, unless " + support.replacement()
                    + " lacks a field it sets)");
        }
        if (support.deprecated()) {
            return Optional.of("apiVersion " + release.apiVersion() + " " + support.deprecation() + "; use "
                    + support.replacement() + " (oci:migrate moves it when it moves the release to OCI)");
        }
        return Optional.empty();
    }

    /** A release on {@code spec.chart}: where its chart is on OCI, and whether it can move there. */
    private ScannedRelease classifyChart(
            ManifestTree tree, Finding f, Node spec, Node chartSpec, TreeChartSources learned, OciSource proven) {
        f.chart = Nodes.text(chartSpec, "chart");
        f.version = Nodes.text(chartSpec, "version");
        String sourceKind = Nodes.text(chartSpec, "sourceRef", "kind");
        String sourceName = Nodes.text(chartSpec, "sourceRef", "name");
        String sourceNs = Nodes.text(chartSpec, "sourceRef", "namespace");
        if (sourceNs == null) {
            sourceNs = f.ns.value();
        }
        if (!"HelmRepository".equals(sourceKind)) {
            f.source = new ChartSource(sourceKind, sourceName, sourceNs, null, null);
            return f.blocked(nonHelmRepositoryReason(sourceKind, f.chart));
        }
        String cluster = f.instance != null ? f.instance.cluster() : null;
        KubeObject repository = SourceLookup.object(tree, "HelmRepository", sourceName, sourceNs, cluster);
        HelmRepositoryRef repoRef = repository != null
                ? new HelmRepositoryRef(
                        sourceName,
                        sourceNs,
                        Nodes.text(repository.root(), "spec", "url"),
                        Nodes.text(repository.root(), "spec", "type"))
                : new HelmRepositoryRef(sourceName, sourceNs, null, null);
        f.source = new ChartSource(
                "HelmRepository",
                sourceName,
                sourceNs,
                repoRef.url(),
                repoRef.type() != null ? repoRef.type() : repository != null ? "default" : null);
        CatalogAnswer answer = lookup(f, repoRef, learned, proven);
        if (answer instanceof CatalogAnswer.Blocked blocked) {
            return f.blocked(
                    blocked.reason() + (blocked.mirror() != null ? " (mirror: " + blocked.mirror() + ")" : ""));
        }
        if (answer instanceof CatalogAnswer.NotFound) {
            f.reasons.add(unknownReason(repository, sourceName, sourceNs, repoRef, f.chart));
            f.reasons.addAll(otherPublishers(f.chart, repoRef, learned));
            return f.as(ReleaseStatus.UNKNOWN, null);
        }
        OciSource oci = ((CatalogAnswer.Found) answer).source();
        FluxVersions.Stated stated = flux.of(f.instance != null ? f.instance.cluster() : null);
        if (!stated.release().chartRef()) {
            return f.blocked(
                    stated.release().describe() + " (" + (stated.assumed() ? "assumed" : "from " + stated.where())
                            + ") has no spec.chartRef in its HelmRelease: upgrade Flux to 2.3 or later first; the chart is at "
                            + oci.url());
        }
        String shape = shapeProblem(f, spec, chartSpec);
        return shape != null ? f.blocked(shape) : migratable(tree, f, spec, chartSpec, oci);
    }

    /** The catalog's answer, else what was proven online, else what the tree itself shows. */
    private CatalogAnswer lookup(Finding f, HelmRepositoryRef repoRef, TreeChartSources learned, OciSource proven) {
        String chart = f.chart;
        CatalogAnswer answer = chart == null ? new CatalogAnswer.NotFound() : catalog.lookup(repoRef, chart);
        if (answer instanceof CatalogAnswer.NotFound && proven != null) {
            answer = new CatalogAnswer.Found(proven);
            f.warn(proven.note() + "; to know it offline too, add <mapping><repository>" + repoRef.url()
                    + "</repository><chart>" + chart + "</chart><oci>" + proven.url() + "</oci></mapping>");
        }
        if (answer instanceof CatalogAnswer.NotFound && chart != null) {
            Optional<OciSource> fromTree = learned.sourceFor(chart, repoRef.url(), catalog);
            if (fromTree.isPresent()) {
                answer = new CatalogAnswer.Found(fromTree.get());
                f.warn(fromTree.get().note() + ": the same chart is assumed there; check that it is the same"
                        + " publisher's chart (or add a <mapping>)");
            }
        }
        return answer;
    }

    /** Why an OCI url the tree uses for the same chart name is not assumed. */
    private static List<String> otherPublishers(String chart, HelmRepositoryRef repoRef, TreeChartSources learned) {
        List<String> out = new ArrayList<>();
        List<String> several = learned.conflicting(chart);
        String other = learned.onlyUrl(chart);
        if (other != null && repoRef.url() != null) {
            out.add("this tree pulls " + chart + " from " + other
                    + ", which looks like another publisher's chart"
                    + " than " + repoRef.url() + "'s: if it is the same, add <mapping><repository>" + repoRef.url()
                    + "</repository><chart>" + chart + "</chart><oci>" + other + "</oci></mapping>");
        }
        if (!several.isEmpty()) {
            out.add("this tree pulls " + chart + " from " + several.size() + " OCI urls (" + String.join(", ", several)
                    + "), so none is assumed");
        }
        return out;
    }

    /** Why a release whose chart is on OCI cannot be rewritten as written, or null. */
    private static String shapeProblem(Finding f, Node spec, Node chartSpec) {
        String duplicate = duplicateKeyOnTheEditedPath(f, spec, chartSpec);
        if (duplicate != null) {
            return duplicate;
        }
        if (Nodes.has(chartSpec, "valuesFile") && "helm.toolkit.fluxcd.io/v2".equals(f.release.apiVersion())) {
            return "spec.chart.spec.valuesFile is not a field of HelmRelease v2 (only v2beta1 and v2beta2 had it): the"
                    + " API server rejects the release as written; fix it (valuesFiles, or values) first";
        }
        if (Nodes.has(chartSpec, "valuesFiles") || Nodes.has(chartSpec, "valuesFile")) {
            return "spec.chart.spec.valuesFiles has no chartRef equivalent (helm-controller #814): the values would be"
                    + " lost; move them into spec.values or a valuesFrom ConfigMap first";
        }
        if (spec instanceof MappingNode specMap && specMap.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            boolean json = f.release.file().name().toLowerCase(Locale.ROOT).endsWith(".json");
            return (json ? "the release is a JSON file: " : "spec is written in flow style ({...}): ")
                    + "oci:migrate rewrites block-style YAML only; write "
                    + (json ? "the file as YAML" : "spec in block style")
                    + " first, or move it to chartRef by hand";
        }
        Optional<String> versionProblem = ChartVersions.chartVersionProblem(f.version);
        return versionProblem
                .map(p -> "version \"" + f.version + "\" is not a range Helm or Flux can read (" + p
                        + "): the HelmChart fails today and ref.semver would fail the same way; fix the version first")
                .orElse(null);
    }

    /**
     * A key written twice in a mapping that migrate edits ({@code spec}, {@code spec.chart}, {@code spec.chart.spec}):
     * kustomize refuses the file, and which of the two the author meant is theirs to say, not the plugin's.
     */
    private static String duplicateKeyOnTheEditedPath(Finding f, Node spec, Node chartSpec) {
        YamlFile yaml = f.release.file().yaml();
        if (yaml == null || yaml.duplicateKeys().isEmpty()) {
            return null;
        }
        List<Node> path = new ArrayList<>();
        path.add(f.release.root());
        path.add(spec);
        path.add(Nodes.get(spec, "chart"));
        path.add(chartSpec);
        for (Node n : path) {
            if (!(n instanceof MappingNode m)) {
                continue;
            }
            for (NodeTuple t : m.getValue()) {
                if (yaml.duplicateKeys().stream().anyMatch(d -> d == t.getKeyNode())) {
                    String key = ((ScalarNode) t.getKeyNode()).getValue();
                    int first = m.getValue().stream()
                            .filter(o -> o.getKeyNode() instanceof ScalarNode s
                                    && s.getValue().equals(key))
                            .mapToInt(o -> yaml.lineNumber(yaml.startOffset(o.getKeyNode())))
                            .findFirst()
                            .orElse(0);
                    return "the key \"" + key + "\" is written twice in the same mapping (lines " + first + " and "
                            + yaml.lineNumber(yaml.startOffset(t.getKeyNode())) + "): kustomize refuses the file;"
                            + " keep the one you mean, then migrate";
                }
            }
        }
        return null;
    }

    /**
     * Why the OCI artifact the release would get is not one an OCIRepository can name (a chart name with a space, a
     * {@code :} or a line break, an upper-case path, a version that is no OCI tag), or null: checked before anything is
     * written or listed for it.
     */
    private static String referenceProblem(Finding f, OciSource oci, String tag) {
        Optional<String> url = OciReferences.urlProblem(oci.url());
        if (url.isPresent()) {
            return "the OCI url this chart would get is not a valid OCI reference (" + url.get() + "): fix the chart"
                    + " name or the HelmRepository url, or add a <mapping> with the right <oci>";
        }
        if (tag != null && !ChartVersions.isSubstituted(tag)) {
            Optional<String> problem = OciReferences.tagProblem(tag);
            if (problem.isPresent()) {
                return "version \"" + f.version + "\" gives no OCI tag (" + problem.get() + "); fix the version first";
            }
        }
        return null;
    }

    /** A MIGRATABLE release: the OCIRepository it would get, and what a reviewer should know about the move. */
    private static ScannedRelease migratable(ManifestTree tree, Finding f, Node spec, Node chartSpec, OciSource oci) {
        ChartVersions.Ref ref = ChartVersions.ref(f.version);
        String tag = ChartVersions.withTagPrefix(ref.tag(), oci.tagPrefix());
        String reference = referenceProblem(f, oci, tag);
        if (reference != null) {
            return f.blocked(reference);
        }
        if (tag != null && !tag.equals(ref.tag())) {
            f.warn("tag written as " + tag + ": " + oci.url() + " tags its charts with a leading \"" + oci.tagPrefix()
                    + "\"; the version " + ref.tag() + " would not resolve there");
        }
        if (predates(ref, oci)) {
            return f.blocked("version " + ref.tag() + " predates " + oci.url() + ": the catalog records OCI releases of"
                    + " this chart from " + oci.since().version() + " on ("
                    + oci.since().source() + "); upgrade to "
                    + oci.since().version() + " or later on the HelmRepository first, or check with"
                    + " -Doci.online=true if you know this version is there");
        }
        versionWarnings(f, ref);
        droppedFieldWarnings(f, spec, chartSpec, oci);
        KubeObject release = f.release;
        String dir = release.file().directory();
        String ociFile = dir.isEmpty() ? OCI_REPOSITORY_FILE : dir + "/" + OCI_REPOSITORY_FILE;
        String kustomization = tree.listersOf(release.file().relativePath()).stream()
                .filter(e -> e.role() == KustomizeEntry.Role.RESOURCE)
                .map(e -> e.owner().file().relativePath())
                .findFirst()
                .orElse(null);
        OciTarget target = new OciTarget(
                oci.url(),
                oci.origin(),
                oci.provenance(),
                tag,
                ref.semver(),
                release.name(),
                ociFile,
                kustomization,
                oci.tagPrefix(),
                oci.cosign(),
                null);
        return f.as(ReleaseStatus.MIGRATABLE, withEvidence(target, ref, oci));
    }

    /** An exact version older than the first the catalog records at the OCI location. */
    private static boolean predates(ChartVersions.Ref ref, OciSource oci) {
        if (oci.since() == null || ref.tag() == null || ChartVersions.isSubstituted(ref.tag())) {
            return false;
        }
        Optional<Version> version = Version.parseTag(ref.tag());
        Optional<Version> since = Version.parse(oci.since().version());
        return version.isPresent() && since.isPresent() && version.get().compareTo(since.get()) < 0;
    }

    /**
     * How the tag is known offline: the tree pulls it from that registry already ({@code type: oci}), the catalog
     * records OCI releases of the chart from a version at or before it, or nothing does.
     */
    private static OciTarget withEvidence(OciTarget target, ChartVersions.Ref ref, OciSource oci) {
        if (OciSource.DERIVED.equals(oci.origin())) {
            return target.withEvidence(TagEvidence.IN_USE, oci.note() + ": the cluster pulls this version from there");
        }
        if (oci.since() != null && (ref.tag() == null || !ChartVersions.isSubstituted(ref.tag()))) {
            return target.withEvidence(
                    TagEvidence.CATALOG,
                    "the catalog records every release from " + oci.since().version() + " on ("
                            + oci.since().source() + ")");
        }
        return target.withEvidence(
                TagEvidence.UNVERIFIED,
                "offline, and the catalog does not record which versions " + oci.url() + " has");
    }

    private static void versionWarnings(Finding f, ChartVersions.Ref ref) {
        String chartVersion = f.version;
        if (chartVersion == null) {
            f.warn("no chart version: the OCIRepository gets ref.semver \"*\" (always the newest release);"
                    + " pin an exact version so upgrades are reviewed");
        } else if (ChartVersions.isSubstituted(chartVersion)) {
            f.warn("version \"" + chartVersion + "\" is a Flux substitution: ref.tag gets the same expression, so the"
                    + " OCIRepository must be built by the same Flux Kustomization (postBuild.substitute)");
        } else if (ref.semver() != null) {
            f.warn("version range \"" + chartVersion + "\" becomes ref.semver: Renovate cannot track ref.semver,"
                    + " so automated updates stop; pin an exact version to keep them");
        }
    }

    private static void droppedFieldWarnings(Finding f, Node spec, Node chartSpec, OciSource oci) {
        String reconcileStrategy = Nodes.text(chartSpec, "reconcileStrategy");
        if (reconcileStrategy != null) {
            f.warn("reconcileStrategy: " + reconcileStrategy + " has no OCIRepository equivalent and will be dropped"
                    + " (any new artifact digest upgrades the release)");
        }
        if (Nodes.has(spec, "chart", "metadata")) {
            f.warn("spec.chart.metadata (chart labels and annotations) has no chartRef equivalent and will be dropped");
        }
        String newChartName = ChartUrls.lastSegment(oci.url());
        if (f.chart != null
                && !f.chart.equals(newChartName)
                && !"InPlaceUpdate".equals(Nodes.text(spec, "upgrade", "chartNameChangeStrategy"))) {
            f.warn("chart name changes from " + f.chart + " to " + newChartName + ": Flux would uninstall and"
                    + " reinstall the release; set spec.upgrade.chartNameChangeStrategy: InPlaceUpdate"
                    + " (helm-controller v1.6.0+)");
        }
        if ("mirror".equals(oci.provenance())) {
            f.warn("source is a mirror (" + oci.url()
                    + "): new releases may arrive later than at the official repository");
        }
    }

    /** A release on {@code spec.chartRef}: already on OCI when it names an OCIRepository. */
    private ScannedRelease classifyChartRef(ManifestTree tree, Finding f, Node chartRef, boolean alsoChart) {
        String kind = Nodes.text(chartRef, "kind");
        String name = Nodes.text(chartRef, "name");
        String refNs = Nodes.text(chartRef, "namespace");
        if (refNs == null) {
            refNs = f.ns.value();
        }
        if (alsoChart) {
            f.warn("both spec.chart and spec.chartRef are set: Flux rejects the release (exactly one is allowed)");
        }
        if (kind == null || name == null) {
            return f.blocked(
                    "spec.chartRef needs kind (OCIRepository) and name, as a mapping: Flux rejects it as written");
        }
        if (!"OCIRepository".equals(kind)) {
            f.source = new ChartSource(kind, name, refNs, null, null);
            return f.blocked("chartRef points at a " + kind + ", not an OCIRepository: nothing for oci:migrate to do");
        }
        ObjectInstance deployed = f.instance == null
                ? null
                : tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", name, refNs, f.instance.cluster());
        KubeObject repo =
                deployed != null ? deployed.object() : SourceLookup.object(tree, "OCIRepository", name, refNs, null);
        if (f.instance != null
                && deployed == null
                && !name.contains("${")
                && (refNs == null || !refNs.contains("${"))) {
            String target = (refNs != null ? refNs + "/" : "") + name;
            f.warn(
                    repo == null
                            ? "chartRef names OCIRepository " + target
                                    + " but the tree has none: Flux reports \"chart not found\""
                            : "chartRef names OCIRepository " + target + " but no build deploys it"
                                    + SourceLookup.where(tree, refNs, f.instance.cluster()) + " ("
                                    + repo.file().relativePath() + " is built elsewhere or not at all):"
                                    + " Flux reports \"chart not found\"");
        }
        String url = repo != null ? Nodes.text(repo.root(), "spec", "url") : null;
        String tag = repo != null ? Nodes.text(repo.root(), "spec", "ref", "tag") : null;
        String semver = repo != null ? Nodes.text(repo.root(), "spec", "ref", "semver") : null;
        f.chart = url != null ? ChartUrls.lastSegment(url) : null;
        f.version = semver != null
                ? semver
                : tag != null ? tag : repo != null ? Nodes.text(repo.root(), "spec", "ref", "digest") : null;
        Optional<String> moved = catalog.movedTo(url);
        if (moved.isPresent()) {
            f.warn("the mirror organization of " + url + " was renamed: the chart is now published at "
                    + moved.get() + " (set spec.url of OCIRepository " + name
                    + " to it; the old name may stop receiving releases)");
        }
        f.source = new ChartSource("OCIRepository", name, refNs, url, null);
        String provenance = url != null ? catalog.provenanceOf(url) : null;
        String file = repo != null ? repo.file().relativePath() : null;
        return f.as(
                ReleaseStatus.OCI,
                new OciTarget(url, OciSource.TREE, provenance, tag, semver, name, file, null, null, false, null));
    }

    /** The release being classified and what is known about it so far. */
    private static final class Finding {
        final KubeObject release;
        final ObjectInstance instance;
        final ResolvedNamespace ns;
        final List<String> reasons = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        String chart;
        String version;
        ChartSource source;

        Finding(KubeObject release, ObjectInstance instance, ResolvedNamespace ns) {
            this.release = release;
            this.instance = instance;
            this.ns = ns;
        }

        void warn(String warning) {
            warnings.add(warning);
        }

        ScannedRelease blocked(String reason) {
            reasons.add(reason);
            return as(ReleaseStatus.BLOCKED, null);
        }

        ScannedRelease as(ReleaseStatus status, OciTarget target) {
            // the name the build gives it (a namePrefix, a postBuild variable), else the document's
            String name = instance != null && instance.name() != null
                    ? instance.name()
                    : release.name() != null ? release.name() : UNNAMED;
            return new ScannedRelease(
                    release, instance, name, ns, chart, version, status, source, target, reasons, warnings);
        }
    }

    private static String nonHelmRepositoryReason(String kind, String chart) {
        if ("GitRepository".equals(kind) || "Bucket".equals(kind)) {
            return "chart " + chart + " comes from a " + kind
                    + ": an OCIRepository needs a packaged chart in a registry" + " (publish it with helm push first)";
        }
        if ("OCIRepository".equals(kind)) {
            return "spec.chart.spec.sourceRef.kind: OCIRepository is rejected by Flux (Unsupported value);"
                    + " point spec.chartRef at the OCIRepository instead";
        }
        return "spec.chart.spec.sourceRef.kind "
                + (kind == null ? "is missing" : "\"" + kind + "\" is not a chart source");
    }

    private static String unknownReason(
            KubeObject repository, String name, String ns, HelmRepositoryRef ref, String chart) {
        if (repository == null) {
            return "HelmRepository " + (ns != null ? ns + "/" : "") + name
                    + " is not in the scanned tree, so its URL is"
                    + " unknown; scan the directory that holds it, or add <mapping><repository>" + name
                    + "</repository><chart>" + chart
                    + "</chart><oci>oci://...</oci></mapping> to the plugin's <mappings>";
        }
        if (ref.url() == null) {
            // never "chart x of null": say what is missing, where
            return "HelmRepository " + (ns != null ? ns + "/" : "") + name + " ("
                    + repository.file().relativePath() + ":" + repository.line() + ") has no spec.url the plugin can"
                    + " read, so chart " + chart
                    + " has no known OCI source; give it a url, or add <mapping><repository>"
                    + name + "</repository><chart>" + chart + "</chart><oci>oci://...</oci></mapping>";
        }
        return "no OCI source known for chart " + chart + " of " + ref.url() + "; add <mapping><repository>" + ref.url()
                + "</repository><chart>" + chart + "</chart><oci>oci://...</oci></mapping> to the plugin's <mappings>"
                + " (or <blocked>reason</blocked> if it has none)";
    }
}
