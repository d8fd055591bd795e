package io.github.fluxoci.oci.yaml;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.ScalarNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFileTest {

    /**
     * A tab after "key:" separates as a space does for go-yaml v3 (kustomize, Flux); the text keeps it. One that indents,
     * or follows a block sequence's "-", is refused, as go-yaml v3 refuses it.
     */
    @Test
    void aTabThatSeparatesAValueIsReadAsFluxReadsIt() throws Exception {
        String text = "spec:\n  chart:\tpodinfo\n  list:\n    - one\n  quoted: \"a:\tb\"\n";
        YamlFile file = YamlFile.parse(text);
        org.yaml.snakeyaml.nodes.Node root = file.documents().get(0);
        assertThat(Nodes.text(root, "spec", "chart")).isEqualTo("podinfo");
        assertThat(Nodes.texts(root, "spec", "list")).containsExactly("one");
        assertThat(Nodes.text(root, "spec", "quoted")).isEqualTo("a:\tb");
        assertThat(file.text()).isEqualTo(text);
        // a tab that indents is still refused, as go-yaml v3 refuses it
        assertThatThrownBy(() -> YamlFile.parse("spec:\n\tchart: x\n")).isInstanceOf(YamlParseException.class);
        assertThatThrownBy(() -> YamlFile.parse("list:\n  -\tone\n")).isInstanceOf(YamlParseException.class);
    }

    /** Lines that end in CR alone are kept so: an edit inserts CR, never LF. */
    @Test
    void aFileWhoseLinesEndInCrAloneKeepsThem() throws Exception {
        assertThat(YamlFile.parse("a: 1\rb: 2\r").lineEnding()).isEqualTo("\r");
        assertThat(YamlFile.parse("a: 1\r\nb: 2\r\n").lineEnding()).isEqualTo("\r\n");
        assertThat(YamlFile.parse("a: 1\nb: 2\n").lineEnding()).isEqualTo("\n");
    }

    @Test
    void offsetsCountUtf16UnitsAfterEmojiAndAccents() throws Exception {
        String text = "# café 🚀 déploiement\nmetadata:\n  name: \"🎉 party\"\nspec:\n  version: 1.2.3\n";
        YamlFile f = YamlFile.parse(text);
        ScalarNode version = (ScalarNode) Nodes.get(f.documents().get(0), "spec", "version");
        int start = f.startOffset(version);
        assertThat(text.substring(start, f.endOffset(version))).isEqualTo("1.2.3");
        ScalarNode name = (ScalarNode) Nodes.get(f.documents().get(0), "metadata", "name");
        assertThat(text.substring(f.startOffset(name), f.endOffset(name))).isEqualTo("\"🎉 party\"");
        assertThat(f.lineNumber(start)).isEqualTo(5);
    }

    @Test
    void versionsStayStringsWithoutTypeResolution() throws Exception {
        YamlFile f = YamlFile.parse("version: 1.10\nenabled: yes\n");
        assertThat(Nodes.text(f.documents().get(0), "version")).isEqualTo("1.10");
        assertThat(Nodes.text(f.documents().get(0), "enabled")).isEqualTo("yes");
    }

    @Test
    void detectsCrlfAndKeepsTheByteOrderMarkAside() throws Exception {
        YamlFile f = YamlFile.parse(YamlFile.BOM + "a: 1\r\nb: 2\r\n");
        assertThat(f.hasBom()).isTrue();
        assertThat(f.text()).startsWith("a: 1");
        assertThat(f.lineEnding()).isEqualTo("\r\n");
        assertThat(f.render(f.text())).startsWith(YamlFile.BOM);
        ScalarNode b = (ScalarNode) Nodes.get(f.documents().get(0), "b");
        assertThat(f.text().substring(f.startOffset(b), f.endOffset(b))).isEqualTo("2");
        assertThat(f.lineNumber(f.startOffset(b))).isEqualTo(2);
    }

    @Test
    void lfFileReportsLf() throws Exception {
        assertThat(YamlFile.parse("a: 1\nb: 2").lineEnding()).isEqualTo("\n");
    }

    @Test
    void multiDocumentFilesKeepEveryDocument() throws Exception {
        YamlFile f = YamlFile.parse("---\nkind: A\n---\nkind: B\n---\n# only a comment\nkind: C\n");
        assertThat(f.documents()).hasSize(3);
        assertThat(Nodes.text(f.documents().get(2), "kind")).isEqualTo("C");
    }

    @Test
    void undefinedAliasIsAParseErrorWithLineAndColumn() {
        assertThatThrownBy(() -> YamlFile.parse("a: 1\nb: *nope\n"))
                .isInstanceOf(YamlParseException.class)
                .satisfies(e -> {
                    YamlParseException p = (YamlParseException) e;
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(4);
                    assertThat(p.getMessage()).contains("undefined alias nope");
                });
    }

    @Test
    void aliasesResolveToTheAnchoredValue() throws Exception {
        YamlFile f = YamlFile.parse("metadata:\n  name: &app kyverno\nspec:\n  chart: *app\n");
        assertThat(Nodes.text(f.documents().get(0), "spec", "chart")).isEqualTo("kyverno");
    }

    /**
     * The migrate's anchor moves ({@code HelmReleaseEdits.anchorMoves}) find the uses of an anchor defined in
     * {@code spec.chart} by node identity: an alias must be the anchored node itself, not a copy, on the path the tree
     * is read by (the lean composer, with a HelmRelease's values dropped after parsing).
     */
    @Test
    void anAliasIsTheAnchoredNodeItselfWhereEditsRelyOnIt() throws Exception {
        String text = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                + "  annotations:\n    chart-version: &v 1.2.3\nspec:\n  chart:\n    spec:\n      chart: app\n"
                + "      version: *v\n  values:\n    image: {tag: *v}\n";
        for (YamlFile f :
                java.util.List.of(YamlFile.parse(text), YamlFile.parse(text, YamlLimits.DEFAULT, root -> true))) {
            org.yaml.snakeyaml.nodes.Node root = f.documents().get(0);
            org.yaml.snakeyaml.nodes.Node anchored = Nodes.get(root, "metadata", "annotations", "chart-version");
            assertThat(Nodes.get(root, "spec", "chart", "spec", "version"))
                    .as("the alias *v is the anchored node")
                    .isSameAs(anchored);
            assertThat(anchored.getAnchor()).isEqualTo("v");
        }
    }

    @Test
    void mergeKeysAreFollowedOnLookup() throws Exception {
        YamlFile f = YamlFile.parse("base: &b\n  interval: 1h\nspec:\n  <<: *b\n  name: x\n");
        assertThat(Nodes.text(f.documents().get(0), "spec", "interval")).isEqualTo("1h");
    }

    @Test
    void globalTagsAreReadNotRefused() throws Exception {
        YamlFile f = YamlFile.parse("emoji: !!python/name:materialx.emoji.twemoji\n");
        assertThat(f.documents()).hasSize(1);
    }

    @Test
    void lineHelpersHandleAFinalLineWithoutBreak() throws Exception {
        YamlFile f = YamlFile.parse("a: 1\nb: 2");
        assertThat(f.lineCount()).isEqualTo(2);
        assertThat(f.lineEnd(6)).isEqualTo(f.text().length());
        assertThat(f.lineStart(6)).isEqualTo(5);
    }

    private static final String RELEASE =
            "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\n"
                    + "spec:\n  values:\n    image:\n      tag: 1.0.0\n      tag: 1.0.1\n    list: [a, b]\n  interval: 1h\n"
                    + "  interval: 2h\n";

    @Test
    void aDroppedSubtreeKeepsItsPlaceAndItsDuplicateKeys() throws Exception {
        YamlFile f = YamlFile.parse(RELEASE);
        org.yaml.snakeyaml.nodes.MappingNode spec =
                (org.yaml.snakeyaml.nodes.MappingNode) Nodes.get(f.documents().get(0), "spec");
        org.yaml.snakeyaml.nodes.Node before = Nodes.get(spec, "values");
        int start = f.startOffset(before);
        int end = f.endOffset(before);
        assertThat(f.dropValue(spec, "values")).isTrue();
        org.yaml.snakeyaml.nodes.Node after = Nodes.get(spec, "values");
        assertThat(after).isInstanceOf(org.yaml.snakeyaml.nodes.MappingNode.class);
        assertThat(((org.yaml.snakeyaml.nodes.MappingNode) after).getValue()).isEmpty();
        assertThat(f.startOffset(after)).isEqualTo(start);
        assertThat(f.endOffset(after)).isEqualTo(end);
        // the gate still sees both duplicates, in document order: the one in the dropped values, then spec's
        assertThat(f.duplicateKeys())
                .extracting(k -> f.lineNumber(f.startOffset(k)))
                .containsExactly(9, 12);
        assertThat(Nodes.text(spec, "interval"))
                .as("the rest of spec is untouched")
                .isEqualTo("1h");
    }

    @Test
    void nothingIsDroppedWhereAnAliasMayPointInOrOut() throws Exception {
        YamlFile f = YamlFile.parse(RELEASE.replace("tag: 1.0.1", "other: *v").replace("tag: 1.0.0", "tag: &v 1.0.0"));
        org.yaml.snakeyaml.nodes.MappingNode spec =
                (org.yaml.snakeyaml.nodes.MappingNode) Nodes.get(f.documents().get(0), "spec");
        assertThat(f.dropValue(spec, "values")).isFalse();
        assertThat(Nodes.text(spec, "values", "image", "other")).isEqualTo("1.0.0");
    }

    @Test
    void aParseErrorStillNamesItsLineAndColumn() {
        assertThatThrownBy(() -> YamlFile.parse("a: 1\nb: [unclosed\nc: 3\n"))
                .isInstanceOfSatisfying(YamlParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                });
    }
}
