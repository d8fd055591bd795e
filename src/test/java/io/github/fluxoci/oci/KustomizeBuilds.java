package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.fluxoci.oci.migrate.FileChange;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.tree.KustomizeEntry;
import io.github.fluxoci.oci.tree.KustomizeFile;
import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

/**
 * The kustomize oracle after a migration: every kustomization folder whose build reaches a changed file (its own
 * folder, and every overlay that builds it through {@code resources}, {@code components} or patches, transitively)
 * and that {@code kubectl kustomize} built before must build after.
 */
final class KustomizeBuilds {

    /** What was compared, and what broke. */
    record Result(int builtBefore, int folders, List<String> failures) {}

    private KustomizeBuilds() {}

    static Result stillBuild(Path before, Path after, ManifestTree tree, MigrationPlan plan)
            throws IOException, InterruptedException {
        Kubectl.assumeAvailable();
        Set<String> dirs = reaching(tree, plan);
        List<String> failures = new ArrayList<>();
        int builtBefore = 0;
        for (String dir : dirs) {
            if (!Kubectl.kustomize(before.resolve(dir)).ok()) {
                continue; // did not build before (secrets left out of the corpus, remote bases, ...)
            }
            builtBefore++;
            String error = Kubectl.kustomize(after.resolve(dir)).error();
            if (error != null) {
                failures.add(dir + ": " + error);
            }
        }
        return new Result(builtBefore, dirs.size(), failures);
    }

    /**
     * The corpora leave SOPS-encrypted files out, so the folders that list them do not build. A stub Secret in each
     * such place lets {@code kubectl kustomize} build them before and after (the stubs are no Flux objects): the
     * oracle then covers those folders too. Gives how many stubs were written.
     */
    static int stubSopsSecrets(Path root) throws IOException {
        ManifestTree tree = TreeLoader.load(TreeOptions.of(root));
        int n = 0;
        for (KustomizeFile k : tree.kustomizeFiles()) {
            for (KustomizeEntry e : k.entries()) {
                if (e.status() == KustomizeEntry.Status.MISSING
                        && e.role() == KustomizeEntry.Role.RESOURCE
                        && e.target() != null
                        && e.target().matches(".*\\.sops\\.ya?ml")) {
                    Path stub = root.resolve(e.target());
                    Files.createDirectories(stub.getParent());
                    Files.writeString(
                            stub, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: corpus-stub-" + (++n) + "\n");
                }
            }
        }
        return n;
    }

    /** The kustomization folders whose build reaches a file the plan changes. */
    static Set<String> reaching(ManifestTree tree, MigrationPlan plan) {
        Set<String> dirs = new LinkedHashSet<>();
        Deque<String> paths = new ArrayDeque<>();
        for (FileChange c : plan.changes()) {
            String dir = parent(c.path());
            while (true) {
                if (tree.kustomizeFileIn(dir) != null) {
                    paths.add(dir);
                    break;
                }
                if (dir.isEmpty()) {
                    break;
                }
                dir = parent(dir);
            }
            if (!c.isNew()) {
                paths.add(c.path());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!paths.isEmpty()) {
            String p = paths.poll();
            if (!seen.add(p)) {
                continue;
            }
            if (tree.kustomizeFileIn(p) != null) {
                dirs.add(p);
            }
            for (KustomizeEntry e : tree.listersOf(p)) {
                paths.add(e.owner().directory());
            }
        }
        return dirs;
    }

    private static String parent(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }
}
