package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.EditConflictException;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;

/**
 * Turns the scan of a tree into a {@link MigrationPlan}: for each selected MIGRATABLE release, the guide's
 * steps as text edits (write the OCIRepository, swap {@code spec.chart} for {@code spec.chartRef}, move the
 * apiVersion to {@code v2}, list the new file in the release's kustomization), and with {@code prune} the
 * removal of HelmRepositories nobody uses any more. Nothing is written here. A release whose change cannot
 * be made safely is skipped with its reason; the others go on. Every changed file is re-parsed.
 *
 * <p>Each step returns its part of the plan as a value ({@link PlanPart}) computed from the tree and the options:
 * {@link ReleaseSelection} (which releases move), {@link SharedSources} ({@code oci.share}), the placement of each
 * OCIRepository (here: layout, existing ones), {@link OciRepositoryText} (its text), {@link HelmReleaseEdits}
 * (the release's own edits), {@link Overlays} (overlay patches), {@link KustomizationAdditions} (new files listed),
 * {@link Pruning} ({@code oci.prune}). The planner adds the parts of a release only once all of them are known (a
 * refused release leaves nothing behind), and {@link PlanAssembly} turns the sum into the files' changes.
 */
public final class MigrationPlanner {

    /** Where a release's OCIRepository is, and the part that puts it there. */
    private record Placed(String file, boolean reused, PlanPart part) {}

    private final ManifestTree tree;
    private final ScanResult scan;
    private final MigrateOptions options;
    private final OciRepositoryText texts;
    private final Overlays overlays;

    /** the sum of the parts of the releases planned so far */
    private PlanPart planned = PlanPart.EMPTY;
    /** the paths of the new files in {@link #planned} */
    private final Set<String> newFiles = new HashSet<>();
    /** shared groups already placed -> the file that holds their OCIRepository */
    private final Map<Integer, String> sharedFiles = new HashMap<>();

    private final List<MigratedRelease> migrated = new ArrayList<>();
    /** Releases left out of an earlier attempt, with why. */
    private final Map<ScannedRelease, String> leftOut;

    private final List<SkippedRelease> skipped = new ArrayList<>();

    private MigrationPlanner(
            ManifestTree tree, ScanResult scan, MigrateOptions options, Map<ScannedRelease, String> leftOut) {
        this.leftOut = leftOut;
        this.tree = tree;
        this.scan = scan;
        this.options = options;
        this.texts = new OciRepositoryText(tree, options, scan.flux());
        this.overlays = new Overlays(tree, scan);
    }

    /**
     * The plan. A release whose edited file does not read back as that release on chartRef (a shape the edits do not
     * foresee, such as a key written twice that scan did not see) is left out with that reason, and the plan is made
     * again without it: one odd release never stops the others, and nothing is half-planned.
     */
    public static MigrationPlan plan(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        Map<ScannedRelease, String> leftOut = new LinkedHashMap<>();
        while (true) {
            try {
                return new MigrationPlanner(tree, scan, options, leftOut).build();
            } catch (FileWork.ReadBackFailure e) {
                List<ScannedRelease> culprits = scan.releases().stream()
                        .filter(r -> r.file().equals(e.file) && e.release.equals(r.name()) && !leftOut.containsKey(r))
                        .toList();
                if (culprits.isEmpty()) {
                    throw e;
                }
                culprits.forEach(r -> leftOut.put(
                        r,
                        "its file does not read back as this release on chartRef after the edit (" + e.getMessage()
                                + "); it is left as it is: check the release for keys written twice or odd shapes"
                                + " and move it by hand"));
            }
        }
    }

    // ---------------------------------------------------------------- the plan

    private MigrationPlan build() {
        Layout layout = options.layout() == Layout.AUTO ? Layout.ofTree(tree) : options.layout();
        ReleaseSelection.Selection selection = ReleaseSelection.select(scan, options);
        skipped.addAll(selection.skipped());
        List<ScannedRelease> moves = new ArrayList<>();
        for (ScannedRelease r : selection.moves()) {
            if (leftOut.containsKey(r)) {
                skipped.add(new SkippedRelease(r.qualifiedName(), r.file(), r.line(), leftOut.get(r)));
            } else {
                moves.add(r);
            }
        }
        SharedSources shares = options.share().byChart()
                ? SharedSources.assign(
                        tree, options.share(), options.mirror(), moves, texts::sharingKey, overlays::versionOverlay)
                : null;
        for (ScannedRelease r : moves) {
            try {
                move(r, layout, shares);
            } catch (Refusal | EditConflictException e) {
                skipped.add(new SkippedRelease(r.qualifiedName(), r.file(), r.line(), e.getMessage()));
            } catch (RuntimeException e) {
                // one odd release must not stop the others: it is left as it is, and the report says why
                skipped.add(new SkippedRelease(
                        r.qualifiedName(),
                        r.file(),
                        r.line(),
                        "could not be planned (" + e + "); it is left as it is: move it by hand, and please report"
                                + " it with its file"));
            }
        }
        PlanPart all = planned.plus(KustomizationAdditions.edits(planned.listings()));
        all = all.plus(overlays.replacedPatches(touched(all)));
        List<String> warnings = new ArrayList<>(all.warnings());
        String crossNamespace = SharedSources.crossNamespaceWarning(migrated, options.share());
        if (crossNamespace != null) {
            warnings.add(crossNamespace);
        }
        List<PrunedRepository> pruned = List.of();
        if (options.prune() != Prune.NONE) {
            Pruning.Result result = Pruning.plan(tree, scan, options, migrated);
            pruned = result.pruned();
            warnings.addAll(result.part().warnings());
            all = all.plus(result.part());
        }
        List<UpgradedApi> upgraded = List.of();
        if (options.upgradeApis()) {
            ApiUpgrades.Result result = ApiUpgrades.plan(tree, scan.flux(), migrated, pruned);
            upgraded = result.upgraded();
            warnings.addAll(result.part().warnings());
            all = all.plus(result.part());
        }
        List<String> unused = Pruning.unusedAfter(tree, scan, migrated, pruned);
        return PlanAssembly.assemble(all, migrated, skipped, pruned, upgraded, unused, warnings);
    }

    private static Set<String> touched(PlanPart part) {
        Set<String> out = new HashSet<>();
        part.edits().forEach(e -> out.add(e.file().relativePath()));
        part.deletions().forEach(f -> out.add(f.relativePath()));
        part.readBacks().forEach(b -> out.add(b.file().relativePath()));
        return out;
    }

    // ---------------------------------------------------------------- one release

    /** Plans one release; nothing of it is kept unless all of it can be made. */
    private void move(ScannedRelease r, Layout layout, SharedSources shares) throws Refusal {
        KubeObject hr = r.object();
        MappingNode spec = ownMapping(hr.root(), "spec");
        NodeTuple chartEntry = ownEntry(spec, "chart");
        if (spec == null || chartEntry == null) {
            throw new Refusal("spec.chart is not written in this document (it comes from a merge key or alias);"
                    + " edit it by hand");
        }
        if (YamlEdits.isAlias(chartEntry)) {
            throw new Refusal(
                    "spec.chart is an alias (*" + chartEntry.getValueNode().getAnchor() + "); edit it by hand");
        }
        TargetApis apis = TargetApis.of(tree, scan.flux(), r);
        HelmReleaseEdits.checkRemovedFields(r, hr.root(), apis.helmRelease());
        List<OverlayRewrite> rewrites = overlays.of(r, newFiles);
        SharedSources.Share share = shares == null ? null : shares.planned(r);
        List<String> notes = new ArrayList<>(r.warnings());
        if (share == null && shares != null && shares.notShared(r) != null) {
            notes.add(shares.notShared(r));
        }
        if (share != null && shares.renamed(r) != null) {
            notes.add(shares.renamed(r));
        }
        String ociName = share != null ? share.name() : r.name();
        // the release's own edits first: they may refuse, and nothing is kept before they are known
        PlanPart releaseEdits = HelmReleaseEdits.of(
                hr, spec, chartEntry, ociName, share != null ? share.chartRefNamespace() : null, apis.helmRelease());
        Placed placed = share != null ? placeShared(r, share, shares, notes) : placeOwn(r, layout, notes);
        PlanPart.Builder part = new PlanPart.Builder().add(placed.part());
        for (OverlayRewrite o : rewrites) {
            part.add(overlays.rewrite(o, r));
            notes.add("the overlay " + o.patch().file() + " now patches the OCIRepository's spec.ref in "
                    + o.newPatchPath());
        }
        part.add(releaseEdits);
        part.add(OverlayApiVersions.of(tree, scan, r, apis.helmRelease(), rewrites));
        PlanPart done = part.build();
        if (!done.created().contains(hr.file().relativePath())) {
            done = done.plus(
                    new PlanPart.Builder().changed(hr.file().relativePath()).build());
        }
        commit(
                done,
                share,
                new MigratedRelease(
                        r,
                        ociName,
                        share == null ? hr.metadataNamespace() : share.namespace(),
                        placed.file(),
                        placed.reused(),
                        done.created(),
                        done.changed(),
                        List.copyOf(notes),
                        options.mirror().urlFor(r.oci().url())));
    }

    private void commit(PlanPart part, SharedSources.Share share, MigratedRelease release) {
        planned = planned.plus(part);
        part.documents().forEach(d -> newFiles.add(d.path()));
        if (share != null) {
            sharedFiles.putIfAbsent(share.group(), release.ociFile());
        }
        migrated.add(release);
    }

    /** The release's own OCIRepository: an identical one reused, a different one refused, else a new one. */
    private Placed placeOwn(ScannedRelease r, Layout layout, List<String> notes) throws Refusal {
        KubeObject existing = existingOciRepository(r, r.name());
        if (existing != null) {
            String why = differences(existing, r, options.mirror());
            if (why != null) {
                throw new Refusal("OCIRepository " + existing.describe() + " already exists at "
                        + existing.file().relativePath() + ":" + existing.line() + " and " + why
                        + "; it is left alone: align or rename it, then run again");
            }
            String file = existing.file().relativePath();
            notes.add("reuses the identical OCIRepository in " + file);
            ManifestFile hrFile = r.object().file();
            // beside the release (an earlier, interrupted run wrote it): its kustomization must list it
            boolean beside =
                    existing.file() != hrFile && existing.file().directory().equals(hrFile.directory());
            return new Placed(
                    file, true, beside ? KustomizationAdditions.besideRelease(tree, r, file) : PlanPart.EMPTY);
        }
        OciRepositoryText.Text text = texts.own(r);
        notes.addAll(text.notes());
        if (layout == Layout.INLINE) {
            KubeObject hr = r.object();
            YamlEdits edits = new YamlEdits(hr.file().yaml());
            int index = hr.documentIndex();
            String insert = edits.documentText(text.document());
            if (!edits.hasDocumentMarker(index)) {
                insert = insert + "---" + edits.file().lineEnding();
            }
            PlanPart part = new PlanPart.Builder()
                    .edit(hr.file(), TextEdit.insert(edits.documentStart(index), insert), 1, WritePhase.RELEASE)
                    .build();
            return new Placed(hr.file().relativePath(), false, part);
        }
        return placeInOwnFile(r, text.document());
    }

    /** A shared OCIRepository: written with the first release of its group, included where the layout needs it. */
    private Placed placeShared(ScannedRelease r, SharedSources.Share share, SharedSources shares, List<String> notes)
            throws Refusal {
        OciRepositoryText.Text text = texts.shared(r, share);
        notes.addAll(text.notes());
        String file = share.reused() ? share.file() : sharedFiles.get(share.group());
        PlanPart part = PlanPart.EMPTY;
        if (file == null && share.besideFirst()) {
            Placed first = placeInOwnFile(r, text.document());
            file = first.file();
            part = first.part();
        } else if (file == null) {
            file = share.file();
            part = shares.firstWrite(share, new YamlEdits(r.object().file().yaml()), text.document());
        }
        part = part.plus(shares.include(share));
        notes.add((share.reused() ? "shares the existing OCIRepository " : "shares the OCIRepository ")
                + (share.chartRefNamespace() != null ? share.chartRefNamespace() + "/" : "") + share.name() + " ("
                + file + ") with the other releases of this chart at this version");
        return new Placed(file, share.reused(), part);
    }

    /**
     * An OCIRepository of that name where the release would get one: deployed in its cluster and namespace, or in
     * its own folder (built with it), or, for a release nothing deploys, by name and namespace.
     */
    private KubeObject existingOciRepository(ScannedRelease r, String name) {
        if (r.deployed()) {
            ObjectInstance i = tree.find(
                    ManifestTree.SOURCE_GROUP,
                    "OCIRepository",
                    name,
                    r.namespace().value(),
                    r.cluster());
            if (i != null) {
                return i.object();
            }
        }
        KubeObject same =
                SourceLookup.object(tree, "OCIRepository", name, r.namespace().value(), null);
        // one that sits in the release's own folder is built with it, listed or not
        return same != null
                        && (!r.deployed()
                                || same.file()
                                        .directory()
                                        .equals(r.object().file().directory()))
                ? same
                : null;
    }

    /** FILE layout: {@code ocirepository.yaml} beside the release, new or appended to, and listed. */
    private Placed placeInOwnFile(ScannedRelease r, String doc) throws Refusal {
        ManifestFile hrFile = r.object().file();
        String dir = hrFile.directory();
        String path = dir.isEmpty() ? "ocirepository.yaml" : dir + "/ocirepository.yaml";
        ManifestFile existingFile = tree.file(path);
        if (existingFile != null && !existingFile.parsed()) {
            throw new Refusal(path + " exists but could not be parsed; fix it first");
        }
        if (existingFile == null
                && !newFiles.contains(path)
                && Files.exists(tree.root().resolve(path))) {
            throw new Refusal(path + " exists but is not scanned (excluded or not YAML); move it or include it");
        }
        PlanPart.Builder part = new PlanPart.Builder();
        if (existingFile != null) {
            String text = existingFile.yaml().text();
            String prefix = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")
                    ? ""
                    : existingFile.yaml().lineEnding();
            YamlEdits edits = new YamlEdits(existingFile.yaml());
            part.edit(existingFile, TextEdit.insert(text.length(), prefix + edits.documentText(doc)), 1, WritePhase.ADD)
                    .changed(path);
        } else {
            part.document(path, new YamlEdits(hrFile.yaml()), doc, !newFiles.contains(path));
        }
        part.add(KustomizationAdditions.besideRelease(tree, r, path));
        return new Placed(path, false, part.build());
    }

    /** Null when an existing OCIRepository is what the migration would write, else what differs. */
    private static String differences(KubeObject existing, ScannedRelease r, MirrorPrefix mirror) {
        String url = Nodes.text(existing.root(), "spec", "url");
        String wanted = mirror.urlFor(r.oci().url());
        if (url == null || !ChartUrls.normalize(url).equals(ChartUrls.normalize(wanted))) {
            return "points at " + url + ", not " + wanted;
        }
        String tag = Nodes.text(existing.root(), "spec", "ref", "tag");
        String semver = Nodes.text(existing.root(), "spec", "ref", "semver");
        if (!Objects.equals(tag, r.oci().tag())
                || !Objects.equals(semver, r.oci().semver())) {
            return "has ref " + (tag != null ? "tag " + tag : "semver " + semver) + ", not "
                    + (r.oci().tag() != null
                            ? "tag " + r.oci().tag()
                            : "semver " + r.oci().semver());
        }
        return null;
    }

    // ---------------------------------------------------------------- own entries

    private static MappingNode ownMapping(MappingNode map, String key) {
        NodeTuple t = ownEntry(map, key);
        return t != null && t.getValueNode() instanceof MappingNode m ? m : null;
    }

    private static NodeTuple ownEntry(MappingNode map, String key) {
        if (map == null) {
            return null;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t;
            }
        }
        return null;
    }
}
