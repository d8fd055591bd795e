package io.github.fluxoci.oci.tree;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobMatcherTest {

    @Test
    void antPatternsMatchAsMavenUsersExpect() {
        GlobMatcher yaml = new GlobMatcher(List.of("**/*.yaml"));
        assertThat(yaml.matches("a.yaml")).isTrue();
        assertThat(yaml.matches("x/y/a.yaml")).isTrue();
        assertThat(yaml.matches("x/a.yml")).isFalse();
        GlobMatcher target = new GlobMatcher(List.of("**/target/**"));
        assertThat(target.matches("target/a.yaml")).isTrue();
        assertThat(target.matches("mod/target/x/a.yaml")).isTrue();
        assertThat(target.matches("targets/a.yaml")).isFalse();
        assertThat(target.matchesWholeDirectory("mod/target")).isTrue();
        GlobMatcher single = new GlobMatcher(List.of("apps/?/*.yaml", "archive/"));
        assertThat(single.matches("apps/a/x.yaml")).isTrue();
        assertThat(single.matches("apps/ab/x.yaml")).isFalse();
        assertThat(single.matches("archive/deep/x.yaml")).isTrue();
    }

    /**
     * The plain string checks give exactly the regular expression's answer, and Maven's own matcher's
     * ({@code SelectorUtils.matchPath}, what DirectoryScanner uses for includes/excludes), on generated paths.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L})
    void fastChecksAgreeWithTheRegexAndWithMaven(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] segments = {
            "a",
            "target",
            ".git",
            "node_modules",
            "kubernetes",
            "apps",
            "target.yaml",
            "x.yaml",
            "y.yml",
            ".yaml",
            "yaml",
            "ks.yaml.bak",
            "targets",
            "my-target",
            "values.json"
        };
        String[] globs = {
            "**/*.yaml",
            "**/*.yml",
            "**/*.json",
            "**/target/**",
            "**/.git/**",
            "**/node_modules/**",
            "**/target",
            "**/apps/**",
            "kubernetes/**",
            "**/a/*.yaml",
            "apps/*.yml"
        };
        for (int n = 0; n < 500; n++) {
            int depth = 1 + random.nextInt(5);
            StringBuilder path = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                path.append(d == 0 ? "" : "/").append(segments[random.nextInt(segments.length)]);
            }
            String p = path.toString();
            for (String g : globs) {
                boolean fast = GlobMatcher.compile(g).test(p);
                assertThat(fast)
                        .as(g + " on " + p + " (regex)")
                        .isEqualTo(GlobMatcher.toRegex(g).matcher(p).matches());
                String last = p.substring(p.lastIndexOf('/') + 1);
                if (last.contains(".") && !g.endsWith("/**")) {
                    assertThat(fast)
                            .as(g + " on " + p + " (Maven)")
                            .isEqualTo(org.codehaus.plexus.util.SelectorUtils.matchPath(g, p, "/", true));
                } else if (g.endsWith("/**") && last.contains(".") && !g.equals("**/" + last + "/**")) {
                    // (Maven's "**/x/**" also matches a path that ends in x itself; for a file that is never a
                    // manifest, as includes select *.yaml and *.yml)
                    assertThat(fast)
                            .as(g + " on " + p + " (Maven)")
                            .isEqualTo(org.codehaus.plexus.util.SelectorUtils.matchPath(g, p, "/", true));
                }
            }
        }
    }
}
