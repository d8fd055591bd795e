package io.github.fluxoci.oci.tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.yaml.YamlLimits;

/**
 * What to read: a root directory, include and exclude patterns (Ant style, relative to the root), how many
 * threads parse files, the largest file read ({@code maxFileBytes}; a larger one is a problem naming it), and how
 * deep and how far expanded by aliases one YAML document may be ({@link YamlLimits}), and the folders that
 * OCI-artifact syncs are pushed from ({@code artifactRoots}, relative to the root; empty: found from the tree).
 */
public record TreeOptions(
        Path root,
        List<String> includes,
        List<String> excludes,
        int threads,
        long maxFileBytes,
        YamlLimits yamlLimits,
        List<String> artifactRoots) {

    /** 32 MiB: far above any real manifest (Flux's own gotk-components.yaml is under 1 MiB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/target/**", "**/.git/**", "**/node_modules/**");

    public TreeOptions {
        includes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        maxFileBytes = maxFileBytes <= 0 ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
        yamlLimits = yamlLimits == null ? YamlLimits.DEFAULT : yamlLimits;
        artifactRoots = artifactRoots == null ? List.of() : List.copyOf(artifactRoots);
    }

    public TreeOptions(
            Path root,
            List<String> includes,
            List<String> excludes,
            int threads,
            long maxFileBytes,
            YamlLimits yamlLimits) {
        this(root, includes, excludes, threads, maxFileBytes, yamlLimits, List.of());
    }

    public TreeOptions(Path root, List<String> includes, List<String> excludes, int threads, long maxFileBytes) {
        this(root, includes, excludes, threads, maxFileBytes, YamlLimits.DEFAULT);
    }

    public TreeOptions(Path root, List<String> includes, List<String> excludes, int threads) {
        this(root, includes, excludes, threads, DEFAULT_MAX_FILE_BYTES);
    }

    /** The same with another file size cap. */
    public TreeOptions withMaxFileBytes(long bytes) {
        return new TreeOptions(root, includes, excludes, threads, bytes, yamlLimits, artifactRoots);
    }

    /** The same with other YAML limits (depth, expanded nodes). */
    public TreeOptions withYamlLimits(YamlLimits limits) {
        return new TreeOptions(root, includes, excludes, threads, maxFileBytes, limits, artifactRoots);
    }

    /** The same with the folders OCI-artifact syncs are pushed from ({@code -Doci.artifactRoots}). */
    public TreeOptions withArtifactRoots(List<String> roots) {
        return new TreeOptions(root, includes, excludes, threads, maxFileBytes, yamlLimits, roots);
    }

    /** Default includes, default excludes plus {@code extraExcludes}. */
    public static TreeOptions of(Path root, List<String> includes, List<String> extraExcludes) {
        List<String> excludes = new ArrayList<>(DEFAULT_EXCLUDES);
        if (extraExcludes != null) {
            excludes.addAll(extraExcludes);
        }
        return new TreeOptions(root, includes, excludes, 0);
    }

    public static TreeOptions of(Path root) {
        return of(root, null, null);
    }
}
