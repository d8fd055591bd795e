package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small trees into a temporary folder for tests. */
public final class TreeFixture {

    private final Path root;

    public TreeFixture(Path root) {
        this.root = root;
    }

    public TreeFixture file(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    public Path root() {
        return root;
    }

    public ManifestTree load() throws IOException {
        return TreeLoader.load(TreeOptions.of(root));
    }

    public static String helmRelease(String name, String namespace) {
        return "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: " + name + "\n"
                + (namespace != null ? "  namespace: " + namespace + "\n" : "")
                + "spec:\n  interval: 1h\n  chart:\n    spec:\n      chart: " + name + "\n      version: 1.0.0\n"
                + "      sourceRef:\n        kind: HelmRepository\n        name: repo\n        namespace: flux-system\n";
    }

    public static String kustomization(String namespace, String... resources) {
        StringBuilder sb = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
        if (namespace != null) {
            sb.append("namespace: ").append(namespace).append('\n');
        }
        sb.append("resources:\n");
        for (String r : resources) {
            sb.append("  - ").append(r).append('\n');
        }
        return sb.toString();
    }

    public static String fluxKustomization(String name, String path, String targetNamespace) {
        return "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: " + name
                + "\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: " + path + "\n"
                + (targetNamespace != null ? "  targetNamespace: " + targetNamespace + "\n" : "")
                + "  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
    }
}
