package io.github.fluxoci.oci.tree;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Where the folder a Flux Kustomization or FluxInstance builds lies in the scanned tree. A {@code spec.path} is
 * relative to the root of its source: for a {@code GitRepository} that is the repository root, so the path is
 * taken as written when it exists here, else without the scanned folder's own place in its git work tree (a
 * manifests module below the repository root). An {@code ExternalArtifact} path goes through the
 * {@code ArtifactGenerator} copy of this tree that produces it ({@code from: "@repo/apps/**", to: "@artifact/"}).
 */
final class FluxSourcePaths {

    static final String ARTIFACT_GENERATOR_GROUP = "source.extensions.fluxcd.io";

    private final FileIndex index;
    private final String gitPrefix;
    /** artifact name -> {repository folder, folder in the artifact} of each copy */
    private final Map<String, List<String[]>> artifactCopies = new LinkedHashMap<>();

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
     * The folder (or file) of the tree a Flux Kustomization or FluxInstance builds, or null when it is not in this
     * tree (another repository's root, a substitution, a path that climbs out).
     */
    String pathOf(KubeObject o) {
        if (o.is(EntryPointFinder.FLUX_INSTANCE_GROUP, "FluxInstance")) {
            return repositoryPath(Nodes.text(o.root(), "spec", "sync", "path"));
        }
        String kind = Nodes.text(o.root(), "spec", "sourceRef", "kind");
        String declared = Nodes.text(o.root(), "spec", "path");
        if (kind == null || "GitRepository".equals(kind)) {
            if (declared == null) {
                // no path: the root of its source, which is this tree only for the cluster's own repository
                return "flux-system".equals(Nodes.text(o.root(), "spec", "sourceRef", "name")) ? "" : null;
            }
            return repositoryPath(declared);
        }
        if ("ExternalArtifact".equals(kind)) {
            return artifactPath(Nodes.text(o.root(), "spec", "sourceRef", "name"), declared);
        }
        return null;
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
            String to = copy[1];
            if (to.isEmpty() || inArtifact.equals(to) || inArtifact.startsWith(to + "/")) {
                String rest = to.isEmpty() ? inArtifact : inArtifact.substring(to.length());
                String path = KustomizeGraph.normalize("", copy[0] + "/" + rest);
                if (exists(path)) {
                    return path;
                }
            }
        }
        return null;
    }

    /** {@code copy: [{from: "@repo/apps/base/**", to: "@artifact/base/"}]} of each artifact from a GitRepository. */
    private void readArtifactGenerator(KubeObject generator) {
        Set<String> gitAliases = new LinkedHashSet<>();
        for (Node s : Nodes.items(generator.root(), "spec", "sources")) {
            if ("GitRepository".equals(Nodes.text(s, "kind")) && Nodes.text(s, "alias") != null) {
                gitAliases.add(Nodes.text(s, "alias"));
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
                if (!gitAliases.contains(alias)) {
                    continue;
                }
                String source = KustomizeGraph.normalize(
                        "", slash < 0 ? "" : from.substring(slash + 1).replaceAll("/?\\*\\*?$", ""));
                String target = KustomizeGraph.normalize("", to.substring("@artifact".length()));
                if (source != null && target != null) {
                    artifactCopies.computeIfAbsent(name, n -> new ArrayList<>()).add(new String[] {source, target});
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
