package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;

import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.LineRange;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * The overlay step: Kustomize overlays that patch {@code spec.chart} of a release would break once it uses
 * {@code chartRef}, so each is rewritten ({@link OverlayRewrite}) to patch the OCIRepository instead, or the release
 * is refused; and version patches an interrupted run left behind are deleted.
 */
final class Overlays {

    private final ManifestTree tree;
    private final ScanResult scan;

    Overlays(ManifestTree tree, ScanResult scan) {
        this.tree = tree;
        this.scan = scan;
    }

    /** The rewrites a release needs; {@code newFiles} are the paths the plan already creates. */
    List<OverlayRewrite> of(ScannedRelease r, Set<String> newFiles) throws Refusal {
        List<OverlayRewrite> out = new ArrayList<>();
        for (ReleasePatch p : scan.releasePatches()) {
            String patchNs = p.object().metadataNamespace();
            boolean same = p.name() != null
                    && p.name().equals(r.name())
                    && (patchNs == null
                            || !r.namespace().known()
                            || patchNs.equals(r.namespace().value()));
            if (same && !p.chartFields().isEmpty()) {
                OverlayRewrite o = OverlayRewrite.of(p, r, tree);
                String path = o.newPatchPath();
                ManifestFile there = tree.file(path);
                boolean identical =
                        there != null && there.parsed() && there.yaml().text().equals(patchText(o, ociApiVersion(r)));
                if (!identical
                        && (there != null
                                || newFiles.contains(path)
                                || Files.exists(tree.root().resolve(path)))) {
                    throw new Refusal(
                            "the overlay " + p.file() + " would get a patch " + path + ", which already exists");
                }
                out.add(o);
            }
        }
        return out;
    }

    /** Why a release keeps its own OCIRepository under oci.share: an overlay patches its version. */
    String versionOverlay(ScannedRelease r) {
        try {
            List<OverlayRewrite> overlays = of(r, Set.of());
            return overlays.isEmpty()
                    ? null
                    : "not shared: the overlay " + overlays.get(0).patch().file()
                            + " patches its version, so it keeps an OCIRepository of its own";
        } catch (Refusal e) {
            return null; // refused when it is migrated
        }
    }

    /** The apiVersion of the release's OCIRepository, which its patches must have for kustomize to apply them. */
    private String ociApiVersion(ScannedRelease r) {
        return TargetApis.of(tree, scan.flux(), r).ociRepository();
    }

    /** The edits of one rewrite: the HelmRelease patch loses spec.chart, the OCIRepository patch is written. */
    PlanPart rewrite(OverlayRewrite o, ScannedRelease r) {
        ManifestFile patchFile = o.patch().object().file();
        ManifestFile listFile = o.entry().owner().file();
        YamlEdits patchEdits = new YamlEdits(patchFile.yaml());
        YamlEdits listEdits = new YamlEdits(listFile.yaml());
        PlanPart.Builder out = new PlanPart.Builder();
        if (o.emptyAfter()) {
            // nothing but spec.chart: the OCIRepository patch takes the HelmRelease patch's place
            out.delete(patchFile);
            LineRange item = listEdits.itemLines(o.listItem());
            out.edit(listFile, TextEdit.delete(item.start(), item.end()), 0, WritePhase.OVERLAY);
        } else {
            MappingNode spec = (MappingNode) Nodes.get(o.patch().object().root(), "spec");
            out.edit(patchFile, patchEdits.removeEntry(spec, "chart"), 0, WritePhase.OVERLAY);
            out.changed(patchFile.relativePath());
        }
        if (tree.file(o.newPatchPath()) == null) {
            out.document(o.newPatchPath(), patchEdits, o.document(ociApiVersion(r)), true);
        } // else: an earlier, interrupted run wrote exactly this patch; it is listed below

        boolean listed = tree.listersOf(o.newPatchPath()).stream()
                .anyMatch(e -> e.owner() == o.entry().owner());
        if (!listed) {
            out.edit(
                    listFile,
                    listEdits.insertSequenceItem(o.list(), o.list().getValue().size(), o.newListItem()),
                    0,
                    WritePhase.OVERLAY);
        }
        out.changed(listFile.relativePath());
        return out.build();
    }

    /**
     * An overlay's version-only HelmRelease patch that its kustomization no longer lists, beside the OCIRepository
     * patch that replaced it and that is listed: what a run interrupted between delisting and deleting it leaves.
     * It is deleted now, as that run would have; {@code touched} are the files the plan already edits.
     */
    PlanPart replacedPatches(Set<String> touched) {
        PlanPart.Builder out = new PlanPart.Builder();
        for (ManifestFile f : tree.files()) {
            if (!f.parsed()
                    || f.objects().size() != 1
                    || !tree.listersOf(f.relativePath()).isEmpty()
                    || touched.contains(f.relativePath())) {
                continue;
            }
            KubeObject o = f.objects().get(0);
            if (!o.is(ManifestTree.HELM_GROUP, "HelmRelease") || o.name() == null || !OverlayRewrite.isVersionOnly(o)) {
                continue;
            }
            String replacement =
                    (f.directory().isEmpty() ? "" : f.directory() + "/") + o.name() + "-ocirepository-patch.yaml";
            boolean replaced =
                    tree.listersOf(replacement).stream().anyMatch(e -> e.role() == KustomizeEntry.Role.PATCH);
            if (replaced) {
                out.delete(f);
                out.warn(f.relativePath() + ": removed; an interrupted oci:migrate had already replaced it by "
                        + replacement);
            }
        }
        return out.build();
    }

    /** The text of the OCIRepository patch that replaces an overlay's version patch, in the patch file's style. */
    private static String patchText(OverlayRewrite o, String apiVersion) {
        return new YamlEdits(o.patch().object().file().yaml()).documentText(o.document(apiVersion));
    }
}
