package io.github.fluxoci.oci.yaml;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.tree.ManifestTree;
import io.github.fluxoci.oci.tree.Problem;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.tree.TreeLoader;
import io.github.fluxoci.oci.tree.TreeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile files end as a problem naming the file and line, never as a hang, a stack overflow or an exhausted heap.
 * The timeouts only guard against a hang (generous on purpose); they measure nothing.
 */
class HostileYamlTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** 40 levels, each merging the previous one twice: 2^40 nodes once expanded, in about 1.2 KB of text. */
    static String mergeChain(int levels) {
        StringBuilder sb = new StringBuilder("l0: &l0 {v: 1}\n");
        for (int i = 1; i < levels; i++) {
            sb.append("l")
                    .append(i)
                    .append(": &l")
                    .append(i)
                    .append(" {<<: [*l")
                    .append(i - 1)
                    .append(", *l")
                    .append(i - 1)
                    .append("]}\n");
        }
        return sb.toString();
    }

    @Test
    void aChainOfMergeKeysIsRefusedNotExpanded() {
        assertTimeoutPreemptively(
                HANG,
                () -> assertThatThrownBy(() -> YamlFile.parse(mergeChain(40)))
                        .isInstanceOf(YamlParseException.class)
                        .hasMessageContaining("expand this document to more than 100000 nodes"));
    }

    @Test
    void theLimitsAreTheUsersToRaiseOrLower() throws Exception {
        // 2^11 copies of the first map once expanded: refused at a 1,000-node limit, read at the default
        String chain = mergeChain(12);
        assertThat(YamlFile.parse(chain).documents()).hasSize(1);
        assertThatThrownBy(() -> YamlFile.parse(chain, new YamlLimits(1_000, 200)))
                .isInstanceOf(YamlParseException.class)
                .hasMessageContaining("more than 1000 nodes")
                .hasMessageContaining("raise -Doci.maxYamlNodes");
        String deep = "a: " + nested(250);
        assertThatThrownBy(() -> YamlFile.parse(deep))
                .isInstanceOf(YamlParseException.class)
                .hasMessage(
                        "nested more than 200 levels deep; raise -Doci.maxYamlDepth, or exclude the file with oci.excludes");
        assertThat(YamlFile.parse(deep, new YamlLimits(100_000, 300)).documents())
                .hasSize(1);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth) + "\n";
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            sb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        assertTimeoutPreemptively(
                HANG,
                () -> assertThatThrownBy(() -> YamlFile.parse(sb.toString()))
                        .isInstanceOf(YamlParseException.class)
                        .hasMessageContaining("alias bomb"));
    }

    @Test
    void aRecursiveAliasIsRefusedWithItsLine() {
        assertThatThrownBy(() -> YamlFile.parse("metadata:\n  name: x\nspec: &a\n  chart:\n    <<: *a\n"))
                .isInstanceOf(YamlParseException.class)
                .hasMessageContaining("recursive alias *a")
                .satisfies(e -> assertThat(((YamlParseException) e).line()).isEqualTo(3)); // where &a is defined
    }

    @Test
    void ordinaryAnchorsAndMergesStillParse() throws Exception {
        YamlFile f = YamlFile.parse("common: &common {interval: 1h, timeout: 5m}\nname: &app web\n"
                + "spec:\n  <<: *common\n  chart: *app\n");
        assertThat(Nodes.text(f.documents().get(0), "spec", "interval")).isEqualTo("1h");
        assertThat(Nodes.text(f.documents().get(0), "spec", "chart")).isEqualTo("web");
    }

    @Test
    void theTreeNamesTheHostileFilesAndReadsTheRest() throws IOException {
        new TreeFixture(dir)
                .file("chain.yaml", mergeChain(40))
                .file("recursive.yaml", "a: &a {<<: *a}\n")
                .file("big.yaml", "# " + "x".repeat(4096) + "\n")
                .file("good.yaml", TreeFixture.helmRelease("good", "apps"));
        ManifestTree tree = assertTimeoutPreemptively(
                HANG, () -> TreeLoader.load(TreeOptions.of(dir).withMaxFileBytes(1024)));
        assertThat(tree.helmReleases()).extracting(o -> o.name()).containsExactly("good");
        assertThat(tree.problems())
                .extracting(Problem::file)
                .containsExactly("big.yaml", "chain.yaml", "recursive.yaml");
        assertThat(tree.problems().get(0).message())
                .startsWith(
                        "not read: 4099 bytes, more than the 1024 a manifest may" + " have (raise -Doci.maxFileBytes");
        assertThat(tree.problems().get(2).describe())
                .startsWith("recursive.yaml:1:4: not valid YAML: an alias refers to" + " a node that contains it");
    }
}
