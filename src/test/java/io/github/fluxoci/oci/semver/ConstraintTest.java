package io.github.fluxoci.oci.semver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.fluxoci.oci.scan.ChartVersions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranges read as Flux reads them (Masterminds semver v3), checked against the cases of Masterminds' own constraint
 * tests ({@code semver/masterminds-constraints.tsv}) and against the shapes found in Flux trees.
 */
class ConstraintTest {

    static Stream<Arguments> mastermindsCases() throws IOException {
        try (InputStream in = ConstraintTest.class.getResourceAsStream("/semver/masterminds-constraints.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .toList();
            assertThat(lines).hasSizeGreaterThan(200);
            return lines.stream().map(l -> l.split("\t", -1)).map(c -> Arguments.of(c[0], c[1], c[2]));
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" {1} -> {2}")
    @MethodSource("mastermindsCases")
    void agreesWithMastermindsOwnCases(String constraint, String version, String expected) throws Exception {
        switch (expected) {
            case "valid" -> assertThat(Constraint.problem(constraint)).isEmpty();
            case "invalid" -> assertThat(Constraint.problem(constraint)).isPresent();
            default -> {
                Version v = Version.parse(version).orElseThrow(() -> new AssertionError("version " + version));
                assertThat(Constraint.parse(constraint).isSatisfiedBy(v))
                        .as("%s satisfies %s", version, constraint)
                        .isEqualTo(Boolean.parseBoolean(expected));
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\" is not a range")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "latest",
                "'>=1.0.0 || garbage'",
                "'>=1.0.0 ||'",
                "'|| 1.0.0'",
                "1.2.3.4",
                "'>= 1.2.3 <'",
                "'1.0 -'",
                "'~> '",
                "stable",
                "'>=1.0.0 && <2.0.0'",
                "'1.2.3 - '",
                "''",
                "'  '"
            })
    void rejectsWhatFluxRejects(String text) {
        assertThat(Constraint.problem(text))
                .hasValueSatisfying(p -> assertThat(p).startsWith("improper constraint"));
    }

    @Test
    void hostileTextIsAnsweredNotBacktrackedOrOverflowed() {
        // each of these hangs or overflows the stack when matched with Masterminds' patterns in Java as they are
        assertThat(Constraint.isValid(">=1.0.0 " + " ".repeat(980) + "!")).isFalse();
        assertThat(Constraint.isValid("1 ".repeat(490) + "!")).isFalse();
        assertThat(Constraint.isValid("1 ".repeat(499) + "1")).isTrue();
        assertThat(Constraint.isValid(">=1.0.0, ".repeat(110) + "<2")).isTrue();
        assertThat(Constraint.problem("1".repeat(Constraint.MAX_LENGTH + 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("longer than 1000 characters"));
    }

    @Test
    void notEqualIsKeptInsideAGroup() throws Exception {
        // npm-style parsers drop or reject '!=': Masterminds keeps it as one more bound of the group
        Constraint c = Constraint.parse(">= 1.2.3, != 1.5.0");
        assertThat(c.isSatisfiedBy(v("1.5.0"))).isFalse();
        assertThat(c.isSatisfiedBy(v("1.5.1"))).isTrue();
        assertThat(c.isSatisfiedBy(v("1.2.2"))).isFalse();
        assertThat(Constraint.parse("!=1.2.3").isSatisfiedBy(v("1.2.4"))).isTrue();
    }

    @Test
    void alternativesHyphenRangesAndWildcardsAsFluxTreesWriteThem() throws Exception {
        Constraint c = Constraint.parse("1.x || >=2.5.0 <3.0.0");
        assertThat(c.isSatisfiedBy(v("1.9.0"))).isTrue();
        assertThat(c.isSatisfiedBy(v("2.4.0"))).isFalse();
        assertThat(c.isSatisfiedBy(v("2.6.1"))).isTrue();
        assertThat(Constraint.parse("4.0.0 - 4.2").isSatisfiedBy(v("4.2.9"))).isTrue();
        assertThat(Constraint.parse("4.0.0 - 4.2").isSatisfiedBy(v("4.3.0"))).isFalse();
        assertThat(Constraint.parse("3.x.x").isSatisfiedBy(v("3.12.0"))).isTrue();
        assertThat(Constraint.parse("*").isSatisfiedBy(v("1.0.0-rc.1")))
                .as("pre-releases need a pre-release bound")
                .isFalse();
        assertThat(Constraint.parse(">=1.0.0-0").isSatisfiedBy(v("1.0.0-rc.1"))).isTrue();
    }

    @ParameterizedTest(name = "tag {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.2.3|1.2.3",
                "v1.2.3|1.2.3",
                "1.2.3-rc.1|1.2.3-rc.1",
                "1.2.3+build.5|1.2.3+build.5",
                "1.2|-",
                "v1|-",
                "01.2.3|-",
                "1.2.3-|-",
                "1.2.3+|-",
                "1.2.3-01|-",
                "latest|-",
                "sha-4f2a1c|-",
                "18446744073709551615.0.0|18446744073709551615.0.0",
                "18446744073709551616.0.0|-",
                "+1.2.3|-",
                "1.2.3.4|-"
            })
    void readsTagsAsSourceControllerDoes(String tag, String expected) {
        assertThat(Version.parseTag(tag).map(Version::toString).orElse("-")).isEqualTo(expected);
    }

    @Test
    void ociTagsAreMatchedAfterHelmsUnderscoreIsReadBack() {
        List<String> tags = List.of("latest", "1.4", "v2.0.0", "2.1.0_build.1", "sha-abc", "3.0.0-rc.1");
        assertThat(ChartVersions.anyTagSatisfies(tags, "~2.1.0")).isTrue();
        assertThat(ChartVersions.anyTagSatisfies(tags, "^2.0.0 != 2.1.0"))
                .as("v2.0.0 read without its v")
                .isTrue();
        assertThat(ChartVersions.anyTagSatisfies(tags, "1.x"))
                .as("1.4 is not a strict version: skipped")
                .isFalse();
        assertThat(ChartVersions.anyTagSatisfies(tags, ">=3.0.0"))
                .as("only a pre-release is there")
                .isFalse();
        assertThat(ChartVersions.anyTagSatisfies(tags, "latest"))
                .as("not a range")
                .isFalse();
        assertThat(ChartVersions.newestStable(tags).map(Version::toString)).hasValue("2.1.0+build.1");
    }

    @Test
    void preReleasesRankBelowTheirRelease() {
        List<String> ordered = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.10.0",
                "10.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            assertThat(v(ordered.get(i)))
                    .as("%s < %s", ordered.get(i), ordered.get(i + 1))
                    .isLessThan(v(ordered.get(i + 1)));
        }
        assertThat(v("1.0.0+a").compareTo(v("1.0.0+b")))
                .as("build metadata does not count")
                .isZero();
    }

    @Test
    void chartVersionsHelmCannotResolveAreNamed() {
        assertThat(ChartVersions.chartVersionProblem("latest")).isPresent();
        assertThat(ChartVersions.chartVersionProblem(">=1.0.0 || garbage")).isPresent();
        assertThat(ChartVersions.chartVersionProblem("1.2.3")).isEmpty();
        assertThat(ChartVersions.chartVersionProblem("${CHART_VERSION}")).isEmpty();
        assertThat(ChartVersions.chartVersionProblem("~1.2")).isEmpty();
        assertThat(ChartVersions.chartVersionProblem(null)).isEmpty();
    }

    private static Version v(String text) {
        return Version.parse(text).orElseThrow();
    }
}
