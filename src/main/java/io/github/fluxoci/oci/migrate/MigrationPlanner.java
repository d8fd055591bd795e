package io.github.fluxoci.oci.migrate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.catalog.ChartUrls;
import io.github.fluxoci.oci.scan.CriticalReleases;
import io.github.fluxoci.oci.scan.OnlineChecks;
import io.github.fluxoci.oci.scan.ReleasePatch;
import io.github.fluxoci.oci.scan.ReleaseStatus;
import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.scan.ScannedHelmRepository;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.scan.SourceLookup;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.ObjectInstance;
import io.github.fluxoci.oci.yaml.EditConflictException;
import io.github.fluxoci.oci.yaml.EditPlan;
import io.github.fluxoci.oci.yaml.LineRange;
import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.TextEdit;
import io.github.fluxoci.oci.yaml.YamlEdits;
import io.github.fluxoci.oci.yaml.YamlFile;
import io.github.fluxoci.oci.yaml.YamlParseException;

/**
 * Turns the scan of a tree into a {@link MigrationPlan}: for each selected MIGRATABLE release, the guide's
 * steps as text edits (write the OCIRepository, swap {@code spec.chart} for {@code spec.chartRef}, move the
 * apiVersion to {@code v2}, list the new file in the release's kustomization), and with {@code prune} the
 * removal of HelmRepositories nobody uses any more. Nothing is written here. A release whose change cannot
 * be made safely is skipped with its reason; the others go on. Every changed file is re-parsed.
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
    /** kustomization resources list -> entries to add, with the entry they sit beside */
    private final Map<SequenceNode, ListAddition> additions = new IdentityHashMap<>();
    /** flow-style kustomization lists that lose items to prune */
    private final Map<SequenceNode, FlowRemoval> flowRemovals = new IdentityHashMap<>();
    private final List<MigratedRelease> migrated = new ArrayList<>();
    private final List<SkippedRelease> skipped = new ArrayList<>();
    private final List<PrunedRepository> pruned = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private MigrationPlanner(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        this.tree = tree;
        this.scan = scan;
        this.options = options;
    }

    public static MigrationPlan plan(ManifestTree tree, ScanResult scan, MigrateOptions options) {
        return new MigrationPlanner(tree, scan, options).build();
    }

    // ---------------------------------------------------------------- the plan

    private MigrationPlan build() {
        Layout layout = options.layout() == Layout.AUTO ? layoutOfTree() : options.layout();
        for (ScannedRelease r : select()) {
            try {
                migrate(r, layout);
            } catch (Refusal | EditConflictException e) {
                skipped.add(new SkippedRelease(r.qualifiedName(), r.file(), r.line(), e.getMessage()));
            }
        }
        for (Map.Entry<SequenceNode, ListAddition> e : additions.entrySet()) {
            addToList(e.getKey(), e.getValue());
        }
        removeReplacedOverlayPatches();
        if (options.prune() != Prune.NONE) {
            prune();
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
            phase.sort(Comparator.comparingInt((FileChange c) -> c.isNew() ? 0 : c.isDeletion() ? 3
                    : ManifestTree.isKustomizationFileName(c.path().substring(c.path().lastIndexOf('/') + 1)) ? 1 : 2)
                    .thenComparing(FileChange::path));
            ordered.addAll(phase);
        }
        return new MigrationPlan(List.copyOf(changes), List.copyOf(migrated), List.copyOf(skipped), List.copyOf(pruned),
                List.copyOf(warnings), List.copyOf(ordered));
    }

    /** Follows the tree: inline when most OCIRepositories share a file with a HelmRelease, else file. */
    private Layout layoutOfTree() {
        int inline = 0;
        int own = 0;
        for (KubeObject oci : tree.ociRepositories()) {
            boolean withRelease = oci.file().objects().stream().anyMatch(o -> o.is(ManifestTree.HELM_GROUP, "HelmRelease"));
            if (withRelease) {
                inline++;
            } else {
                own++;
            }
        }
        return inline > own ? Layout.INLINE : Layout.FILE;
    }

    /**
     * The releases to move, one per document: a document built several times (a shared component, two clusters)
     * moves once, when every instance of it is MIGRATABLE to the same OCI source; a document no entry point builds
     * is left alone unless {@code includeUndeployed}.
     */
    private List<ScannedRelease> select() {
        List<ScannedRelease> out = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>(options.charts());
        Set<String> matched = new LinkedHashSet<>();
        Map<KubeObject, List<ScannedRelease>> byDocument = new LinkedHashMap<>();
        for (ScannedRelease r : scan.releases()) {
            byDocument.computeIfAbsent(r.object(), o -> new ArrayList<>()).add(r);
        }
        for (List<ScannedRelease> instances : byDocument.values()) {
            boolean named = wanted.isEmpty();
            boolean inNamespace = options.namespaces().isEmpty();
            for (ScannedRelease r : instances) {
                for (String w : List.of(r.name(), r.qualifiedName())) {
                    if (wanted.contains(w)) {
                        named = true;
                        matched.add(w);
                    }
                }
                inNamespace |= r.namespace().known() && options.namespaces().contains(r.namespace().value());
            }
            if (!named || !inNamespace) {
                continue;
            }
            ScannedRelease first = instances.get(0);
            boolean migratable = instances.stream().allMatch(r -> r.status() == ReleaseStatus.MIGRATABLE);
            if (migratable && !first.deployed() && !options.includeUndeployed()) {
                skipped.add(new SkippedRelease(first.qualifiedName(), first.file(), first.line(), "not deployed: no Flux"
                        + " entry point builds " + first.file() + "; left alone (-Doci.includeUndeployed=true migrates it)"));
            } else if (migratable && instances.stream().allMatch(r -> sameTarget(r, first))) {
                out.add(first);
            } else if (instances.stream().anyMatch(r -> r.status() == ReleaseStatus.MIGRATABLE)) {
                List<String> each = new ArrayList<>();
                for (ScannedRelease r : instances) {
                    each.add(r.qualifiedName() + (r.cluster() == null || r.cluster().isEmpty() ? "" : " (cluster "
                            + r.cluster() + ")") + ": " + r.status() + (r.oci() != null ? " " + r.oci().url() : ""));
                }
                skipped.add(new SkippedRelease(first.qualifiedName(), first.file(), first.line(), "its builds disagree ("
                        + String.join("; ", each) + "); one file cannot serve them all: split it or add <mappings>"));
            } else if (!wanted.isEmpty() || OnlineChecks.blockedOnline(first) || CriticalReleases.blocked(first)) {
                skipped.add(new SkippedRelease(first.qualifiedName(), first.file(), first.line(), notMigratable(first)));
            }
        }
        for (String w : wanted) {
            if (!matched.contains(w)) {
                skipped.add(new SkippedRelease(w, null, 0, "no HelmRelease named " + w + " in the tree"
                        + (options.namespaces().isEmpty() ? "" : " in namespaces " + options.namespaces())
                        + "; oci:scan lists the releases"));
            }
        }
        return out;
    }

    private static boolean sameTarget(ScannedRelease a, ScannedRelease b) {
        return Objects.equals(a.oci().url(), b.oci().url()) && Objects.equals(a.oci().tag(), b.oci().tag())
                && Objects.equals(a.oci().semver(), b.oci().semver());
    }

    private static String notMigratable(ScannedRelease r) {
        return switch (r.status()) {
            case OCI -> "already on OCI (chartRef to OCIRepository " + r.oci().name() + ")";
            case BLOCKED -> "cannot use OCI: " + String.join("; ", r.reasons());
            case UNKNOWN -> "no OCI source known: " + String.join("; ", r.reasons());
            case MIGRATABLE -> "";
        };
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
            throw new Refusal("spec.chart is an alias (*" + chartEntry.getValueNode().getAnchor() + "); edit it by hand");
        }
        checkRemovedFields(r, root);
        List<OverlayRewrite> overlays = overlaysOf(r);

        String name = r.name();
        String ns = hr.metadataNamespace();
        Node chartSpec = Nodes.get(chartEntry.getValueNode(), "spec");
        List<String> notes = new ArrayList<>(r.warnings());
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();

        // the HelmRelease's own edits first: they may refuse, and nothing is recorded before they are known
        List<TextEdit> releaseEdits = new ArrayList<>();
        releaseEdits.add(chartRefEdit(edits, spec, chartEntry, name));
        releaseEdits.addAll(anchorMoves(edits, root, chartEntry));
        if (!HELM_V2.equals(hr.apiVersion())) {
            releaseEdits.add(edits.replaceScalar((ScalarNode) Nodes.get(root, "apiVersion"), HELM_V2));
            TextEdit schema = schemaCommentEdit(edits, hr);
            if (schema != null) {
                releaseEdits.add(schema);
            }
        }

        // the OCIRepository: reuse an identical one, refuse a different one
        KubeObject existing = existingOciRepository(r, name);
        String ociFile;
        boolean reused = false;
        if (existing != null) {
            String why = differences(existing, r);
            if (why != null) {
                throw new Refusal("OCIRepository " + existing.describe() + " already exists at "
                        + existing.file().relativePath() + ":" + existing.line() + " and " + why
                        + "; it is left alone: align or rename it, then run again");
            }
            reused = true;
            ociFile = existing.file().relativePath();
            notes.add("reuses the identical OCIRepository in " + ociFile);
            if (existing.file() != hr.file() && existing.file().directory().equals(hr.file().directory())) {
                // beside the release (an earlier, interrupted run wrote it): make sure the release's kustomization lists it
                listBeside(r, ociFile, changed);
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
        hrWork.expected.add(name);
        if (!changed.contains(hr.file().relativePath()) && !created.contains(hr.file().relativePath())) {
            changed.add(hr.file().relativePath());
        }
        migrated.add(new MigratedRelease(r, name, ns, ociFile, reused, created, changed, notes));
    }

    /**
     * The {@code # yaml-language-server: $schema=...} comment above a HelmRelease names the schema of its
     * apiVersion ({@code helmrelease_v2beta2.json}, {@code helmrelease-helm-v2beta2.json}): when the apiVersion
     * moves to {@code v2}, the version in that file name follows. Null when there is no such comment.
     */
    private static TextEdit schemaCommentEdit(YamlEdits edits, KubeObject hr) {
        String text = edits.file().text();
        int from = edits.documentStart(hr.documentIndex());
        int to = edits.file().startOffset(hr.root());
        Matcher m = Pattern.compile("#\\s*yaml-language-server:\\s*\\$schema=\\S*?[-_](" + Pattern.quote(hr.version())
                + ")\\.json").matcher(text).region(from, to);
        return m.find() ? new TextEdit(m.start(1), m.end(1), "v2") : null;
    }

    /**
     * An OCIRepository of that name where the release would get one: deployed in its cluster and namespace, or in
     * its own folder (built with it), or, for a release nothing deploys, by name and namespace.
     */
    private KubeObject existingOciRepository(ScannedRelease r, String name) {
        if (r.deployed()) {
            ObjectInstance i = tree.find(ManifestTree.SOURCE_GROUP, "OCIRepository", name, r.namespace().value(), r.cluster());
            if (i != null) {
                return i.object();
            }
        }
        KubeObject same = SourceLookup.object(tree, "OCIRepository", name, r.namespace().value(), null);
        // one that sits in the release's own folder is built with it, listed or not
        return same != null && (!r.deployed() || same.file().directory().equals(r.object().file().directory())) ? same : null;
    }

    /** FILE layout: {@code ocirepository.yaml} beside the release, new or appended to, and listed. */
    private String placeInOwnFile(ScannedRelease r, String doc, FileWork hrWork, List<String> created, List<String> changed)
            throws Refusal {
        String dir = r.object().file().directory();
        String path = dir.isEmpty() ? "ocirepository.yaml" : dir + "/ocirepository.yaml";
        ManifestFile existingFile = tree.file(path);
        if (existingFile != null && !existingFile.parsed()) {
            throw new Refusal(path + " exists but could not be parsed; fix it first");
        }
        if (existingFile == null && !newFiles.containsKey(path) && Files.exists(tree.root().resolve(path))) {
            throw new Refusal(path + " exists but is not scanned (excluded or not YAML); move it or include it");
        }
        if (existingFile != null) {
            FileWork w = work(existingFile);
            String text = w.file().text();
            String prefix = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? "" : w.file().lineEnding();
            w.add(TextEdit.insert(text.length(), prefix + w.edits.documentText(doc)), 1, ADD);
            changed.add(path);
        } else if (newFiles.containsKey(path)) {
            newFiles.get(path).documents.add(doc);
            changed.add(path);
        } else {
            newFiles.put(path, new NewFile(path, hrWork.edits, doc));
            created.add(path);
        }
        listBeside(r, path, changed);
        return path;
    }

    /** Adds the new file to the resources of the kustomization that lists the release's file. */
    private void listBeside(ScannedRelease r, String newPath, List<String> changed) {
        List<KustomizeEntry> listers = tree.listersOf(r.file()).stream()
                .filter(e -> e.role() == KustomizeEntry.Role.RESOURCE).toList();
        if (listers.isEmpty()) {
            if (!tree.isBuilt(r.object().file())) {
                warnings.add(r.file() + ": no kustomization lists it, so none lists " + newPath + " either");
            }
            return;
        }
        for (KustomizeEntry lister : listers) {
            KustomizeFile k = lister.owner();
            Node listNode = Nodes.get(k.root(), "resources");
            if (!(listNode instanceof SequenceNode seq)) {
                continue;
            }
            boolean alreadyListed = tree.listersOf(newPath).stream().anyMatch(e -> e.owner() == k);
            String value = sibling(lister.value(), newPath.substring(newPath.lastIndexOf('/') + 1));
            ListAddition add = additions.computeIfAbsent(seq, s -> new ListAddition(k));
            if (!alreadyListed && !add.values.contains(value)) {
                add.values.add(value);
            }
            if (!changed.contains(k.file().relativePath()) && !alreadyListed) {
                changed.add(k.file().relativePath());
            }
        }
    }

    /** {@code ./app/helmrelease.yaml} + {@code ocirepository.yaml} -> {@code ./app/ocirepository.yaml}. */
    static String sibling(String listedValue, String fileName) {
        int slash = listedValue.lastIndexOf('/');
        return slash < 0 ? fileName : listedValue.substring(0, slash + 1) + fileName;
    }

    private void addToList(SequenceNode seq, ListAddition add) {
        if (add.values.isEmpty()) {
            return;
        }
        FileWork w = work(add.kustomization.file());
        List<String> existing = new ArrayList<>();
        for (Node item : seq.getValue()) {
            existing.add(item instanceof ScalarNode s ? s.getValue() : "");
        }
        boolean sorted = existing.size() >= 2 && isSorted(existing);
        Map<Integer, StringBuilder> byIndex = new LinkedHashMap<>();
        Map<Integer, Integer> atOffset = new LinkedHashMap<>();
        for (String value : add.values) {
            int index = existing.size();
            if (sorted) {
                index = 0;
                while (index < existing.size() && key(existing.get(index)).compareTo(key(value)) < 0) {
                    index++;
                }
            }
            TextEdit e = w.edits.insertSequenceItem(seq, index, YamlEdits.stringScalar(value));
            byIndex.computeIfAbsent(index, i -> new StringBuilder()).append(e.replacement());
            atOffset.put(index, e.start());
        }
        for (Map.Entry<Integer, StringBuilder> e : byIndex.entrySet()) {
            w.add(TextEdit.insert(atOffset.get(e.getKey()), e.getValue().toString()), 0, ADD);
        }
    }

    private static boolean isSorted(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (key(values.get(i - 1)).compareTo(key(values.get(i))) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String key(String value) {
        return value.startsWith("./") ? value.substring(2) : value;
    }

    /** The new OCIRepository's text, with what carries over from the HelmRepository and the chart spec. */
    private String ociDocument(ScannedRelease r, Node chartSpec, List<String> notes) {
        String interval = Objects.requireNonNullElse(Nodes.text(chartSpec, "interval"), options.interval());
        OciRepositoryDocument doc = OciRepositoryDocument.of(options.schemaUrl(), r.name(), r.object().metadataNamespace(),
                interval, r.oci().url(), r.oci().tag(), r.oci().semver());
        KubeObject repo = r.source() == null ? null
                : SourceLookup.object(tree, "HelmRepository", r.source().name(), r.source().namespace(), r.cluster());
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
        }
        return doc.text();
    }

    private TextEdit chartRefEdit(YamlEdits edits, MappingNode spec, NodeTuple chartEntry, String name) {
        LineRange range = edits.entryLines(spec, "chart");
        YamlFile file = edits.file();
        String text = file.text();
        int column = edits.column(chartEntry.getKeyNode());
        int start = range.start();
        // "# renovate: ..." comments right above "chart:" belonged to the version it tracked
        while (start > 0) {
            int prev = file.lineStart(start - 1);
            String line = text.substring(prev, start);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") && trimmed.contains("renovate:") && line.indexOf('#') == column) {
                start = prev;
            } else {
                break;
            }
        }
        String block = "chartRef:\n  kind: OCIRepository\n  name: " + YamlEdits.stringScalar(name);
        String replacement = edits.indentBlock(block, column);
        if (range.end() == text.length() && !text.endsWith("\n") && !text.endsWith("\r")) {
            replacement = replacement.substring(0, replacement.length() - file.lineEnding().length());
        }
        return new TextEdit(start, range.end(), replacement);
    }

    /**
     * An anchor defined inside {@code spec.chart} and used after it would dangle once the block is gone: the
     * first use outside takes over the definition ({@code *v} becomes {@code &v 1.2.3}).
     */
    private List<TextEdit> anchorMoves(YamlEdits edits, MappingNode root, NodeTuple chartEntry) throws Refusal {
        LineRange removed = edits.entryLines((MappingNode) Nodes.get(root, "spec"), "chart");
        Map<Node, String> anchored = new IdentityHashMap<>();
        collectAnchors(chartEntry.getValueNode(), anchored);
        // only anchors defined inside the removed block: an alias in it (chart: *app) points at a definition elsewhere
        anchored.keySet().removeIf(n -> {
            int at = edits.file().startOffset(n);
            return at < removed.start() || at >= removed.end();
        });
        if (anchored.isEmpty()) {
            return List.of();
        }
        List<TextEdit> out = new ArrayList<>();
        Set<Node> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        String text = edits.file().text();
        List<NodeTuple> uses;
        try {
            uses = aliasUses(root, anchored);
        } catch (IllegalArgumentException listItem) {
            throw new Refusal("anchor &" + listItem.getMessage() + " in spec.chart is used as a list item elsewhere;"
                    + " move the anchor out of spec.chart first");
        }
        for (NodeTuple use : uses) {
            int keyEnd = edits.file().endOffset(use.getKeyNode());
            if (keyEnd >= removed.start() && keyEnd < removed.end()) {
                continue; // a use inside the removed block goes with it
            }
            Node value = use.getValueNode();
            String anchor = anchored.get(value);
            if (!moved.add(value)) {
                continue; // later uses stay aliases of the moved definition
            }
            if (!(value instanceof ScalarNode scalar)) {
                throw new Refusal("anchor &" + anchor + " in spec.chart holds a mapping or list that line "
                        + edits.file().lineNumber(keyEnd) + " uses; move the anchor out of spec.chart first");
            }
            int star = text.indexOf("*" + anchor, keyEnd);
            if (star < 0) {
                throw new Refusal("cannot find the alias *" + anchor + " after line " + edits.file().lineNumber(keyEnd));
            }
            String definition = "&" + anchor + " " + edits.sourceText(scalar);
            out.add(new TextEdit(star, star + anchor.length() + 1, definition));
        }
        return out;
    }

    private static void collectAnchors(Node node, Map<Node, String> out) {
        if (node.getAnchor() != null) {
            out.put(node, node.getAnchor());
        }
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> collectAnchors(t.getValueNode(), out));
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> collectAnchors(n, out));
        }
    }

    /** Entries (in document order) whose value is one of the anchored nodes but sits elsewhere: alias uses. */
    private static List<NodeTuple> aliasUses(Node node, Map<Node, String> anchored) {
        List<NodeTuple> out = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (anchored.containsKey(t.getValueNode()) && YamlEdits.isAlias(t)) {
                    out.add(t);
                } else if (!YamlEdits.isAlias(t)) {
                    out.addAll(aliasUses(t.getValueNode(), anchored));
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (anchored.containsKey(item) && item.getStartMark().getIndex() < s.getStartMark().getIndex()) {
                    throw new IllegalArgumentException(anchored.get(item));
                }
                out.addAll(aliasUses(item, anchored));
            }
        }
        return out;
    }

    /** v2 removed some v2beta1/v2beta2 fields: such a release is left for a person. */
    private static void checkRemovedFields(ScannedRelease r, MappingNode root) throws Refusal {
        if (HELM_V2.equals(r.apiVersion())) {
            return;
        }
        List<String> found = new ArrayList<>();
        if (Nodes.has(root, "spec", "chart", "spec", "valuesFile")) {
            found.add("spec.chart.spec.valuesFile");
        }
        for (Node pr : Nodes.items(root, "spec", "postRenderers")) {
            for (String field : List.of("patchesJson6902", "patchesStrategicMerge")) {
                if (Nodes.has(pr, "kustomize", field)) {
                    found.add("spec.postRenderers[].kustomize." + field);
                }
            }
        }
        if (!found.isEmpty()) {
            throw new Refusal(r.apiVersion() + " uses " + String.join(", ", found) + ", which " + HELM_V2
                    + " removed; convert them (valuesFiles, kustomize.patches) and run again");
        }
    }

    /**
     * Overlays that patch spec.chart of this release would break once it uses chartRef: each is rewritten to patch
     * the OCIRepository instead, or the release is refused.
     */
    private List<OverlayRewrite> overlaysOf(ScannedRelease r) throws Refusal {
        List<OverlayRewrite> out = new ArrayList<>();
        for (ReleasePatch p : scan.releasePatches()) {
            String patchNs = p.object().metadataNamespace();
            boolean same = p.name() != null && p.name().equals(r.name())
                    && (patchNs == null || !r.namespace().known() || patchNs.equals(r.namespace().value()));
            if (same && !p.chartFields().isEmpty()) {
                OverlayRewrite o = OverlayRewrite.of(p, r, tree);
                String path = o.newPatchPath();
                boolean identical = tree.file(path) != null && tree.file(path).parsed()
                        && tree.file(path).yaml().text().equals(overlayPatchText(o));
                if (!identical && (tree.file(path) != null || newFiles.containsKey(path)
                        || Files.exists(tree.root().resolve(path)))) {
                    throw new Refusal("the overlay " + p.file() + " would get a patch " + path + ", which already exists");
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
            if (!f.parsed() || f.objects().size() != 1 || !tree.listersOf(f.relativePath()).isEmpty()
                    || work.containsKey(f.relativePath())) {
                continue;
            }
            KubeObject o = f.objects().get(0);
            if (!o.is(ManifestTree.HELM_GROUP, "HelmRelease") || o.name() == null || !OverlayRewrite.isVersionOnly(o)) {
                continue;
            }
            String replacement = (f.directory().isEmpty() ? "" : f.directory() + "/") + o.name() + "-ocirepository-patch.yaml";
            boolean replaced = tree.listersOf(replacement).stream().anyMatch(e -> e.role() == KustomizeEntry.Role.PATCH);
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

        boolean listed = tree.listersOf(o.newPatchPath()).stream().anyMatch(e -> e.owner() == o.entry().owner());
        if (!listed) {
            listWork.add(listWork.edits.insertSequenceItem(o.list(), o.list().getValue().size(), o.newListItem()), 0,
                    OVERLAY);
        }
        changed.add(o.entry().owner().file().relativePath());
    }

    /** Null when an existing OCIRepository is what the migration would write, else what differs. */
    private static String differences(KubeObject existing, ScannedRelease r) {
        String url = Nodes.text(existing.root(), "spec", "url");
        if (url == null || !ChartUrls.normalize(url).equals(ChartUrls.normalize(r.oci().url()))) {
            return "points at " + url + ", not " + r.oci().url();
        }
        String tag = Nodes.text(existing.root(), "spec", "ref", "tag");
        String semver = Nodes.text(existing.root(), "spec", "ref", "semver");
        if (!Objects.equals(tag, r.oci().tag()) || !Objects.equals(semver, r.oci().semver())) {
            return "has ref " + (tag != null ? "tag " + tag : "semver " + semver) + ", not "
                    + (r.oci().tag() != null ? "tag " + r.oci().tag() : "semver " + r.oci().semver());
        }
        return null;
    }

    // ---------------------------------------------------------------- prune

    /**
     * Removes the HelmRepositories nothing can use any more. A HelmRepository counts as used while any document of
     * the tree names it in a {@code sourceRef} after this run: a HelmRelease this run does not move (deployed or
     * not, in any cluster), an overlay patch, a {@code HelmChart}; a {@code ${VAR:=default}} substitution names its
     * default, a bare {@code ${VAR}} could name any of them. Names are compared without namespaces, so a same-named
     * repository of another namespace keeps it too. By default only repositories this run freed are removed;
     * ones unused before are reported, and removed with {@code -Doci.prune=all}.
     */
    private void prune() {
        Set<KubeObject> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        migrated.forEach(m -> moved.add(m.release().object()));
        SourceNames stillNamed = SourceNames.of(tree, moved);
        List<ScannedHelmRepository> candidates = new ArrayList<>();
        for (ScannedHelmRepository h : scan.helmRepositories()) {
            if (stillNamed.names(h.name())) {
                continue;
            }
            if (h.usedBy().isEmpty() && options.prune() != Prune.ALL) {
                warnings.add("HelmRepository " + h.name() + " (" + h.file() + ") was unused before this run; kept"
                        + " (-Doci.prune=all removes it too)");
                continue;
            }
            candidates.add(h);
        }
        if (candidates.isEmpty()) {
            return;
        }
        if (stillNamed.anyName() != null) {
            warnings.add("prune skipped: " + stillNamed.anyName() + " names its HelmRepository through a substitution"
                    + " without a default, so it could be any of " + candidates.size() + " that look unused");
            return;
        }
        if (!scan.problems().isEmpty()) {
            int files = scan.problems().size();
            warnings.add("prune skipped: " + files + (files == 1 ? " file" : " files") + " could not be read and may use "
                    + candidates.size() + (candidates.size() == 1 ? " HelmRepository that looks" : " HelmRepositories that look")
                    + " unused; fix or exclude them, then prune");
            return;
        }
        for (ScannedHelmRepository h : candidates) {
            KubeObject repo = h.object();
            ManifestFile file = repo.file();
            boolean alone = file.yaml().documents().size() == 1;
            FileWork w = work(file);
            if (alone) {
                w.delete();
                for (KustomizeEntry e : tree.listersOf(file.relativePath())) {
                    removeListEntry(e);
                }
            } else {
                LineRange doc = w.edits.documentRange(repo.documentIndex());
                w.add(TextEdit.delete(doc.start(), doc.end()), -1, REMOVE);
            }
            pruned.add(new PrunedRepository(h.name(), h.namespace(), file.relativePath(), alone));
        }
        flowRemovals.forEach(this::rewriteFlowList);
    }

    private void removeListEntry(KustomizeEntry entry) {
        FileWork w = work(entry.owner().file());
        for (String key : List.of("resources", "bases", "components")) {
            if (!(Nodes.get(entry.owner().root(), key) instanceof SequenceNode seq)
                    || seq.getValue().stream().noneMatch(item -> item == entry.node())) {
                continue;
            }
            if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                // [a, b]: the items share a line; the whole list is rewritten once, after every removal is known
                flowRemovals.computeIfAbsent(seq, q -> new FlowRemoval(w, entry.owner().root(), key)).items.add(entry.node());
            } else if (seq.getValue().size() == 1) {
                w.add(w.edits.replaceEntry(entry.owner().root(), key, key + ": []"), 0, REMOVE);
            } else {
                LineRange lines = w.edits.itemLines(entry.node());
                w.add(TextEdit.delete(lines.start(), lines.end()), 0, REMOVE);
            }
            return;
        }
    }

    /** A flow list ({@code resources: [a, b]}) written again without the removed items, in its own style. */
    private void rewriteFlowList(SequenceNode seq, FlowRemoval removal) {
        YamlFile file = removal.work.file();
        List<String> kept = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (removal.items.stream().noneMatch(r -> r == item)) {
                kept.add(file.text().substring(file.startOffset(item), file.endOffset(item)));
            }
        }
        if (kept.isEmpty()) {
            removal.work.add(removal.work.edits.replaceEntry(removal.kustomization, removal.key, removal.key + ": []"), 0,
                    REMOVE);
        } else {
            removal.work.add(new TextEdit(file.startOffset(seq), file.endOffset(seq), "[" + String.join(", ", kept) + "]"), 0,
                    REMOVE);
        }
    }

    /** Items to remove from one flow list. */
    private static final class FlowRemoval {
        final FileWork work;
        final MappingNode kustomization;
        final String key;
        final List<Node> items = new ArrayList<>();

        FlowRemoval(FileWork work, MappingNode kustomization, String key) {
            this.work = work;
            this.kustomization = kustomization;
            this.key = key;
        }
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

    /** Edits collected for one existing file. */
    private static final class FileWork {
        final ManifestFile source;
        final YamlEdits edits;
        final List<TextEdit> list = new ArrayList<>();
        /** the write phase of each edit of {@link #list} */
        final List<Integer> phases = new ArrayList<>();
        final int[] documentDeltas = new int[PHASES];
        /** releases whose HelmRelease must read back on chartRef */
        final List<String> expected = new ArrayList<>();
        int documentDelta;
        boolean deleted;

        FileWork(ManifestFile source) {
            this.source = source;
            this.edits = new YamlEdits(source.yaml());
        }

        YamlFile file() {
            return source.yaml();
        }

        void add(TextEdit e, int documents, int phase) {
            list.add(e);
            phases.add(phase);
            documentDeltas[phase] += documents;
            documentDelta += documents;
        }

        void delete() {
            deleted = true;
        }

        /**
         * The file's change split by phase: one step per phase that edits it, each from the text of the step before;
         * the last step ends at {@code whole}, the file's {@link #change()}, so only the texts between phases (files
         * edited in several phases) are computed here. A deleted file is one removal step.
         */
        Map<Integer, FileChange> steps(FileChange whole) {
            Map<Integer, FileChange> out = new LinkedHashMap<>();
            if (deleted) {
                out.put(REMOVE, whole);
                return out;
            }
            int last = Collections.max(phases);
            String previous = whole.before();
            int documents = file().documents().size();
            for (int phase = 0; phase < last; phase++) {
                documents += documentDeltas[phase];
                if (!phases.contains(phase)) {
                    continue;
                }
                List<TextEdit> upTo = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (phases.get(i) <= phase) {
                        upTo.add(list.get(i));
                    }
                }
                String text;
                try {
                    YamlFile step = new EditPlan().addAll(upTo).applyTo(file(), documents);
                    text = step.render(step.text());
                } catch (EditConflictException e) {
                    throw new IllegalStateException(source.relativePath() + ": " + e.getMessage(), e);
                }
                out.put(phase, new FileChange(source.relativePath(), previous, text));
                previous = text;
            }
            out.put(last, new FileChange(source.relativePath(), previous, whole.after()));
            return out;
        }

        FileChange change() {
            String before = file().render(file().text());
            if (deleted) {
                return new FileChange(source.relativePath(), before, null);
            }
            if (list.isEmpty()) {
                return null;
            }
            YamlFile after;
            try {
                after = new EditPlan().addAll(list).applyTo(file(), file().documents().size() + documentDelta);
            } catch (EditConflictException e) {
                throw new IllegalStateException(source.relativePath() + ": " + e.getMessage(), e);
            }
            for (String name : expected) {
                List<Node> docs = after.documents().stream()
                        .filter(d -> "HelmRelease".equals(Nodes.text(d, "kind")) && name.equals(Nodes.text(d, "metadata", "name")))
                        .toList();
                boolean ok = docs.size() == 1 && name.equals(Nodes.text(docs.get(0), "spec", "chartRef", "name"))
                        && !Nodes.has(docs.get(0), "spec", "chart") && HELM_V2.equals(Nodes.text(docs.get(0), "apiVersion"));
                if (!ok) {
                    throw new IllegalStateException(source.relativePath() + ": HelmRelease " + name
                            + " does not read back on chartRef after the edit");
                }
            }
            return new FileChange(source.relativePath(), before, after.render(after.text()));
        }
    }

    /** A file the plan creates: one or more OCIRepository documents in the style of the release's file. */
    private static final class NewFile {
        final String path;
        final YamlEdits style;
        final List<String> documents = new ArrayList<>();

        NewFile(String path, YamlEdits style, String first) {
            this.path = path;
            this.style = style;
            documents.add(first);
        }

        FileChange change() {
            StringBuilder sb = new StringBuilder();
            for (String d : documents) {
                sb.append(style.documentText(d));
            }
            String text = sb.toString();
            try {
                if (YamlFile.parse(text).documents().size() != documents.size()) {
                    throw new IllegalStateException(path + ": generated text has the wrong number of documents");
                }
            } catch (YamlParseException e) {
                throw new IllegalStateException(path + ": generated text does not parse: " + e.getMessage(), e);
            }
            return new FileChange(path, null, text);
        }
    }

    /** Entries to add to one kustomization list. */
    private static final class ListAddition {
        final KustomizeFile kustomization;
        final List<String> values = new ArrayList<>();

        ListAddition(KustomizeFile kustomization) {
            this.kustomization = kustomization;
        }
    }
}
