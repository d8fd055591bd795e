package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.OciTarget;
import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.EditConflictException;
import io.github.fluxoci.oci.yaml.LineRange;
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
 * <p>The planner orchestrates and places the OCIRepositories (layout, existing ones, overlay patches); the steps
 * have their own classes: {@link ReleaseSelection} (which releases move), {@link HelmReleaseEdits} (the release's
 * own edits), {@link KustomizationAdditions} (new files listed beside their release), {@link Pruning}
 * ({@code oci.prune}), and {@link FileWork}/{@link NewFile} (the edits and texts of each file, split by write phase).
 */
public final class MigrationPlanner {

    static final String HELM_V2 = "helm.toolkit.fluxcd.io/v2";

    /** Write phases: every prefix of the writes leaves a tree Flux can apply (see {@link MigrationPlan#writes()}). */
    static final int ADD = 0;

    static final int OVERLAY = 1;
    static final int RELEASE = 2;
    static final int REMOVE = 3;
    static final int PHASES = 4;

    private final ManifestTree tree;
    private final ScanResult scan;
    private final MigrateOptions options;

    private final Map<String, FileWork> work = new LinkedHashMap<>();
    private final Map<String, NewFile> newFiles = new LinkedHashMap<>();
    private final KustomizationAdditions listings;
    private final List<MigratedRelease> migrated = new ArrayList<>();
    private final List<SkippedRelease> skipped = new ArrayList<>();
    private final List<PrunedRepository> pruned = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** {@code oci.share=chart}; null when every release gets its own OCIRepository */
    private SharedSources shares;

    private MigrationPlanner(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        this.tree = tree;
        this.scan = scan;
        this.options = options;
        this.listings = new KustomizationAdditions(tree, this::work, warnings);
    }

    public static MigrationPlan plan(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        return new MigrationPlanner(tree, scan, options).build();
    }

    // ---------------------------------------------------------------- the plan

    private MigrationPlan build() {
        Layout layout = options.layout() == Layout.AUTO ? layoutOfTree() : options.layout();
        List<ScannedRelease> selected = ReleaseSelection.select(scan, options, skipped);
        if (options.share().byChart()) {
            shares = new SharedSources(tree, options.share(), this::work, newFiles, listings, options.mirror());
            shares.assign(selected, this::sourceKey, this::versionOverlay);
        }
        for (ScannedRelease r : selected) {
            try {
                migrate(r, layout);
            } catch (Refusal | EditConflictException e) {
                skipped.add(new SkippedRelease(r.qualifiedName(), r.file(), r.line(), e.getMessage()));
            }
        }
        listings.write();
        removeReplacedOverlayPatches();
        long crossNamespace = migrated.stream()
                .filter(m -> m.ociNamespace() != null
                        && !m.ociNamespace().equals(m.release().namespace().value()))
                .count();
        if (crossNamespace > 0) {
            warnings.add(crossNamespace + (crossNamespace == 1 ? " release now names" : " releases now name")
                    + " an OCIRepository in " + options.share().namespace()
                    + " with chartRef.namespace: Flux refuses such"
                    + " references when its controllers run with --no-cross-namespace-refs=true (multi-tenant lockdown);"
                    + " there, use -Doci.shareLayout=component (a component per namespace) or -Doci.share=none");
        }
        if (options.prune() != Prune.NONE) {
            Pruning pruning = new Pruning(tree, scan, options, this::work);
            pruning.run(migrated);
            pruned.addAll(pruning.pruned());
            warnings.addAll(pruning.warnings());
        }
        List<FileChange> changes = new ArrayList<>();
        List<List<FileChange>> writes = new ArrayList<>();
        for (int phase = 0; phase < PHASES; phase++) {
            writes.add(new ArrayList<>());
        }
        for (FileWork w : work.values()) {
            FileChange c = w.change();
            if (c != null) {
                changes.add(c);
                w.steps(c).forEach((phase, step) -> writes.get(phase).add(step));
            }
        }
        for (NewFile f : newFiles.values()) {
            FileChange c = f.change();
            changes.add(c);
            writes.get(ADD).add(c);
        }
        changes.sort((a, b) -> a.path().compareTo(b.path()));
        List<FileChange> ordered = new ArrayList<>();
        for (List<FileChange> phase : writes) {
            // within a phase: new files before the kustomizations that list them, kustomizations before the files
            // whose patches they replace, deletions after the delisting
            phase.sort(Comparator.comparingInt((FileChange c) -> c.isNew()
                            ? 0
                            : c.isDeletion()
                                    ? 3
                                    : ManifestTree.isKustomizationFileName(
                                                    c.path().substring(c.path().lastIndexOf('/') + 1))
                                            ? 1
                                            : 2)
                    .thenComparing(FileChange::path));
            ordered.addAll(phase);
        }
        return new MigrationPlan(
                List.copyOf(changes),
                List.copyOf(migrated),
                List.copyOf(skipped),
                List.copyOf(pruned),
                List.copyOf(warnings),
                List.copyOf(ordered));
    }

    /** Follows the tree: inline when most OCIRepositories share a file with a HelmRelease, else file. */
    private Layout layoutOfTree() {
        int inline = 0;
        int own = 0;
        for (KubeObject oci : tree.ociRepositories()) {
            boolean withRelease =
                    oci.file().objects().stream().anyMatch(o -> o.is(ManifestTree.HELM_GROUP, "HelmRelease"));
            if (withRelease) {
                inline++;
            } else {
                own++;
            }
        }
        return inline > own ? Layout.INLINE : Layout.FILE;
    }

    // ---------------------------------------------------------------- one release

    private void migrate(ScannedRelease r, Layout layout) throws Refusal {
        KubeObject hr = r.object();
        FileWork hrWork = work(hr.file());
        YamlEdits edits = hrWork.edits;
        MappingNode root = hr.root();
        MappingNode spec = ownMapping(root, "spec");
        NodeTuple chartEntry = ownEntry(spec, "chart");
        if (spec == null || chartEntry == null) {
            throw new Refusal("spec.chart is not written in this document (it comes from a merge key or alias);"
                    + " edit it by hand");
        }
        if (YamlEdits.isAlias(chartEntry)) {
            throw new Refusal(
                    "spec.chart is an alias (*" + chartEntry.getValueNode().getAnchor() + "); edit it by hand");
        }
        HelmReleaseEdits.checkRemovedFields(r, root);
        List<OverlayRewrite> overlays = overlaysOf(r);

        String name = r.name();
        String ns = hr.metadataNamespace();
        Node chartSpec = Nodes.get(chartEntry.getValueNode(), "spec");
        List<String> notes = new ArrayList<>(r.warnings());
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();

        // the HelmRelease's own edits first: they may refuse, and nothing is recorded before they are known
        SharedSources.Share share = null;
        if (shares != null) {
            share = shares.planned(r);
            if (share == null && shares.notShared(r) != null) {
                notes.add(shares.notShared(r));
            }
        }
        List<TextEdit> releaseEdits = new ArrayList<>();
        releaseEdits.add(HelmReleaseEdits.chartRefEdit(
                edits,
                spec,
                chartEntry,
                share != null ? share.name() : name,
                share != null ? share.chartRefNamespace() : null));
        releaseEdits.addAll(HelmReleaseEdits.anchorMoves(edits, root, chartEntry));
        if (!HELM_V2.equals(hr.apiVersion())) {
            releaseEdits.add(edits.replaceScalar((ScalarNode) Nodes.get(root, "apiVersion"), HELM_V2));
            TextEdit schema = HelmReleaseEdits.schemaCommentEdit(edits, hr);
            if (schema != null) {
                releaseEdits.add(schema);
            }
        }

        // the OCIRepository: shared, or reuse an identical one, refuse a different one
        KubeObject existing = share != null ? null : existingOciRepository(r, name);
        String ociFile;
        boolean reused = false;
        if (share != null) {
            shares.write(
                    r,
                    sharedDocument(r, chartSpec, notes),
                    created,
                    changed,
                    (first, doc, c, ch) -> placeInOwnFile(first, doc, hrWork, c, ch));
            ociFile = shares.planned(r).file();
            reused = share.reused();
            notes.add((share.reused() ? "shares the existing OCIRepository " : "shares the OCIRepository ")
                    + (share.chartRefNamespace() != null ? share.chartRefNamespace() + "/" : "") + share.name() + " ("
                    + ociFile + ") with the other releases of this chart at this version");
        } else if (existing != null) {
            String why = differences(existing, r, options.mirror());
            if (why != null) {
                throw new Refusal("OCIRepository " + existing.describe() + " already exists at "
                        + existing.file().relativePath() + ":" + existing.line() + " and " + why
                        + "; it is left alone: align or rename it, then run again");
            }
            reused = true;
            ociFile = existing.file().relativePath();
            notes.add("reuses the identical OCIRepository in " + ociFile);
            if (existing.file() != hr.file()
                    && existing.file().directory().equals(hr.file().directory())) {
                // beside the release (an earlier, interrupted run wrote it): make sure the release's kustomization
                // lists it
                listings.listBeside(r, ociFile, changed);
            }
        } else {
            String doc = ociDocument(r, chartSpec, notes);
            if (layout == Layout.INLINE) {
                int index = hr.documentIndex();
                String insert = edits.documentText(doc);
                if (!edits.hasDocumentMarker(index)) {
                    insert = insert + "---" + edits.file().lineEnding();
                }
                hrWork.add(TextEdit.insert(edits.documentStart(index), insert), 1, RELEASE);
                ociFile = hr.file().relativePath();
            } else {
                ociFile = placeInOwnFile(r, doc, hrWork, created, changed);
            }
        }
        for (TextEdit e : releaseEdits) {
            hrWork.add(e, 0, RELEASE);
        }
        for (OverlayRewrite o : overlays) {
            rewrite(o, created, changed);
            notes.add("the overlay " + o.patch().file() + " now patches the OCIRepository's spec.ref in "
                    + o.newPatchPath());
        }
        hrWork.expected.put(name, share != null ? share.name() : name);
        if (!changed.contains(hr.file().relativePath())
                && !created.contains(hr.file().relativePath())) {
            changed.add(hr.file().relativePath());
        }
        String ociName = share != null ? share.name() : name;
        String ociNs = share == null ? ns : shares.namespaceOf(r);
        migrated.add(new MigratedRelease(
                r,
                ociName,
                ociNs,
                ociFile,
                reused,
                created,
                changed,
                notes,
                options.mirror().urlFor(r.oci().url())));
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
    private String placeInOwnFile(
            ScannedRelease r, String doc, FileWork hrWork, List<String> created, List<String> changed) throws Refusal {
        String dir = r.object().file().directory();
        String path = dir.isEmpty() ? "ocirepository.yaml" : dir + "/ocirepository.yaml";
        ManifestFile existingFile = tree.file(path);
        if (existingFile != null && !existingFile.parsed()) {
            throw new Refusal(path + " exists but could not be parsed; fix it first");
        }
        if (existingFile == null
                && !newFiles.containsKey(path)
                && Files.exists(tree.root().resolve(path))) {
            throw new Refusal(path + " exists but is not scanned (excluded or not YAML); move it or include it");
        }
        if (existingFile != null) {
            FileWork w = work(existingFile);
            String text = w.file().text();
            String prefix = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r")
                    ? ""
                    : w.file().lineEnding();
            w.add(TextEdit.insert(text.length(), prefix + w.edits.documentText(doc)), 1, ADD);
            changed.add(path);
        } else if (newFiles.containsKey(path)) {
            newFiles.get(path).documents.add(doc);
            changed.add(path);
        } else {
            newFiles.put(path, new NewFile(path, hrWork.edits, doc));
            created.add(path);
        }
        listings.listBeside(r, path, changed);
        return path;
    }

    /** The new OCIRepository's text, with what carries over from the HelmRepository and the chart spec. */
    private String ociDocument(ScannedRelease r, Node chartSpec, List<String> notes) {
        return ociDocument(r, chartSpec, notes, r.name(), r.object().metadataNamespace(), interval(r, chartSpec));
    }

    private String interval(ScannedRelease r, Node chartSpec) {
        return options.interval()
                .choose(Nodes.text(r.object().root(), "spec", "interval"), Nodes.text(chartSpec, "interval"));
    }

    /** The shared OCIRepository of a group, from its first release. */
    private String sharedDocument(ScannedRelease r, Node chartSpec, List<String> notes) {
        return ociDocument(r, chartSpec, notes, shares.nameOf(r), shares.metadataNamespace(r), interval(r, chartSpec));
    }

    /** What decides whether releases can share an OCIRepository: its text without name, namespace and interval. */
    private String sourceKey(ScannedRelease r) {
        Node chartSpec = Nodes.get(r.object().root(), "spec", "chart", "spec");
        return ociDocument(r, chartSpec, new ArrayList<>(), "-", null, "-");
    }

    /** Why a release keeps its own OCIRepository under oci.share: an overlay patches its version. */
    private String versionOverlay(ScannedRelease r) {
        try {
            List<OverlayRewrite> overlays = overlaysOf(r);
            return overlays.isEmpty()
                    ? null
                    : "not shared: the overlay " + overlays.get(0).patch().file()
                            + " patches its version, so it keeps an OCIRepository of its own";
        } catch (Refusal e) {
            return null; // refused when it is migrated
        }
    }

    private String ociDocument(
            ScannedRelease r, Node chartSpec, List<String> notes, String name, String namespace, String interval) {
        OciRepositoryDocument doc = OciRepositoryDocument.of(
                options.schemaUrl(),
                name,
                namespace,
                interval,
                options.mirror().urlFor(r.oci().url()),
                r.oci().tag(),
                r.oci().semver());
        KubeObject repo = r.source() == null
                ? null
                : SourceLookup.object(
                        tree, "HelmRepository", r.source().name(), r.source().namespace(), r.cluster());
        if (repo != null) {
            Node repoSpec = Nodes.get(repo.root(), "spec");
            boolean ociRepo = "oci".equals(Nodes.text(repoSpec, "type"));
            for (String field : List.of("provider", "secretRef", "certSecretRef", "insecure", "timeout")) {
                Node value = Nodes.get(repoSpec, field);
                if (value == null) {
                    continue;
                }
                if (ociRepo || field.equals("timeout")) {
                    doc.copy(field, value);
                } else if (!field.equals("provider")) {
                    notes.add("HelmRepository " + repo.name() + " has spec." + field + " for its HTTP server; it is not"
                            + " carried to " + r.oci().url() + " (add spec." + field + " to the OCIRepository if that"
                            + " registry needs it)");
                }
            }
        }
        Node verify = Nodes.get(chartSpec, "verify");
        if (verify != null) {
            doc.copy("verify", verify);
        } else if (options.cosign() && r.oci().signed()) {
            doc.cosign();
        } else if (options.cosign()) {
            notes.add("oci.verify=cosign: spec.verify not written, " + unsignedBecause(r.oci())
                    + " (Flux would fail to verify an unsigned chart)");
        }
        return doc.text();
    }

    /** Why a new OCIRepository gets no {@code spec.verify}: what the registry showed online, else the catalog. */
    static String unsignedBecause(OciTarget oci) {
        ChartProof proof = oci.proof();
        if (proof != null && proof.signature() == ChartProof.Signing.UNSIGNED) {
            return oci.url() + ":" + proof.tag() + " carries no cosign signature (" + proof.signatureNote() + ")";
        }
        String unknown = proof != null
                ? "the registry did not say whether " + oci.url() + ":" + proof.tag() + " is signed ("
                        + proof.signatureNote() + "), and "
                : "";
        return unknown + "the catalog does not know " + oci.url() + " as signed with cosign";
    }

    /**
     * Overlays that patch spec.chart of this release would break once it uses chartRef: each is rewritten to patch
     * the OCIRepository instead, or the release is refused.
     */
    private List<OverlayRewrite> overlaysOf(ScannedRelease r) throws Refusal {
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
                boolean identical = tree.file(path) != null
                        && tree.file(path).parsed()
                        && tree.file(path).yaml().text().equals(overlayPatchText(o));
                if (!identical
                        && (tree.file(path) != null
                                || newFiles.containsKey(path)
                                || Files.exists(tree.root().resolve(path)))) {
                    throw new Refusal(
                            "the overlay " + p.file() + " would get a patch " + path + ", which already exists");
                }
                out.add(o);
            }
        }
        return out;
    }

    /**
     * An overlay's version-only HelmRelease patch that its kustomization no longer lists, beside the OCIRepository
     * patch that replaced it and that is listed: what a run interrupted between delisting and deleting it leaves.
     * It is deleted now, as that run would have.
     */
    private void removeReplacedOverlayPatches() {
        for (ManifestFile f : tree.files()) {
            if (!f.parsed()
                    || f.objects().size() != 1
                    || !tree.listersOf(f.relativePath()).isEmpty()
                    || work.containsKey(f.relativePath())) {
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
                work(f).delete();
                warnings.add(f.relativePath() + ": removed; an interrupted oci:migrate had already replaced it by "
                        + replacement);
            }
        }
    }

    /** The text of the OCIRepository patch that replaces an overlay's version patch, in the patch file's style. */
    private static String overlayPatchText(OverlayRewrite o) {
        return new YamlEdits(o.patch().object().file().yaml()).documentText(o.document());
    }

    private void rewrite(OverlayRewrite o, List<String> created, List<String> changed) {
        ManifestFile patchFile = o.patch().object().file();
        FileWork patchWork = work(patchFile);
        FileWork listWork = work(o.entry().owner().file());
        if (o.emptyAfter()) {
            // nothing but spec.chart: the OCIRepository patch takes the HelmRelease patch's place
            patchWork.delete();
            LineRange item = listWork.edits.itemLines(o.listItem());
            listWork.add(TextEdit.delete(item.start(), item.end()), 0, OVERLAY);
        } else {
            MappingNode spec = (MappingNode) Nodes.get(o.patch().object().root(), "spec");
            patchWork.add(patchWork.edits.removeEntry(spec, "chart"), 0, OVERLAY);
            changed.add(patchFile.relativePath());
        }
        if (tree.file(o.newPatchPath()) == null) {
            newFiles.put(o.newPatchPath(), new NewFile(o.newPatchPath(), patchWork.edits, o.document()));
            created.add(o.newPatchPath());
        } // else: an earlier, interrupted run wrote exactly this patch; it is listed below

        boolean listed = tree.listersOf(o.newPatchPath()).stream()
                .anyMatch(e -> e.owner() == o.entry().owner());
        if (!listed) {
            listWork.add(
                    listWork.edits.insertSequenceItem(
                            o.list(), o.list().getValue().size(), o.newListItem()),
                    0,
                    OVERLAY);
        }
        changed.add(o.entry().owner().file().relativePath());
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

    // ---------------------------------------------------------------- files

    private FileWork work(ManifestFile file) {
        return work.computeIfAbsent(file.relativePath(), p -> new FileWork(file));
    }

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
