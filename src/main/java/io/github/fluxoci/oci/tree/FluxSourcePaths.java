package io.github.fluxoci.oci.tree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Where the folder a Flux Kustomization or FluxInstance builds lies in the scanned tree. A {@code spec.path} is
 * relative to the root of its source: for a {@code GitRepository} that is the repository root, so the path is
 * taken as written when it exists here, else without the scanned folder's own place in its git work tree (a
 * manifests module below the repository root). An {@code ExternalArtifact} path goes through the
 * {@code ArtifactGenerator} copy of this tree that produces it ({@code from: "@repo/apps/**", to: "@artifact/"}); an
 * {@code OCIRepository} or {@code Bucket} path lies below the folder its artifact is pushed from (found by
 * {@code EntryPointFinder}, or {@code -Doci.artifactRoots}).
 */
final class FluxSourcePaths {

    static final String ARTIFACT_GENERATOR_GROUP = "source.extensions.fluxcd.io";

    private final FileIndex index;
    private final String gitPrefix;
    /** artifact name -> {source kind/name, folder in the source, folder in the artifact} of each copy */
    private final Map<String, List<String[]>> artifactCopies = new LinkedHashMap<>();
    /** {@code OCIRepository/flux-system} -> the folder of the tree its artifact is pushed from */
    private final Map<String, String> artifactRoots = new LinkedHashMap<>();

    FluxSourcePaths(Path root, FileIndex index) {
        this.index = index;
        this.gitPrefix = gitPrefix(root);
        for (KubeObject o : index.objects()) {
            if (o.is(ARTIFACT_GENERATOR_GROUP, "ArtifactGenerator")) {
                readArtifactGenerator(o);
            }
        }
    }

    /**
     * The folder (or file) of the tree a Flux Kustomization builds, as written, or null when it is not in this tree
     * (another repository's root, a substitution, a path that climbs out).
     */
    String pathOf(KubeObject o) {
        return pathOf(
                Nodes.text(o.root(), "spec", "sourceRef", "kind"),
                Nodes.text(o.root(), "spec", "sourceRef", "name"),
                Nodes.text(o.root(), "spec", "path"));
    }

    /**
     * The folder (or file) of the tree that a path in a source's artifact is: for a {@code GitRepository} (the
     * default kind) relative to the repository root, for an {@code ExternalArtifact} through the
     * {@code ArtifactGenerator} copy that makes it, for an {@code OCIRepository} or {@code Bucket} below the
     * folder its artifact is pushed from ({@link #setArtifactRoot}); null when unknown. A missing path is the root
     * of the source.
     */
    String pathOf(String kind, String name, String declared) {
        if (declared != null && declared.contains("${")) {
            return null;
        }
        if (kind == null || "GitRepository".equals(kind)) {
            return repositoryPath(declared == null ? "" : declared);
        }
        if ("ExternalArtifact".equals(kind)) {
            return artifactPath(name, declared);
        }
        String root = artifactRoots.get(kind + "/" + name);
        return root == null ? null : KustomizeGraph.normalize("", root + "/" + (declared == null ? "" : declared));
    }

    /** The folder of the tree an OCIRepository's or Bucket's artifact is pushed from ({@code kind/name}). */
    void setArtifactRoot(String sourceKey, String folder) {
        artifactRoots.put(sourceKey, folder);
    }

    boolean exists(String path) {
        return path != null && (index.isDirectory(path) || index.file(path) != null);
    }

    private String artifactPath(String artifact, String declared) {
        String inArtifact = declared == null ? "" : KustomizeGraph.normalize("", declared);
        List<String[]> copies = artifactCopies.get(artifact);
        if (inArtifact == null || copies == null || (declared != null && declared.contains("${"))) {
            return null;
        }
        for (String[] copy : copies) {
            String base = copy[0].startsWith("GitRepository/") ? "" : artifactRoots.get(copy[0]);
            String to = copy[2];
            if (base != null && (to.isEmpty() || inArtifact.equals(to) || inArtifact.startsWith(to + "/"))) {
                String rest = to.isEmpty() ? inArtifact : inArtifact.substring(to.length());
                String path = KustomizeGraph.normalize("", base + "/" + copy[1] + "/" + rest);
                if (exists(path)) {
                    return path;
                }
            }
        }
        return null;
    }

    /**
     * {@code copy: [{from: "@repo/apps/base/**", to: "@artifact/base/"}]} of each artifact made from a source of the
     * repository: a GitRepository, or an OCIRepository or Bucket once the folder it is pushed from is known.
     */
    private void readArtifactGenerator(KubeObject generator) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Node s : Nodes.items(generator.root(), "spec", "sources")) {
            String kind = Nodes.text(s, "kind");
            if (kind != null && Nodes.text(s, "alias") != null) {
                sources.put(Nodes.text(s, "alias"), kind + "/" + Nodes.text(s, "name"));
            }
        }
        for (Node artifact : Nodes.items(generator.root(), "spec", "artifacts")) {
            String name = Nodes.text(artifact, "name");
            for (Node copy : Nodes.items(artifact, "copy")) {
                String from = Nodes.text(copy, "from");
                String to = Nodes.text(copy, "to");
                if (name == null
                        || from == null
                        || to == null
                        || !from.startsWith("@")
                        || !to.startsWith("@artifact")) {
                    continue;
                }
                int slash = from.indexOf('/');
                String alias = slash < 0 ? from.substring(1) : from.substring(1, slash);
                if (!sources.containsKey(alias)) {
                    continue;
                }
                String source = KustomizeGraph.normalize(
                        "", slash < 0 ? "" : from.substring(slash + 1).replaceAll("/?\\*\\*?$", ""));
                String target = KustomizeGraph.normalize("", to.substring("@artifact".length()));
                if (source != null && target != null) {
                    artifactCopies
                            .computeIfAbsent(name, n -> new ArrayList<>())
                            .add(new String[] {sources.get(alias), source, target});
                }
            }
        }
    }

    private String repositoryPath(String declared) {
        if (declared == null || declared.contains("${")) {
            return null;
        }
        String path = KustomizeGraph.normalize("", declared);
        if (path == null || exists(path) || gitPrefix.isEmpty()) {
            return path;
        }
        if (path.equals(gitPrefix)) {
            return "";
        }
        return path.startsWith(gitPrefix + "/") ? path.substring(gitPrefix.length() + 1) : path;
    }

    /** Where the scanned root sits in its git work tree ("" when it is the top, or not in git). */
    private static String gitPrefix(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p.equals(dir) ? "" : p.relativize(dir).toString().replace('\\', '/');
            }
        }
        return "";
    }
}
