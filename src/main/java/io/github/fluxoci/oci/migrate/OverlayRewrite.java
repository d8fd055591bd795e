package io.github.fluxoci.oci.migrate;

import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.scan.ChartVersions;
import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

import static io.github.fluxoci.oci.yaml.YamlEdits.stringScalar;

/**
 * A Kustomize overlay that sets {@code spec.chart.spec.version} of a release being migrated (the fluxcd example's
 * staging overlay): the version moves to a new strategic-merge patch of the OCIRepository's {@code spec.ref},
 * listed under the same kustomization's {@code patches}, and {@code spec.chart} leaves the HelmRelease patch
 * (the whole patch goes when nothing else is left in it). A version of the other kind than the base's (an exact
 * version over a base range, or the reverse) also clears the base's field: {@code ref: {tag: 3.3.4, semver: null}}
 * (a strategic-merge patch deletes a key set to null, and Flux would otherwise prefer the base's semver). Anything
 * else in {@code spec.chart} is refused: the release stays as it is.
 *
 * @param patch       the HelmRelease patch
 * @param entry       the kustomization entry that applies it
 * @param list        the kustomization list that holds that entry ({@code patches} or {@code patchesStrategicMerge})
 * @param listItem    the item of that list (a mapping with a path key, or a bare scalar)
 * @param tag         the tag the OCIRepository patch sets, or null
 * @param semver      the semver it sets, or null
 * @param emptyAfter  true when the HelmRelease patch holds nothing but {@code spec.chart}
 * @param clearsBase  true when the base sets the other field of {@code ref}, which the patch then sets to null
 */
record OverlayRewrite(
        ReleasePatch patch,
        KustomizeEntry entry,
        SequenceNode list,
        Node listItem,
        String tag,
        String semver,
        boolean emptyAfter,
        boolean clearsBase) {

    private static final Set<String> IDENTITY = Set.of("apiVersion", "kind", "metadata");

    /** The rewrite of one overlay of {@code release}, or a refusal that says why it cannot be made safely. */
    static OverlayRewrite of(ReleasePatch patch, ScannedRelease release, ManifestTree tree) throws Refusal {
        String where = "the Kustomize patch " + patch.file() + ":" + patch.line() + " (applied by "
                + String.join(", ", patch.patchedBy()) + ")";
        if (!patch.chartFields().equals(List.of("spec.chart.spec.version"))) {
            throw new Refusal(where + " sets " + String.join(", ", patch.chartFields()) + "; only a version can move to"
                    + " the OCIRepository's spec.ref: move the rest by hand, then run again");
        }
        List<KustomizeEntry> entries = tree.listersOf(patch.file()).stream()
                .filter(e -> e.role() == KustomizeEntry.Role.PATCH)
                .toList();
        if (patch.object().file().objects().size() != 1 || entries.size() != 1) {
            throw new Refusal(where + " must be the only document of its file and be applied by exactly one"
                    + " kustomization to be rewritten; move its spec.chart.spec.version to a patch of the"
                    + " OCIRepository's spec.ref by hand");
        }
        KustomizeEntry entry = entries.get(0);
        KustomizeFile k = entry.owner();
        SequenceNode list = null;
        Node item = null;
        for (String key : List.of("patches", "patchesStrategicMerge")) {
            if (Nodes.get(k.root(), key) instanceof SequenceNode seq) {
                for (Node i : seq.getValue()) {
                    if (i == entry.node() || Nodes.get(i, "path") == entry.node()) {
                        list = seq;
                        item = i;
                    }
                }
            }
        }
        if (list == null) {
            throw new Refusal(where + " is not listed under patches or patchesStrategicMerge of " + k);
        }
        String version = Nodes.text(patch.object().root(), "spec", "chart", "spec", "version");
        ChartVersions.Ref ref = ChartVersions.ref(version);
        String tag = release.oci().tagOf(ref.tag());
        String semver = ref.semver();
        boolean baseHasTag = release.oci().tag() != null;
        return new OverlayRewrite(
                patch, entry, list, item, tag, semver, onlyChart(patch.object().root()), (tag != null) != baseHasTag);
    }

    /** True when a HelmRelease patch holds nothing but its identity and {@code spec.chart.spec.version}. */
    static boolean isVersionOnly(KubeObject patch) {
        return onlyChart(patch.root())
                && Nodes.text(patch.root(), "spec", "chart", "spec", "version") != null
                && Nodes.get(patch.root(), "spec", "chart") instanceof MappingNode chart
                && chart.getValue().size() == 1
                && Nodes.get(chart, "spec") instanceof MappingNode spec
                && spec.getValue().size() == 1;
    }

    /** Nothing besides apiVersion, kind, metadata and a {@code spec} that holds {@code chart} alone. */
    private static boolean onlyChart(MappingNode root) {
        boolean onlyChart = true;
        for (NodeTuple t : root.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (key.equals("spec")) {
                onlyChart &= Nodes.get(root, "spec") instanceof MappingNode spec
                        && spec.getValue().size() == 1
                        && Nodes.has(spec, "chart");
            } else if (!IDENTITY.contains(key)) {
                onlyChart = false;
            }
        }
        return onlyChart;
    }

    /** The path of the new OCIRepository patch, next to the HelmRelease patch. */
    String newPatchPath() {
        String file = patch.file();
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        return dir + patch.name() + "-ocirepository-patch.yaml";
    }

    /** What the kustomization lists for the new patch, written like the entry of the HelmRelease patch. */
    String newEntryValue() {
        String listed = entry.value();
        String fileName = newPatchPath().substring(newPatchPath().lastIndexOf('/') + 1);
        int slash = listed.lastIndexOf('/');
        return slash < 0 ? fileName : listed.substring(0, slash + 1) + fileName;
    }

    /** The new list item: {@code path: x} in a {@code patches} list, the bare path in {@code patchesStrategicMerge}. */
    String newListItem() {
        return listItem instanceof MappingNode
                ? "path: " + stringScalar(newEntryValue())
                : stringScalar(newEntryValue());
    }

    /** The OCIRepository patch (two-space indentation, {@code \n}), on the base OCIRepository's apiVersion. */
    String document(String apiVersion) {
        StringBuilder sb = new StringBuilder("---\napiVersion: ")
                .append(apiVersion)
                .append("\nkind: OCIRepository\nmetadata:\n  name: ")
                .append(stringScalar(patch.name()))
                .append('\n');
        String ns = patch.object().metadataNamespace();
        if (ns != null) {
            sb.append("  namespace: ").append(stringScalar(ns)).append('\n');
        }
        sb.append("spec:\n  ref:\n");
        if (tag != null) {
            sb.append("    tag: ").append(stringScalar(tag)).append('\n');
            if (clearsBase) {
                sb.append("    semver: null\n");
            }
        } else {
            sb.append("    semver: ").append(stringScalar(semver)).append('\n');
            if (clearsBase) {
                sb.append("    tag: null\n");
            }
        }
        return sb.toString();
    }
}
