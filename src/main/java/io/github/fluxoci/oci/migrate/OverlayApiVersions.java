package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * Overlays move with their base. Kustomize finds a patch's target by group, version, kind and name: when migrate
 * moves a HelmRelease from {@code v2beta1}/{@code v2beta2} to {@code v2}, a patch still on the old version matches
 * nothing and the whole build fails ("no matches for Id HelmRelease.v2beta1..."). Each patch of the release moves to
 * the same apiVersion, in the same write phase as the release: a strategic-merge patch file, a {@code patch:} written
 * inline in a kustomization, and the {@code target.version} of a patch that names the release. A patch that carries a
 * field the new version removed is refused with the reason.
 */
final class OverlayApiVersions {

    private static final String HELM_GROUP = "helm.toolkit.fluxcd.io/";

    private OverlayApiVersions() {}

    /** The edits that move every patch of {@code r} to {@code apiVersion}; {@code deleted}: patch files that go. */
    static PlanPart of(
            ManifestTree tree, ScanResult scan, ScannedRelease r, String apiVersion, List<OverlayRewrite> rewrites)
            throws Refusal {
        PlanPart.Builder out = new PlanPart.Builder();
        String old = r.apiVersion();
        if (apiVersion.equals(old)) {
            return PlanPart.EMPTY;
        }
        for (ReleasePatch p : scan.releasePatches()) {
            KubeObject o = p.object();
            boolean goes = rewrites.stream().anyMatch(w -> w.patch() == p && w.emptyAfter());
            if (!patches(p, r)
                    || goes
                    || !o.apiVersion().startsWith(HELM_GROUP)
                    || o.apiVersion().equals(apiVersion)) {
                continue;
            }
            List<String> removed = HelmReleaseEdits.removedFields(o.root());
            if (!removed.isEmpty()) {
                throw new Refusal("the Kustomize patch " + p.file() + ":" + p.line() + " sets "
                        + String.join(", ", removed)
                        + ", which " + apiVersion + " removed; convert it (valuesFiles, kustomize.patches), then run"
                        + " again");
            }
            moveApiVersion(o, apiVersion, out);
        }
        kustomizationPatches(tree, "HelmRelease", r.name(), old, apiVersion, out);
        return out.build();
    }

    /**
     * The {@code patches:} of every kustomization that name {@code kind}/{@code name} on {@code old}: inline patch
     * text and {@code target.version} move to {@code apiVersion}.
     */
    static void kustomizationPatches(
            ManifestTree tree, String kind, String name, String old, String apiVersion, PlanPart.Builder out) {
        for (KustomizeFile k : tree.kustomizeFiles()) {
            for (Node item : Nodes.items(k.root(), "patches")) {
                inline(k, item, kind, name, old, apiVersion, out);
                target(k, item, kind, name, old, apiVersion, out);
            }
        }
    }

    /**
     * The edit that sets an object's {@code apiVersion} (a plain scalar) to {@code apiVersion}, in the release phase;
     * gives the file's editor, for further edits of the same file.
     */
    static YamlEdits moveApiVersion(KubeObject o, String apiVersion, PlanPart.Builder out) {
        YamlEdits edits = new YamlEdits(o.file().yaml());
        out.edit(
                        o.file(),
                        edits.replaceScalar((ScalarNode) Nodes.get(o.root(), "apiVersion"), apiVersion),
                        0,
                        WritePhase.RELEASE)
                .changed(o.file().relativePath());
        return edits;
    }

    /** A patch file of this release: its name, and its namespace when both say one. */
    private static boolean patches(ReleasePatch p, ScannedRelease r) {
        String patchNs = p.object().metadataNamespace();
        return p.name() != null
                && p.name().equals(r.name())
                && (patchNs == null
                        || !r.namespace().known()
                        || patchNs.equals(r.namespace().value()));
    }

    /** {@code patch: |} with the object on the old version: the version inside the text moves. */
    private static void inline(
            KustomizeFile k, Node item, String kind, String name, String old, String apiVersion, PlanPart.Builder out) {
        if (!(Nodes.get(item, "patch") instanceof ScalarNode patch)) {
            return;
        }
        String body = patch.getValue();
        boolean ours = body.matches("(?s).*\\bkind:\\s*" + java.util.regex.Pattern.quote(kind) + "\\s.*")
                && body.matches("(?s).*\\bname:\\s*[\"']?" + java.util.regex.Pattern.quote(name) + "[\"']?\\s.*");
        if (!ours || !body.contains(old)) {
            return;
        }
        String text = k.file().yaml().text();
        int start = k.file().yaml().startOffset(patch);
        int end = k.file().yaml().endOffset(patch);
        List<TextEdit> edits = new ArrayList<>();
        for (int at = text.indexOf(old, start); at >= 0 && at < end; at = text.indexOf(old, at + old.length())) {
            edits.add(new TextEdit(at, at + old.length(), apiVersion));
        }
        edits.forEach(e -> out.edit(k.file(), e, 0, WritePhase.RELEASE));
        if (!edits.isEmpty()) {
            out.changed(k.file().relativePath());
        }
    }

    /** {@code target: {kind: HelmRelease, version: v2beta1, name: <release>}}: the version moves. */
    private static void target(
            KustomizeFile k, Node item, String kind, String name, String old, String apiVersion, PlanPart.Builder out) {
        Node target = Nodes.get(item, "target");
        String oldVersion = old.substring(old.indexOf('/') + 1);
        if (!kind.equals(Nodes.text(target, "kind"))
                || !name.equals(Nodes.text(target, "name"))
                || !oldVersion.equals(Nodes.text(target, "version"))
                || !(Nodes.get(target, "version") instanceof ScalarNode version)) {
            return;
        }
        YamlEdits edits = new YamlEdits(k.file().yaml());
        out.edit(
                        k.file(),
                        edits.replaceScalar(version, apiVersion.substring(apiVersion.indexOf('/') + 1)),
                        0,
                        WritePhase.RELEASE)
                .changed(k.file().relativePath());
    }
}
