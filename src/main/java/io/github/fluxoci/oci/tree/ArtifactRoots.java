package io.github.fluxoci.oci.tree;

import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.yaml.Nodes;

/**
 * Where the artifact of an OCI-artifact sync comes from. A cluster that syncs an {@code OCIRepository} (or a
 * {@code Bucket}) applies what CI pushed ({@code flux push artifact --path=./kubernetes}), so its sync path and every
 * {@code spec.path} of the Kustomizations building from that source are relative to the pushed folder, not to the
 * repository root. The folder is {@code -Doci.artifactRoots} when given (the first of them that holds the sync
 * path), else the one folder of the tree that holds the sync path and every path those Kustomizations name; when
 * several fit, the user is asked to choose, and nothing is read from that source until then.
 */
final class ArtifactRoots {

    private final FileIndex index;
    private final FluxSourcePaths paths;
    private final List<String> given;
    private final List<TreeNotice> notices;

    ArtifactRoots(FileIndex index, FluxSourcePaths paths, List<String> given, List<TreeNotice> notices) {
        this.index = index;
        this.paths = paths;
        this.given = given;
        this.notices = notices;
    }

    /** Finds and registers the folder a sync's artifact is pushed from; says which and why. */
    void resolve(FluxInstanceSpec.Sync sync, List<KubeObject> kustomizations) {
        String what = "the cluster sync (" + sync.instance().what() + ") applies " + sync.sourceKey()
                + ", an artifact CI pushes";
        for (String g : given) {
            String folder = KustomizeGraph.normalize("", g);
            if (folder != null && paths.exists(join(folder, sync.path()))) {
                paths.setArtifactRoot(sync.sourceKey(), folder);
                notice(
                        TreeNotice.Level.NOTE,
                        sync,
                        what + ": its paths are read below folder \"" + shown(folder) + "\" (-Doci.artifactRoots)");
                return;
            }
        }
        List<String> declared = declaredPaths(kustomizations);
        long[] best = {-1};
        List<String> fits = fits(sync, declared, best);
        String because = "folder that holds " + sync.path()
                + (declared.isEmpty()
                        ? ""
                        : " and " + best[0] + " of the " + declared.size() + " paths its Kustomizations name");
        if (fits.size() == 1) {
            paths.setArtifactRoot(sync.sourceKey(), fits.get(0));
            notice(
                    TreeNotice.Level.NOTE,
                    sync,
                    what + ": its paths are read below folder \""
                            + shown(fits.get(0)) + "\", the only " + because
                            + " (set -Doci.artifactRoots=<folder> to choose another)");
        } else if (fits.isEmpty()) {
            notice(
                    TreeNotice.Level.NOTE,
                    sync,
                    what + ": no folder of this tree holds " + sync.path()
                            + ", so it is built from another source: not read"
                            + (given.isEmpty()
                                    ? ""
                                    : " (-Doci.artifactRoots names none that holds " + sync.path() + ")"));
        } else {
            notice(
                    TreeNotice.Level.WARNING,
                    sync,
                    what + ": " + fits.size() + " folders fit equally, each a "
                            + because + " ("
                            + String.join(
                                    ", ",
                                    fits.stream().map(ArtifactRoots::shown).toList())
                            + "); set -Doci.artifactRoots=<folder> to say which CI pushes; until then nothing it applies is"
                            + " read");
        }
    }

    private static List<String> declaredPaths(List<KubeObject> kustomizations) {
        List<String> declared = new ArrayList<>();
        for (KubeObject k : kustomizations) {
            String p = Nodes.text(k.root(), "spec", "path");
            if (p != null && !p.contains("${")) {
                declared.add(p);
            }
        }
        return declared;
    }

    /**
     * The folders that hold the sync path; of those, the ones holding the most paths its Kustomizations name (an
     * archived Kustomization may name a path that no longer exists anywhere); {@code best[0]} gets that number.
     */
    private List<String> fits(FluxInstanceSpec.Sync sync, List<String> declared, long[] best) {
        List<String> fits = new ArrayList<>();
        for (String folder : index.directories()) {
            if (!paths.exists(join(folder, sync.path()))) {
                continue;
            }
            long held =
                    declared.stream().filter(p -> paths.exists(join(folder, p))).count();
            if (held > best[0]) {
                fits.clear();
                best[0] = held;
            }
            if (held == best[0]) {
                fits.add(folder);
            }
        }
        fits.sort(null);
        return fits;
    }

    private void notice(TreeNotice.Level level, FluxInstanceSpec.Sync sync, String message) {
        String file = sync.instance().declaredBy().file().relativePath();
        notices.add(new TreeNotice(level, "artifact-root", file, sync.line(), message));
    }

    private static String join(String folder, String path) {
        return KustomizeGraph.normalize("", folder + "/" + path);
    }

    private static String shown(String folder) {
        return folder.isEmpty() ? "." : folder;
    }
}
