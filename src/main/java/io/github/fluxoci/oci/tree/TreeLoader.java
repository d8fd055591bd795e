package io.github.fluxoci.oci.tree;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlFile;
import io.github.fluxoci.oci.yaml.YamlLimits;
import io.github.fluxoci.oci.yaml.YamlParseException;

/**
 * Walks a root directory (never following links), reads and parses the selected files in parallel, and
 * builds the {@link ManifestTree}. Files that cannot be read or parsed become {@link Problem}s; the walk goes on.
 */
public final class TreeLoader {

    private TreeLoader() {}

    public static ManifestTree load(TreeOptions options) throws IOException {
        Path root = options.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        GlobMatcher includes = new GlobMatcher(options.includes());
        GlobMatcher excludes = new GlobMatcher(options.excludes());
        List<String> leftovers = new ArrayList<>();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        Path realRoot = root.toRealPath();
        // files are read and parsed on the pool from the moment the walk finds them (a cold run has no time to
        // lose waiting for the walk), and put back in path order afterwards
        Map<Path, ForkJoinTask<ManifestFile>> reading = new TreeMap<>();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        List<ManifestFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root,
                    walker(root, realRoot, options, new Walk(includes, excludes, leftovers, problems, reading, pool)));
            for (ForkJoinTask<ManifestFile> task : reading.values()) {
                files.add(task.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + root, e);
        } catch (ExecutionException e) {
            throw new IOException("failed reading " + root + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ManifestFile> all = new ArrayList<>(files);
        List<Path> json = listedJson(root, realRoot, files, excludes);
        for (Path p : json) {
            all.add(read(root, p, options, problems));
        }
        if (!json.isEmpty()) {
            all.sort(Comparator.comparing(ManifestFile::relativePath));
        }
        ManifestTree tree = new ManifestTree(root, realRoot, all, new ArrayList<>(problems), options.artifactRoots());
        tree.setLeftovers(leftovers);
        return tree;
    }

    /** What the walk collects into, and the pool that reads the files it finds. */
    private record Walk(
            GlobMatcher includes,
            GlobMatcher excludes,
            List<String> leftovers,
            List<Problem> problems,
            Map<Path, ForkJoinTask<ManifestFile>> reading,
            ForkJoinPool pool) {}

    /** Walks the tree: skips excluded folders, notes leftovers and links that leave it, reads every selected file. */
    private static SimpleFileVisitor<Path> walker(Path root, Path realRoot, TreeOptions options, Walk walk) {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                if (!rel.isEmpty() && walk.excludes().matchesWholeDirectory(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (attrs.isRegularFile()
                        && AtomicFiles.isLeftover(file.getFileName().toString())) {
                    walk.leftovers().add(rel);
                    return FileVisitResult.CONTINUE;
                }
                if (!walk.includes().matches(rel) || walk.excludes().matches(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    if (!linkStaysInside(realRoot, file)) {
                        walk.problems().add(new Problem(rel, 0, 0, "link leaves the scanned tree; not followed"));
                    }
                    // a link inside the tree points at a file the walk reads under its own name
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    walk.reading().put(file, walk.pool().submit(() -> read(root, file, options, walk.problems())));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                walk.problems().add(new Problem(relative(root, file), 0, 0, "cannot read: " + describe(e)));
                return FileVisitResult.CONTINUE;
            }
        };
    }

    /**
     * A cheap look before a goal starts a JVM for a folder: true when some file the options select mentions
     * {@code fluxcd.io} or {@code fluxcd.controlplane.io} (the API groups of Flux's objects), reading files only until the first does. A folder where
     * none does holds no Flux object (a jar module of a build, say); one where some does is loaded and checked for real.
     */
    public static boolean mentionsFlux(TreeOptions options) throws IOException {
        Path root = options.root().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return false;
        }
        GlobMatcher includes = new GlobMatcher(options.includes());
        GlobMatcher excludes = new GlobMatcher(options.excludes());
        boolean[] found = {false};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                return !rel.isEmpty() && excludes.matchesWholeDirectory(rel)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (!attrs.isRegularFile()
                        || attrs.size() > options.maxFileBytes()
                        || !includes.matches(rel)
                        || excludes.matches(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    if (text.contains("fluxcd.io") || text.contains(EntryPointFinder.FLUX_INSTANCE_GROUP)) {
                        found[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                } catch (IOException e) {
                    // unreadable here: the goal reports it if it runs
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }

    /**
     * JSON files a kustomization lists by name: kustomize reads them as manifests (JSON is YAML), so they are part of
     * the tree, though no include pattern selects them (Flux's generator, for folders without a kustomization, reads
     * {@code .yaml} and {@code .yml} only, and most {@code .json} files in a repository are no manifests).
     */
    private static List<Path> listedJson(Path root, Path realRoot, List<ManifestFile> files, GlobMatcher excludes) {
        Set<String> read = new HashSet<>();
        files.forEach(f -> read.add(f.relativePath()));
        Set<String> listed = new TreeSet<>();
        for (ManifestFile f : files) {
            if (!KustomizeGraph.FILE_NAMES.contains(f.name())
                    || !f.parsed()
                    || f.objects().isEmpty()) {
                continue;
            }
            KustomizeGraph.forEachEntry(f.objects().get(0).root(), (role, item) -> {
                if (item instanceof ScalarNode scalar) {
                    String value = scalar.getValue().trim();
                    String target =
                            KustomizeGraph.isRemote(value) ? null : KustomizeGraph.normalize(f.directory(), value);
                    if (target != null
                            && target.toLowerCase(Locale.ROOT).endsWith(".json")
                            && !read.contains(target)
                            && !excludes.matches(target)) {
                        listed.add(target);
                    }
                }
            });
        }
        List<Path> out = new ArrayList<>();
        for (String target : listed) {
            Path p = root.resolve(target);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && linkStaysInside(realRoot, p)) {
                out.add(p);
            }
        }
        return out;
    }

    static boolean linkStaysInside(Path realRoot, Path link) {
        try {
            return link.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static ManifestFile read(Path root, Path path, TreeOptions options, List<Problem> problems) {
        try {
            return readOrThrow(root, path, options.maxFileBytes(), options.yamlLimits(), problems);
        } catch (OutOfMemoryError e) {
            // the failed allocation was this file's text or nodes: dropped with the frame, so the run can go on
            String rel = relative(root, path);
            problems.add(new Problem(
                    rel,
                    0,
                    0,
                    "not read: the JVM ran out of memory reading it (" + size(path)
                            + " bytes); give Maven more heap (MAVEN_OPTS=-Xmx...), lower -Doci.maxFileBytes, or exclude it with"
                            + " oci.excludes"));
            return new ManifestFile(rel, path, null);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static ManifestFile readOrThrow(
            Path root, Path path, long maxBytes, YamlLimits limits, List<Problem> problems) {
        String rel = relative(root, path);
        String text = text(rel, path, maxBytes, problems);
        if (text == null) {
            return new ManifestFile(rel, path, null);
        }
        YamlFile yaml = parse(rel, text, limits, problems);
        if (yaml == null) {
            return new ManifestFile(rel, path, null);
        }
        ManifestFile file = new ManifestFile(rel, path, yaml);
        List<Node> docs = yaml.documents();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i) instanceof MappingNode map) {
                int offset = yaml.startOffset(map);
                int line = yaml.lineNumber(offset);
                KubeObject object = KubeObject.of(file, i, map, line, yaml.columnNumber(offset));
                if (object.kind() != null || ManifestTree.isKustomizationFileName(file.name())) {
                    file.add(object);
                }
                keepWhatGoalsRead(yaml, file, object, map);
            }
        }
        return file;
    }

    /** The file's text, or null (and a problem) when it is too large, not UTF-8 or unreadable. */
    private static String text(String rel, Path path, long maxBytes, List<Problem> problems) {
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                problems.add(new Problem(
                        rel,
                        0,
                        0,
                        "not read: " + size + " bytes, more than the " + maxBytes
                                + " a manifest may have (raise -Doci.maxFileBytes, or exclude it with oci.excludes)"));
                return null;
            }
            return Files.readString(path, StandardCharsets.UTF_8); // strict: malformed input throws
        } catch (CharacterCodingException e) {
            problems.add(new Problem(rel, 0, 0, "not UTF-8 text; skipped"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(rel, 0, 0, "cannot read: " + describe(e)));
            return null;
        }
    }

    /** The file parsed, or null (and a problem with line and column) when it is not YAML the parser accepts. */
    private static YamlFile parse(String rel, String text, YamlLimits limits, List<Problem> problems) {
        try {
            // a HelmRelease's values are most of a release's nodes and no goal reads them: left out as the file is read
            return YamlFile.parse(
                    text,
                    limits,
                    ManifestTree.isKustomizationFileName(rel.substring(rel.lastIndexOf('/') + 1))
                            ? null
                            : TreeLoader::isHelmRelease);
        } catch (YamlParseException e) {
            String message = "not valid YAML: " + e.getMessage();
            if (text.contains("{{")) {
                message +=
                        " (the file holds {{ }} template syntax: render it before scanning, or exclude it with oci.excludes)";
            }
            problems.add(new Problem(rel, e.line(), e.column(), message));
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            // a parser fault on one file names that file; the rest of the tree is still read
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            problems.add(new Problem(rel, 0, 0, "cannot parse: " + why));
            return null;
        }
    }

    /** The top-level fields every object keeps: what the build model reads of any object. */
    private static final Set<String> IDENTITY = Set.of("apiVersion", "kind", "metadata");

    /**
     * A document whose {@code spec.values} no goal reads: a HelmRelease, except one of the flux-instance chart (its
     * values state the Flux version the cluster runs).
     */
    private static boolean isHelmRelease(MappingNode root) {
        String apiVersion = Nodes.text(root, "apiVersion");
        return "HelmRelease".equals(Nodes.text(root, "kind"))
                && apiVersion != null
                && apiVersion.startsWith(ManifestTree.HELM_GROUP + "/")
                && !FluxInstanceSpec.isFluxInstanceChart(root);
    }

    /**
     * Drops the nodes no goal reads (they stay in the text, which edits work on): the body of every object that is
     * neither Flux's nor kustomize's (a Deployment's spec, a CRD's schema, a ConfigMap's data): of those the build
     * model reads the identity only (and a Secret's {@code type}: whether an OCIRepository can pull with it; and a
     * ConfigMap's {@code data}: the postBuild variables of Flux Kustomizations that name it in
     * {@code substituteFrom}). A HelmRelease's values went as the file was read. See {@link YamlFile#dropValue}.
     */
    private static void keepWhatGoalsRead(YamlFile yaml, ManifestFile file, KubeObject object, MappingNode map) {
        String group = object.group();
        if (object.kind() == null || ManifestTree.isKustomizationFileName(file.name())) {
            return;
        }
        if (ManifestTree.isFluxGroup(group) || ManifestTree.KUSTOMIZE_GROUP.equals(group)) {
            return;
        }
        List<String> body = new ArrayList<>();
        boolean secret = "Secret".equals(object.kind()) && group.isEmpty();
        boolean configMap = "ConfigMap".equals(object.kind()) && group.isEmpty();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k
                    && !IDENTITY.contains(k.getValue())
                    && !(secret && k.getValue().equals("type"))
                    && !(configMap && k.getValue().equals("data"))) {
                body.add(k.getValue());
            }
        }
        body.forEach(key -> yaml.dropValue(map, key));
    }

    static String relative(Path root, Path path) {
        String rel = root.relativize(path).toString();
        return path.getFileSystem().getSeparator().equals("/")
                ? rel
                : rel.replace(path.getFileSystem().getSeparator(), "/");
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        if (name.equals("AccessDeniedException")) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : name;
    }
}
