package io.github.fluxoci.oci.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.catalog.CatalogAnswer;
import io.github.fluxoci.oci.catalog.ChartCatalog;
import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.catalog.HelmRepositoryRef;
import io.github.fluxoci.oci.catalog.OciSource;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.tree.ResolvedNamespace;
import io.github.fluxoci.oci.yaml.Nodes;

/** Gives one HelmRelease its {@link ReleaseStatus}, the OCIRepository it has or would get, reasons and warnings. */
public final class ReleaseClassifier {

    /** The file name {@code oci:migrate} writes beside the release (the guide's layout). */
    public static final String OCI_REPOSITORY_FILE = "ocirepository.yaml";

    /** The name reported for a release without a plain-string {@code metadata.name}. */
    public static final String UNNAMED = "(no metadata.name)";

    private final ChartCatalog catalog;

    public ReleaseClassifier(ChartCatalog catalog) {
        this.catalog = catalog;
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
        ResolvedNamespace ns = instance != null ? instance.namespace() : ResolvedNamespace.ofMetadata(release);
        String cluster = instance != null ? instance.cluster() : null;
        Node spec = Nodes.get(release.root(), "spec");
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (release.name() == null) {
            reasons.add(
                    "metadata.name is missing or not a plain string: Kubernetes rejects the object; give it a name");
            return new ScannedRelease(
                    release, instance, UNNAMED, ns, null, null, ReleaseStatus.BLOCKED, null, null, reasons, warnings);
        }
        if (spec != null && !(spec instanceof MappingNode)) {
            reasons.add("spec is not a mapping: Flux rejects the release");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    null,
                    null,
                    ReleaseStatus.BLOCKED,
                    null,
                    null,
                    reasons,
                    warnings);
        }
        String version = release.version();
        if (version.equals("v2beta1") || version.equals("v2beta2")) {
            warnings.add("apiVersion " + release.apiVersion() + " was removed from Flux ("
                    + (version.equals("v2beta1") ? "2.7" : "2.8")
                    + "); use helm.toolkit.fluxcd.io/v2 (oci:migrate moves it)");
        }
        if (instance == null) {
            warnings.add(
                    "not deployed: no Flux entry point builds " + release.file().relativePath()
                            + " (oci:migrate leaves it alone; -Doci.includeUndeployed=true migrates it too)");
        } else if (!tree.hasEntryPoints() && !tree.isBuilt(release.file())) {
            warnings.add("no kustomization lists " + release.file().name()
                    + ": Flux never applies it (add it to a kustomization.yaml's resources, or delete it)");
        }
        Node chartRef = Nodes.get(spec, "chartRef");
        Node chartSpec = Nodes.get(spec, "chart", "spec");
        if (chartRef != null) {
            return classifyChartRef(tree, release, instance, ns, chartRef, chartSpec != null, reasons, warnings);
        }
        if (chartSpec == null) {
            reasons.add("neither spec.chart.spec nor spec.chartRef is set: the release names no chart");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    null,
                    null,
                    ReleaseStatus.BLOCKED,
                    null,
                    null,
                    reasons,
                    warnings);
        }
        String chart = Nodes.text(chartSpec, "chart");
        String chartVersion = Nodes.text(chartSpec, "version");
        String sourceKind = Nodes.text(chartSpec, "sourceRef", "kind");
        String sourceName = Nodes.text(chartSpec, "sourceRef", "name");
        String sourceNs = Nodes.text(chartSpec, "sourceRef", "namespace");
        if (sourceNs == null) {
            sourceNs = ns.value();
        }
        if (!"HelmRepository".equals(sourceKind)) {
            reasons.add(nonHelmRepositoryReason(sourceKind, chart));
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.BLOCKED,
                    new ChartSource(sourceKind, sourceName, sourceNs, null, null),
                    null,
                    reasons,
                    warnings);
        }
        KubeObject repository = SourceLookup.object(tree, "HelmRepository", sourceName, sourceNs, cluster);
        HelmRepositoryRef repoRef = repository != null
                ? new HelmRepositoryRef(
                        sourceName,
                        sourceNs,
                        Nodes.text(repository.root(), "spec", "url"),
                        Nodes.text(repository.root(), "spec", "type"))
                : new HelmRepositoryRef(sourceName, sourceNs, null, null);
        ChartSource source = new ChartSource(
                "HelmRepository",
                sourceName,
                sourceNs,
                repoRef.url(),
                repoRef.type() != null ? repoRef.type() : repository != null ? "default" : null);
        CatalogAnswer answer = chart == null ? new CatalogAnswer.NotFound() : catalog.lookup(repoRef, chart);
        if (answer instanceof CatalogAnswer.NotFound && proven != null) {
            answer = new CatalogAnswer.Found(proven);
            warnings.add(proven.note() + "; to know it offline too, add <mapping><repository>" + repoRef.url()
                    + "</repository><chart>" + chart + "</chart><oci>" + proven.url() + "</oci></mapping>");
        }
        if (answer instanceof CatalogAnswer.NotFound && chart != null) {
            Optional<OciSource> fromTree = learned.sourceFor(chart, repoRef.url(), catalog);
            if (fromTree.isPresent()) {
                answer = new CatalogAnswer.Found(fromTree.get());
                warnings.add(fromTree.get().note() + ": the same chart is assumed there; check that it is the same"
                        + " publisher's chart (or add a <mapping>)");
            }
        }

        if (answer instanceof CatalogAnswer.Blocked blocked) {
            reasons.add(blocked.reason() + (blocked.mirror() != null ? " (mirror: " + blocked.mirror() + ")" : ""));
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.BLOCKED,
                    source,
                    null,
                    reasons,
                    warnings);
        }
        if (answer instanceof CatalogAnswer.NotFound) {
            reasons.add(unknownReason(repository, sourceName, sourceNs, repoRef, chart));
            List<String> several = learned.conflicting(chart);
            String other = learned.onlyUrl(chart);
            if (other != null && repoRef.url() != null) {
                reasons.add("this tree pulls " + chart + " from " + other
                        + ", which looks like another publisher's chart"
                        + " than " + repoRef.url() + "'s: if it is the same, add <mapping><repository>" + repoRef.url()
                        + "</repository><chart>" + chart + "</chart><oci>" + other + "</oci></mapping>");
            }
            if (!several.isEmpty()) {
                reasons.add("this tree pulls " + chart + " from " + several.size() + " OCI urls ("
                        + String.join(", ", several) + "), so none is assumed");
            }
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.UNKNOWN,
                    source,
                    null,
                    reasons,
                    warnings);
        }
        OciSource oci = ((CatalogAnswer.Found) answer).source();
        if (Nodes.has(chartSpec, "valuesFiles") || Nodes.has(chartSpec, "valuesFile")) {
            reasons.add(
                    "spec.chart.spec.valuesFiles has no chartRef equivalent (helm-controller #814): the values would be"
                            + " lost; move them into spec.values or a valuesFrom ConfigMap first");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.BLOCKED,
                    source,
                    null,
                    reasons,
                    warnings);
        }
        if (spec instanceof MappingNode specMap && specMap.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            boolean json = release.file().name().toLowerCase(Locale.ROOT).endsWith(".json");
            reasons.add((json ? "the release is a JSON file: " : "spec is written in flow style ({...}): ")
                    + "oci:migrate rewrites block-style YAML only; write "
                    + (json ? "the file as YAML" : "spec in block style")
                    + " first, or move it to chartRef by hand");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.BLOCKED,
                    source,
                    null,
                    reasons,
                    warnings);
        }
        Optional<String> versionProblem = ChartVersions.chartVersionProblem(chartVersion);
        if (versionProblem.isPresent()) {
            reasons.add("version \"" + chartVersion + "\" is not a range Helm or Flux can read (" + versionProblem.get()
                    + "): the HelmChart fails today and ref.semver would fail the same way; fix the version first");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    chart,
                    chartVersion,
                    ReleaseStatus.BLOCKED,
                    source,
                    null,
                    reasons,
                    warnings);
        }
        ChartVersions.Ref ref = ChartVersions.ref(chartVersion);
        String tag = ChartVersions.withTagPrefix(ref.tag(), oci.tagPrefix());
        if (tag != null && !tag.equals(ref.tag())) {
            warnings.add("tag written as " + tag + ": " + oci.url() + " tags its charts with a leading \""
                    + oci.tagPrefix() + "\"; the version " + ref.tag() + " would not resolve there");
        }
        String semver = ref.semver();
        if (chartVersion == null) {
            warnings.add("no chart version: the OCIRepository gets ref.semver \"*\" (always the newest release);"
                    + " pin an exact version so upgrades are reviewed");
        } else if (ChartVersions.isSubstituted(chartVersion)) {
            warnings.add(
                    "version \"" + chartVersion + "\" is a Flux substitution: ref.tag gets the same expression, so the"
                            + " OCIRepository must be built by the same Flux Kustomization (postBuild.substitute)");
        } else if (semver != null) {
            warnings.add("version range \"" + chartVersion + "\" becomes ref.semver: Renovate cannot track ref.semver,"
                    + " so automated updates stop; pin an exact version to keep them");
        }
        String reconcileStrategy = Nodes.text(chartSpec, "reconcileStrategy");
        if (reconcileStrategy != null) {
            warnings.add(
                    "reconcileStrategy: " + reconcileStrategy + " has no OCIRepository equivalent and will be dropped"
                            + " (any new artifact digest upgrades the release)");
        }
        if (Nodes.has(spec, "chart", "metadata")) {
            warnings.add(
                    "spec.chart.metadata (chart labels and annotations) has no chartRef equivalent and will be dropped");
        }
        String newChartName = ChartUrls.lastSegment(oci.url());
        if (chart != null
                && !chart.equals(newChartName)
                && !"InPlaceUpdate".equals(Nodes.text(spec, "upgrade", "chartNameChangeStrategy"))) {
            warnings.add(
                    "chart name changes from " + chart + " to " + newChartName + ": Flux would uninstall and reinstall"
                            + " the release; set spec.upgrade.chartNameChangeStrategy: InPlaceUpdate (helm-controller v1.6.0+)");
        }
        if ("mirror".equals(oci.provenance())) {
            warnings.add("source is a mirror (" + oci.url()
                    + "): new releases may arrive later than at the official repository");
        }
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
                semver,
                release.name(),
                ociFile,
                kustomization,
                oci.tagPrefix(),
                oci.cosign());
        return new ScannedRelease(
                release,
                instance,
                release.name(),
                ns,
                chart,
                chartVersion,
                ReleaseStatus.MIGRATABLE,
                source,
                target,
                reasons,
                warnings);
    }

    private ScannedRelease classifyChartRef(
            ManifestTree tree,
            KubeObject release,
            ObjectInstance instance,
            ResolvedNamespace ns,
            Node chartRef,
            boolean alsoChart,
            List<String> reasons,
            List<String> warnings) {
        String kind = Nodes.text(chartRef, "kind");
        String name = Nodes.text(chartRef, "name");
        String refNs = Nodes.text(chartRef, "namespace");
        if (refNs == null) {
            refNs = ns.value();
        }
        if (alsoChart) {
            warnings.add(
                    "both spec.chart and spec.chartRef are set: Flux rejects the release (exactly one is allowed)");
        }
        if (kind == null || name == null) {
            reasons.add("spec.chartRef needs kind (OCIRepository) and name, as a mapping: Flux rejects it as written");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    null,
                    null,
                    ReleaseStatus.BLOCKED,
                    null,
                    null,
                    reasons,
                    warnings);
        }
        if (!"OCIRepository".equals(kind)) {
            reasons.add("chartRef points at a " + kind + ", not an OCIRepository: nothing for oci:migrate to do");
            return new ScannedRelease(
                    release,
                    instance,
                    release.name(),
                    ns,
                    null,
                    null,
                    ReleaseStatus.BLOCKED,
                    new ChartSource(kind, name, refNs, null, null),
                    null,
                    reasons,
                    warnings);
        }
        ObjectInstance deployed = instance == null
                ? null
                : tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", name, refNs, instance.cluster());
        KubeObject repo =
                deployed != null ? deployed.object() : SourceLookup.object(tree, "OCIRepository", name, refNs, null);
        String url = null;
        String tag = null;
        String semver = null;
        String file = null;
        if (instance != null
                && deployed == null
                && name != null
                && !name.contains("${")
                && (refNs == null || !refNs.contains("${"))) {
            String target = (refNs != null ? refNs + "/" : "") + name;
            warnings.add(
                    repo == null
                            ? "chartRef names OCIRepository " + target
                                    + " but the tree has none: Flux reports \"chart not found\""
                            : "chartRef names OCIRepository " + target + " but no build deploys it"
                                    + SourceLookup.where(tree, refNs, instance.cluster()) + " ("
                                    + repo.file().relativePath() + " is built elsewhere or not at all):"
                                    + " Flux reports \"chart not found\"");
        }
        if (repo != null) {
            url = Nodes.text(repo.root(), "spec", "url");
            tag = Nodes.text(repo.root(), "spec", "ref", "tag");
            semver = Nodes.text(repo.root(), "spec", "ref", "semver");
            file = repo.file().relativePath();
        }
        String chart = url != null ? ChartUrls.lastSegment(url) : null;
        String version = semver != null
                ? semver
                : tag != null ? tag : repo != null ? Nodes.text(repo.root(), "spec", "ref", "digest") : null;
        String provenance = url != null ? catalog.provenanceOf(url) : null;
        Optional<String> moved = catalog.movedTo(url);
        if (moved.isPresent()) {
            warnings.add("the mirror organization of " + url + " was renamed: the chart is now published at "
                    + moved.get() + " (set spec.url of OCIRepository " + name
                    + " to it; the old name may stop receiving releases)");
        }
        return new ScannedRelease(
                release,
                instance,
                release.name(),
                ns,
                chart,
                version,
                ReleaseStatus.OCI,
                new ChartSource("OCIRepository", name, refNs, url, null),
                new OciTarget(url, OciSource.TREE, provenance, tag, semver, name, file, null),
                reasons,
                warnings);
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
        return "no OCI source known for chart " + chart + " of " + ref.url() + "; add <mapping><repository>" + ref.url()
                + "</repository><chart>" + chart + "</chart><oci>oci://...</oci></mapping> to the plugin's <mappings>"
                + " (or <blocked>reason</blocked> if it has none)";
    }
}
