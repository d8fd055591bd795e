package io.github.fluxoci.oci.yaml;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * How much YAML one document may make the plugin hold: its nesting depth, and the number of nodes its aliases and
 * merge keys may expand it to (at least {@code maxExpandedNodes}, or ten times its own node count when that is
 * larger). The defaults are far above real manifests (a CRD's openAPIV3Schema nests about 30 levels; the largest
 * alias use in the corpora expands to a few hundred nodes) and refuse alias bombs and merge chains in well under a
 * second. Code points are not limited separately: the file size cap ({@code oci.maxFileBytes}) bounds them.
 */
public record YamlLimits(int maxExpandedNodes, int maxDepth) {

    public static final int DEFAULT_MAX_EXPANDED_NODES = 100_000;
    public static final int DEFAULT_MAX_DEPTH = 200;
    public static final YamlLimits DEFAULT = new YamlLimits(DEFAULT_MAX_EXPANDED_NODES, DEFAULT_MAX_DEPTH);

    public YamlLimits {
        if (maxExpandedNodes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException(
                    "YAML limits must be positive: maxYamlNodes=" + maxExpandedNodes + ", maxYamlDepth=" + maxDepth);
        }
    }

    /** SnakeYAML's options for these limits; composes nodes only, so any tag is safe to read. */
    LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        // an alias is at least one expanded node: the expansion check below is the finer bound
        options.setMaxAliasesForCollections(maxExpandedNodes);
        options.setNestingDepthLimit(maxDepth);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> true);
        return options;
    }
}
