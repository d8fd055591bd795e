package io.github.fluxoci.oci.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.flux.FluxApis;
import io.github.fluxoci.oci.flux.FluxRelease;
import io.github.fluxoci.oci.flux.FluxSchemas;
import io.github.fluxoci.oci.flux.FluxVersions;
import io.github.fluxoci.oci.flux.JsonView;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * Flux objects on an apiVersion that the Flux of their clusters no longer serves (what verify's {@code removed-api}
 * rejects), moved to the version that Flux writes, as {@code flux migrate -f} does: only the {@code apiVersion}
 * value changes (and the version in a {@code yaml-language-server} schema comment above it), and with it the patches
 * that name the object on the old version (a patch file, an inline
 * {@code patch:}, a {@code target.version}), which would otherwise match nothing and fail the build.
 *
 * <p>An object moves only when the new version's schema (Flux's CRD, {@link FluxSchemas}) accepts everything the old
 * one did: a field the new version removed ({@code spec.validation} of Kustomization {@code v1beta2},
 * {@code spec.chart.spec.valuesFile} of HelmRelease {@code v2beta1}) leaves the object as it is, with a warning
 * that names the field. Deprecated but served versions stay: they still apply.
 */
final class ApiUpgrades {

    /** What this step plans: the edits, the objects moved, and the objects that could not move, with why. */
    record Result(PlanPart part, List<UpgradedApi> upgraded) {}

    /** The apiVersion to write, and the oldest Flux that will read it. */
    private record Move(String apiVersion, FluxRelease flux) {}

    private ApiUpgrades() {}

    /**
     * Every object of {@code tree} that needs to move, except the releases migrate already moves ({@code migrated})
     * and the HelmRepositories it removes ({@code pruned}).
     */
    static Result plan(
            ManifestTree tree, FluxVersions versions, List<MigratedRelease> migrated, List<PrunedRepository> pruned) {
        Set<KubeObject> leave = left(tree, migrated, pruned);
        PlanPart.Builder out = new PlanPart.Builder();
        List<UpgradedApi> upgraded = new ArrayList<>();
        // a patch (file or kustomization entry) that names two same-named objects moves once
        Set<KubeObject> movedPatches = new HashSet<>();
        Set<String> movedKustomizationPatches = new HashSet<>();
        for (KubeObject o : tree.objects()) {
            if (o.kind() == null
                    || !ManifestTree.isFluxGroup(o.group())
                    || tree.isPatchFile(o.file())
                    || leave.contains(o)) {
                continue;
            }
            Move move = move(tree, versions, o);
            if (move == null) {
                continue;
            }
            String target = move.apiVersion();
            List<KubeObject> patches = patchFiles(tree, o);
            String refusal = refusal(o, move, patches);
            if (refusal != null) {
                out.warn(o.file().relativePath() + ":" + o.line() + ": " + o.kind() + " \"" + o.name()
                        + "\" stays on " + o.apiVersion() + ", which its Flux no longer serves: " + refusal
                        + "; edit it by hand, or run with -Doci.upgradeApis=false to leave all apiVersions");
                continue;
            }
            for (KubeObject moved : concat(o, patches)) {
                if (moved != o && !movedPatches.add(moved)) {
                    continue;
                }
                YamlEdits edits = OverlayApiVersions.moveApiVersion(moved, target, out);
                TextEdit schema =
                        HelmReleaseEdits.schemaCommentEdit(edits, moved, target.substring(target.indexOf('/') + 1));
                if (schema != null) {
                    out.edit(moved.file(), schema, 0, WritePhase.RELEASE);
                }
            }
            if (movedKustomizationPatches.add(o.kind() + "/" + o.name() + "@" + o.apiVersion())) {
                OverlayApiVersions.kustomizationPatches(tree, o.kind(), o.name(), o.apiVersion(), target, out);
            }
            upgraded.add(new UpgradedApi(
                    o.kind(),
                    o.name(),
                    o.metadataNamespace(),
                    o.file().relativePath(),
                    o.line(),
                    o.apiVersion(),
                    target,
                    patches.size()));
        }
        return new Result(out.build(), upgraded);
    }

    /**
     * The apiVersion to write when one of the object's clusters runs a Flux that no longer serves its version: the one
     * the oldest of them writes, provided every one of them serves it. Null when nothing needs to move, or nothing
     * can (a version too new for the tree's Flux is verify's to report, not migrate's to move back).
     */
    private static Move move(ManifestTree tree, FluxVersions versions, KubeObject o) {
        List<FluxRelease> fluxes = tree.instancesOf(o).stream()
                .map(ObjectInstance::cluster)
                .map(versions::of)
                .map(FluxVersions.Stated::release)
                .distinct()
                .toList();
        if (fluxes.isEmpty()) {
            fluxes = List.of(versions.tree().release());
        }
        List<FluxRelease> knowing =
                fluxes.stream().filter(f -> f.knows(o.group(), o.kind())).toList();
        if (knowing.isEmpty() || knowing.stream().allMatch(f -> f.serves(o.apiVersion(), o.kind()))) {
            return null;
        }
        FluxRelease oldest = knowing.stream().min(Comparator.naturalOrder()).orElseThrow();
        FluxRelease last = FluxApis.shipped().lastServing(o.apiVersion(), o.kind());
        if (last == null || last.compareTo(oldest) >= 0) {
            // a version newer than the tree's Flux (or none at all): a downgrade is not ours to make
            return null;
        }
        String target = oldest.apiVersionToWrite(o.group(), o.kind());
        return target != null && knowing.stream().allMatch(f -> f.serves(target, o.kind()))
                ? new Move(target, oldest)
                : null;
    }

    /** Patch files (listed under a kustomization's {@code patches}) that name the object on its old version. */
    private static List<KubeObject> patchFiles(ManifestTree tree, KubeObject o) {
        return tree.objects().stream()
                .filter(p -> tree.isPatchFile(p.file())
                        && o.kind().equals(p.kind())
                        && Objects.equals(o.name(), p.name())
                        && o.apiVersion().equals(p.apiVersion())
                        && (p.metadataNamespace() == null
                                || o.metadataNamespace() == null
                                || p.metadataNamespace().equals(o.metadataNamespace())))
                .toList();
    }

    /** Why the object cannot move: its apiVersion is not a plain value, or the new schema refuses what it sets. */
    private static String refusal(KubeObject o, Move move, List<KubeObject> patches) {
        String target = move.apiVersion();
        for (KubeObject x : concat(o, patches)) {
            if (!(Nodes.get(x.root(), "apiVersion") instanceof ScalarNode s) || s.getAnchor() != null) {
                return "its apiVersion in " + x.file().relativePath() + ":" + x.line() + " is not a plain value";
            }
            FluxRelease old = FluxApis.shipped().lastServing(x.apiVersion(), x.kind());
            FluxRelease.Served from = old == null ? null : old.served(x.apiVersion(), x.kind());
            FluxRelease.Served toHere = move.flux().served(target, x.kind());
            if (from == null || from.schema() == null || toHere == null || toHere.schema() == null) {
                continue;
            }
            List<String> problems = FluxSchemas.shipped()
                    .newProblems(
                            from.schema(),
                            toHere.schema(),
                            JsonView.of(x.root()).json());
            if (!problems.isEmpty()) {
                return target.substring(target.indexOf('/') + 1) + " refuses what "
                        + (x == o ? "it" : "its patch " + x.file().relativePath() + ":" + x.line()) + " sets ("
                        + String.join("; ", problems) + ")";
            }
        }
        return null;
    }

    private static Set<KubeObject> left(
            ManifestTree tree, List<MigratedRelease> migrated, List<PrunedRepository> pruned) {
        Set<KubeObject> out = new HashSet<>();
        migrated.forEach(m -> out.add(m.release().object()));
        for (KubeObject o : tree.objects()) {
            boolean prunedHere = pruned.stream()
                    .anyMatch(p -> "HelmRepository".equals(o.kind())
                            && p.name().equals(o.name())
                            && p.file().equals(o.file().relativePath())
                            && Objects.equals(p.namespace(), o.metadataNamespace()));
            if (prunedHere) {
                out.add(o);
            }
        }
        return out;
    }

    private static List<KubeObject> concat(KubeObject o, List<KubeObject> patches) {
        List<KubeObject> all = new ArrayList<>();
        all.add(o);
        all.addAll(patches);
        return all;
    }
}
