package io.github.fluxoci.oci.flux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.semver.Constraint;
import io.github.fluxoci.oci.semver.Version;
import io.github.fluxoci.oci.tree.FluxInstanceSpec;
import io.github.fluxoci.oci.tree.KubeObject;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Reads which Flux a tree runs from what the tree states, per cluster: a FluxInstance's
 * {@code spec.distribution.version} (exact, or a range such as {@code 2.5.x}: the newest Flux release that matches),
 * the same field in the values of a {@code flux-instance} HelmRelease ({@code instance.distribution.version}), and the
 * {@code # Flux Version: v2.5.1} header that {@code flux install}/{@code bootstrap} write into
 * {@code gotk-components.yaml}, and the controllers' image tags a kustomization pins ({@code images:}). {@code oci.fluxVersion} overrides them all. Where statements of one cluster disagree,
 * the oldest holds (its APIs are the ones every statement's Flux may lack) and a note says so.
 */
public final class FluxVersionFinder {

    private static final Pattern GOTK_HEADER =
            Pattern.compile("(?m)^#\\s*Flux Version:\\s*(v?\\d+\\.\\d+\\.\\d+\\S*)\\s*$");
    /** the header is at the top of the file: only its first lines are read */
    private static final int HEADER_CHARS = 2_000;

    private final FluxApis apis;

    public FluxVersionFinder(FluxApis apis) {
        this.apis = apis;
    }

    /** A statement found in the tree: what it says and where. */
    private record Statement(String text, String where, List<String> clusters) {}

    /** The tree's Flux per cluster; {@code override} ({@code oci.fluxVersion}) wins when not null or blank. */
    public FluxVersions find(ManifestTree tree, String override) {
        List<String> notes = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            FluxRelease r = resolve(override.trim(), "-Doci.fluxVersion", notes);
            if (r == null) {
                throw new IllegalArgumentException(
                        "oci.fluxVersion \"" + override + "\" is not a Flux version or range (such as 2.5.1 or 2.5.x)");
            }
            return new FluxVersions(Map.of(), new FluxVersions.Stated(r, override.trim(), "-Doci.fluxVersion"), notes);
        }
        List<Statement> statements = statements(tree);
        if (statements.isEmpty()) {
            return FluxVersions.assumeNewest(apis);
        }
        Map<String, FluxVersions.Stated> byCluster = new LinkedHashMap<>();
        List<FluxVersions.Stated> treeWide = new ArrayList<>();
        for (Statement s : statements) {
            if (s.clusters().isEmpty() && tree.hasEntryPoints()) {
                // an archive, a leftover: what no cluster applies does not say what a cluster runs
                notes.add(s.where() + ": states Flux " + s.text() + " but no Flux entry point builds it; not used");
                continue;
            }
            FluxRelease r = resolve(s.text(), s.where(), notes);
            if (r == null) {
                notes.add(s.where() + ": \"" + s.text() + "\" is not a Flux version or range; ignored");
                continue;
            }
            FluxVersions.Stated stated = new FluxVersions.Stated(r, s.text(), s.where());
            if (s.clusters().isEmpty()) {
                treeWide.add(stated);
            }
            for (String cluster : s.clusters()) {
                byCluster.merge(cluster, stated, (a, b) -> oldest(a, b, "cluster " + cluster, notes));
            }
        }
        FluxVersions.Stated tree0 = treeWide.stream()
                .reduce((a, b) -> oldest(a, b, "the tree", notes))
                .orElse(null);
        if (tree0 == null && byCluster.isEmpty()) {
            FluxVersions assumed = FluxVersions.assumeNewest(apis);
            return new FluxVersions(Map.of(), assumed.tree(), notes);
        }
        if (tree0 == null) {
            // every statement belongs to a cluster: the rest of the tree (files no entry point builds) runs the oldest
            tree0 = byCluster.values().stream()
                    .min(Comparator.comparing(FluxVersions.Stated::release))
                    .orElseThrow();
        }
        return new FluxVersions(byCluster, tree0, notes);
    }

    /** True for what {@code oci.fluxVersion} may say: a version ({@code 2.5.1}, {@code v2.5.1}) or a range. */
    public static boolean isVersionOrRange(String text) {
        String t = text.startsWith("v") ? text.substring(1) : text;
        return Version.parse(t).isPresent() || Constraint.isValid(t);
    }

    private List<Statement> statements(ManifestTree tree) {
        List<Statement> out = new ArrayList<>();
        for (FluxInstanceSpec spec : tree.fluxInstances()) {
            Node version = Nodes.get(spec.spec(), "distribution", "version");
            if (version instanceof ScalarNode v) {
                KubeObject o = spec.declaredBy();
                boolean generated = o.kind() == null;
                int line = generated ? o.lineOf(v) : o.line();
                String what = spec.what().startsWith("FluxInstance")
                        ? "FluxInstance spec.distribution.version"
                        : spec.what()
                                .replace("flux-instance values", "flux-instance values instance.distribution.version");
                out.add(new Statement(
                        v.getValue(), o.file().relativePath() + ":" + line + " (" + what + ")", clustersOf(tree, o)));
            }
        }
        for (ManifestFile f : tree.files()) {
            if (!f.parsed()) {
                continue;
            }
            if (ManifestTree.isKustomizationFileName(f.name()) && tree.kustomizeFileIn(f.directory()) != null) {
                out.addAll(imageTags(tree, tree.kustomizeFileIn(f.directory())));
            }
            String text = f.yaml().text();
            Matcher m = GOTK_HEADER.matcher(text.substring(0, Math.min(text.length(), HEADER_CHARS)));
            if (m.find() && !f.objects().isEmpty()) {
                int line = f.yaml().lineNumber(m.start());
                out.add(new Statement(
                        m.group(1),
                        f.relativePath() + ":" + line + " (# Flux Version header)",
                        clustersOf(tree, f.objects().get(0))));
            }
        }
        return out;
    }

    /**
     * The controllers' image tags a kustomization sets ({@code images: [{name: ghcr.io/fluxcd/source-controller,
     * newTag: v1.5.0}]}, as people pin them next to {@code gotk-components.yaml}): the Flux release that ships that
     * controller line. Which clusters: those that build the kustomization's folder.
     */
    private List<Statement> imageTags(ManifestTree tree, KustomizeFile k) {
        List<Statement> out = new ArrayList<>();
        for (Node image : Nodes.items(k.root(), "images")) {
            String name = Nodes.text(image, "name");
            String tag = Nodes.text(image, "newTag");
            if (name == null || tag == null) {
                continue;
            }
            String controller = name.substring(name.lastIndexOf('/') + 1);
            if (!name.contains("fluxcd/") || !controller.endsWith("-controller")) {
                continue;
            }
            FluxRelease shipping = apis.shipping(controller, tag);
            if (shipping == null) {
                continue;
            }
            int line = k.file().yaml().lineNumber(k.file().yaml().startOffset(image));
            List<String> clusters = new ArrayList<>();
            for (KubeObject o : tree.files().stream()
                    .filter(f -> f.directory().equals(k.directory()) && f.parsed())
                    .flatMap(f -> f.objects().stream())
                    .filter(o -> o.kind() != null
                            && !ManifestTree.isKustomizationFileName(o.file().name()))
                    .toList()) {
                clustersOf(tree, o).stream().filter(c -> !clusters.contains(c)).forEach(clusters::add);
            }
            out.add(new Statement(
                    shipping.version(),
                    k.file().relativePath() + ":" + line + " (images: " + controller + " " + tag + ")",
                    clusters));
        }
        return out;
    }

    /** The clusters that build the object, or whose sync it declares (a flux-instance values file). */
    private static List<String> clustersOf(ManifestTree tree, KubeObject o) {
        List<String> out = new ArrayList<>();
        tree.instancesOf(o).forEach(i -> out.add(i.cluster()));
        tree.entryPoints().stream().filter(ep -> ep.object() == o).forEach(ep -> out.add(ep.cluster()));
        return out.stream().filter(c -> c != null).distinct().toList();
    }

    /**
     * The Flux release a statement means: an exact version's line, or the newest release a range matches. Versions
     * outside what the plugin knows are read as the nearest release it knows, with a note.
     */
    FluxRelease resolve(String text, String where, List<String> notes) {
        String t = text.startsWith("v") ? text.substring(1) : text;
        Optional<Version> exact = Version.parse(t);
        if (exact.isPresent()) {
            return nearest(exact.get(), text, where, notes);
        }
        Constraint range;
        try {
            range = Constraint.parse(t);
        } catch (Constraint.InvalidConstraintException e) {
            return null;
        }
        FluxRelease match = null;
        for (FluxRelease r : apis.releases()) {
            if (range.isSatisfiedBy(Version.parse(r.version()).orElseThrow())) {
                match = r;
            }
        }
        if (match == null) {
            notes.add(where + ": no Flux release the plugin knows ("
                    + apis.oldest().version() + " to " + apis.newest().version() + ") matches \"" + text
                    + "\"; read as " + apis.newest().version());
            return apis.newest();
        }
        return match;
    }

    private FluxRelease nearest(Version v, String text, String where, List<String> notes) {
        FluxRelease line = apis.release(v.major() + "." + v.minor());
        if (line != null) {
            return line;
        }
        boolean newer = FluxRelease.compareVersions(
                        v.major() + "." + v.minor(), apis.newest().line())
                > 0;
        FluxRelease r = newer ? apis.newest() : apis.oldest();
        notes.add(where + ": Flux " + text + " is " + (newer ? "newer" : "older") + " than the plugin knows; read as "
                + r.describe());
        return r;
    }

    private static FluxVersions.Stated oldest(
            FluxVersions.Stated a, FluxVersions.Stated b, String scope, List<String> notes) {
        int c = a.release().compareTo(b.release());
        if (c != 0) {
            FluxVersions.Stated older = c < 0 ? a : b;
            FluxVersions.Stated newer = c < 0 ? b : a;
            notes.add(scope + ": " + newer.where() + " states " + newer.statement() + " but " + older.where()
                    + " states " + older.statement() + "; the older, "
                    + older.release().describe() + ", holds");
            return older;
        }
        return a;
    }
}
