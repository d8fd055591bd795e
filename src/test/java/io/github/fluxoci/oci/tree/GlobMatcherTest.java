package io.github.fluxoci.oci.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

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
}
