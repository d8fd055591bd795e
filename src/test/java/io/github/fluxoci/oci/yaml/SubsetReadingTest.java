package io.github.fluxoci.oci.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.github.fluxoci.oci.TestFiles;
import io.github.fluxoci.oci.bench.FleetGenerator;

/**
 * Reading a file without SnakeYAML's parser ({@link SubsetComposer}) or with its HelmReleases' values left out
 * ({@link YamlFile#parse(String, YamlLimits, Predicate)}) gives what SnakeYAML's own parse (followed by
 * {@link YamlFile#dropValue} for the values) gives, the oracle being the parser itself with its own resolver: the same
 * nodes with the same positions, tags, styles and anchors, the same duplicate keys, the same error. Checked on every
 * file of the corpora and of a generated fleet, on shapes written to sit at the subsets' edges, and on seeded random
 * mutations of real files, in their values and anywhere.
 */
class SubsetReadingTest {

    private static final Predicate<MappingNode> RELEASE = root -> "HelmRelease".equals(Nodes.text(root, "kind"))
            && String.valueOf(Nodes.text(root, "apiVersion")).startsWith("helm.toolkit.fluxcd.io/");

    /** What parsing everything and dropping the values gives, or the parse error. */
    private static Object oracle(String text) {
        try {
            YamlFile file = YamlFile.parseBySnakeYaml(text, YamlLimits.DEFAULT);
            for (Node doc : file.documents()) {
                if (doc instanceof MappingNode root && RELEASE.test(root)
                        && Nodes.get(root, "spec") instanceof MappingNode spec) {
                    file.dropValue(spec, "values");
                }
            }
            return file;
        } catch (YamlParseException e) {
            return e;
        }
    }

    private static Object skipping(String text) {
        try {
            return YamlFile.parse(text, YamlLimits.DEFAULT, RELEASE);
        } catch (YamlParseException e) {
            return e;
        }
    }

    /** Files the subset composer read, of those checked (for the assertions that it is the path real files take). */
    private static int composed;
    private static int checked;

    /** Asserts both ways agree; true when the values were left out of the parse. */
    private static boolean assertSame(String text, String where) {
        assertSameWhole(text, where);
        Object expected = oracle(text);
        Object actual = skipping(text);
        if (expected instanceof YamlParseException e) {
            if (!(actual instanceof YamlParseException a)) {
                fail(where + ": the parse fails (" + e.getMessage() + ") but reading without the values does not");
                return false;
            }
            assertEquals(e.getMessage() + " @" + e.line() + ":" + e.column(),
                    a.getMessage() + " @" + a.line() + ":" + a.column(), where);
            return false;
        }
        if (actual instanceof YamlParseException a) {
            fail(where + ": reading without the values fails (" + a.getMessage() + " at " + a.line() + ":" + a.column()
                    + ") but the parse does not");
        }
        YamlFile x = (YamlFile) expected;
        YamlFile y = (YamlFile) actual;
        assertEquals(x.documents().size(), y.documents().size(), where + ": documents");
        for (int i = 0; i < x.documents().size(); i++) {
            assertSameNode(x.documents().get(i), y.documents().get(i), where + ": document " + (i + 1));
        }
        List<ScalarNode> dx = x.duplicateKeys();
        List<ScalarNode> dy = y.duplicateKeys();
        assertEquals(describe(dx), describe(dy), where + ": duplicate keys");
        return y.skippedBlocks() > 0;
    }

    /** {@link YamlFile#parse(String)} (nothing dropped) gives SnakeYAML's tree or error too. */
    private static void assertSameWhole(String text, String where) {
        YamlFile x;
        try {
            x = YamlFile.parseBySnakeYaml(text, YamlLimits.DEFAULT);
        } catch (YamlParseException e) {
            YamlParseException a = null;
            try {
                YamlFile.parse(text, YamlLimits.DEFAULT);
            } catch (YamlParseException thrown) {
                a = thrown;
            }
            assertNotNull(a, where + ": the parse fails (" + e.getMessage() + ") but the subset composer's does not");
            assertEquals(e.getMessage() + " @" + e.line() + ":" + e.column(),
                    a.getMessage() + " @" + a.line() + ":" + a.column(), where);
            return;
        }
        YamlFile y;
        try {
            y = YamlFile.parse(text, YamlLimits.DEFAULT);
        } catch (YamlParseException e) {
            fail(where + ": fails (" + e.getMessage() + ") where SnakeYAML does not");
            return;
        }
        checked++;
        composed += y.composedInSubset() ? 1 : 0;
        assertEquals(x.documents().size(), y.documents().size(), where + ": documents");
        for (int i = 0; i < x.documents().size(); i++) {
            assertSameNode(x.documents().get(i), y.documents().get(i), where + ": whole document " + (i + 1));
        }
        assertEquals(describe(x.duplicateKeys()), describe(y.duplicateKeys()), where + ": duplicate keys, whole");
    }

    private static List<String> describe(List<ScalarNode> keys) {
        List<String> out = new ArrayList<>();
        for (ScalarNode k : keys) {
            out.add(k.getValue() + " " + k.getScalarStyle() + " " + k.getTag() + " " + mark(k.getStartMark()) + "-"
                    + mark(k.getEndMark()));
        }
        return out;
    }

    private static String mark(Mark m) {
        return m.getIndex() + "(" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ")";
    }

    private static void assertSameNode(Node x, Node y, String where) {
        String here = where + " at " + mark(x.getStartMark());
        assertEquals(x.getClass(), y.getClass(), here + ": node kind");
        assertEquals(x.getTag(), y.getTag(), here + ": tag");
        assertEquals(mark(x.getStartMark()), mark(y.getStartMark()), here + ": start");
        assertEquals(mark(x.getEndMark()), mark(y.getEndMark()), here + ": end");
        assertEquals(x.getAnchor(), y.getAnchor(), here + ": anchor");
        if (x instanceof ScalarNode s) {
            assertEquals(s.getValue(), ((ScalarNode) y).getValue(), here + ": value");
            assertEquals(s.getScalarStyle(), ((ScalarNode) y).getScalarStyle(), here + ": style");
        } else if (x instanceof MappingNode m) {
            MappingNode n = (MappingNode) y;
            assertEquals(m.getFlowStyle(), n.getFlowStyle(), here + ": flow style");
            assertEquals(m.getValue().size(), n.getValue().size(), here + ": entries");
            for (int i = 0; i < m.getValue().size(); i++) {
                NodeTuple a = m.getValue().get(i);
                NodeTuple b = n.getValue().get(i);
                assertSameNode(a.getKeyNode(), b.getKeyNode(), where);
                assertSameNode(a.getValueNode(), b.getValueNode(), where);
            }
        } else if (x instanceof SequenceNode q) {
            SequenceNode r = (SequenceNode) y;
            assertEquals(q.getFlowStyle(), r.getFlowStyle(), here + ": flow style");
            assertEquals(q.getValue().size(), r.getValue().size(), here + ": items");
            for (int i = 0; i < q.getValue().size(); i++) {
                assertSameNode(q.getValue().get(i), r.getValue().get(i), where);
            }
        }
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileReadsTheSameWithoutItsValues() throws IOException {
        Stream<DynamicTest> skipped = TestFiles.skippedWithoutCorpora();
        if (skipped != null) {
            return skipped;
        }
        return TestFiles.corpusTrees().stream().map(tree -> DynamicTest.dynamicTest(tree.getFileName().toString(), () -> {
            int releases = 0;
            int left = 0;
            composed = 0;
            checked = 0;
            for (Path p : yamlFiles(tree)) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (assertSame(text, tree.relativize(p).toString())) {
                    left++;
                }
                if (text.contains("kind: HelmRelease") && text.contains("  values:") && text.indexOf('*') < 0) {
                    releases++; // a file with an alias keeps all its nodes (an edit must see every use of an anchor)
                }
            }
            // most real releases' values are in the subset: the fast path is the one these trees take
            assertTrue(releases == 0 || left * 2 > releases,
                    tree.getFileName() + ": values left out of " + left + " of " + releases + " release files");
            // and most files (60 % at least) are composed without the parser (the rest: block scalars, flow content...)
            assertTrue(composed * 5 > checked * 3, tree.getFileName() + ": composed in the subset " + composed + " of " + checked);
        }));
    }

    @Test
    void everyFileOfAGeneratedFleetReadsTheSameAndEveryReleaseLeavesItsValuesOut(@TempDir Path dir) throws IOException {
        FleetGenerator.generate(dir, 60);
        int releases = 0;
        int left = 0;
        for (Path p : yamlFiles(dir)) {
            String text = Files.readString(p);
            releases += text.contains("kind: HelmRelease") ? 1 : 0;
            left += assertSame(text, dir.relativize(p).toString()) ? 1 : 0;
        }
        assertTrue(releases >= 60, "releases: " + releases);
        assertEquals(releases, left, "every generated release's values are left out of the parse");
    }

    private static final String HEAD = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n"
            + "  name: app\nspec:\n  interval: 1h\n  values:\n";

    /** Values at the subset's edges, each left out of the parse, each giving the parser's own tree. */
    @ParameterizedTest
    @ValueSource(strings = {
        "    a: 1\n",
        "    a: 1\n    b:\n      c: \"x y\"\n      d: 'it''s'\n  chart:\n    spec:\n      chart: x\n",
        // duplicates at several depths, quoted and plain forms of one key
        "    a: 1\n    b: 2\n    a: 3\n    m:\n      k: 1\n      \"k\": 2\n      'k': 3\n",
        // sequences: indented, at their key's indentation, compact mappings in items, empty items
        "    l:\n      - a\n      - b: 1\n        c: 2\n      -\n      - \"q\"\n    m:\n    - x\n    - y: 1\n      y: 2\n    n: 1\n",
        // block scalars: literal, folded, chomping, leading blank lines, comment-like and less indented content
        "    s: |\n      line one\n\n      # not a comment\n        deeper\n    f: >-\n      folded\n      text\n    k: |+\n\n      kept\n\n    z: 1\n",
        // empty values of all kinds, comments everywhere, flow empties
        "    a:\n    b: # comment\n    c: []\n    d: {}   # trailing\n    # a comment line\n      # deeper comment\n    e: ~\n",
        // keys with dots, slashes, dashes, digits; values with colons, hashes and brackets inside
        "    app.kubernetes.io/name: web\n    8080: port\n    url: http://example.com:8080/a#b\n    list: a,[b],{c}\n"
                + "    neg: -1\n    path: /var/lib\n",
        // CRLF
        "    a: 1\r\n    b:\r\n      c: |\r\n        x\r\n\r\n      d: 2\r\n",
        // the document ends inside the values, with and without a final line break, then another document
        "    a: 1\n    b: 2",
        "    a: 1\n# after\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
        "    a: 1\n  # indented comment after\n\n...\n",
        // values last in spec, followed by a column-0 key
        "    a: 1\nstatus:\n  x: 1\n",
        // anchors (the file has no alias), one-line flow collections with duplicate keys inside
        "    a: &x 1\n    b: &y\n      c: 1\n    l:\n      - &z [1, \"two\", [x, {k: v}]]\n"
                + "    m: { drop: [\"ALL\"], drop: [], 'q': {} }\n",
        // characters beyond ASCII, emoji (two UTF-16 units: SnakeYAML counts one) before, in and after the values
        "    # 🚀 lancé\n    name: \"名前 🚀\"\n    b: ünï 🎉\n    \"🚀\": 1\n    \"🚀\": 2\n  # après 🎉\n  chart:\n"
                + "    spec:\n      chart: 🚀x\n",
    })
    void valuesAtTheSubsetsEdgesAreLeftOutAndGiveTheParsersTree(String values) {
        String text = HEAD + values;
        assertTrue(assertSame(text, values.replace("\n", "\\n")), "the values were left out of the parse: " + values);
    }

    /** Outside the subset: the parser reads the values, and the result is still the parser's tree or error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "    a: !!str 1\n",
        "    a: [1, 2,]\n",
        "    a: [1, 2\n",
        "    a: {x: 1, y}\n",
        "    a: &x\n      - b\n    c: &x &y 1\n",
        "    a: \"esc\\n\"\n",
        "    a: \"multi\n      line\"\n",
        "    a: plain\n      continued\n",
        "    a: 1\n   b: 2\n",
        "    a:\tb\n",
        "    é: 1\n",
        "    a: |2\n      x\n",
        "    - a\n",
        "    a: b: c\n",
        "    ? a\n    : b\n",
        "    a: 1\n      b: 2\n",
        "    a:\n      - b\n     - c\n",
        "    key with space: 1\n",
        "    a: %x\n",
        "    a: @x\n",
        "    a: 'unterminated\n",
        "    \"a\" : 1\n",
        "    s: |\n      x\n     y: 1\n",
        // a block scalar whose leading blank line is longer than its content: empty, and the next line an error
        "    s: |\n            \n      x: 1\n",
    })
    void valuesOutsideTheSubsetAreParsedAndGiveTheParsersTreeOrError(String values) {
        String text = HEAD + values + "  chart:\n    spec:\n      chart: x\n";
        assertTrue(!assertSame(text, values.replace("\n", "\\n")), "left out, though outside the subset: " + values);
    }

    @Test
    void onlyTheFirstValuesOfAReleasesSpecIsLeftOut() {
        // spec.values of another kind (the word HelmRelease in a comment): parsed
        assertTrue(!assertSame("apiVersion: example.com/v1\nkind: Thing\nspec:\n  values:\n    a: 1\n# HelmRelease\n",
                "another kind"));
        // a spec with two values keys: the first is the one dropped, and the text is parsed as it is
        assertTrue(!assertSame(HEAD + "    a: 1\n  values:\n    b: 2\n", "two values"));
        // values under another column-0 key are not a candidate; the spec's are
        assertTrue(assertSame("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nother:\n  values:\n    a: 1\n"
                + "spec:\n  values:\n    b: 1\n", "other key"));
        // a release in a flow-style spec, and one whose values are inside a quoted scalar's lines
        assertTrue(!assertSame("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  x: \"a\n  values:\n"
                + "    b: 1\"\n", "values inside a quoted scalar"));
    }

    @Test
    void aFileWithAnAliasIsParsedWhole() {
        String text = HEAD + "    a: 1\n  x: *y\n";
        assertSame(text, "alias");
        String ok = "a: &y 1\n---\n" + HEAD + "    a: 1\n    b: *y\n";
        assertTrue(!assertSame(ok, "alias in values"));
    }

    /** Release files of the corpora whose values are left out: the seeds of the mutations. */
    private static List<String> releaseFiles() throws IOException {
        List<String> out = new ArrayList<>();
        if (!TestFiles.corporaPresent()) {
            return out;
        }
        for (Path tree : TestFiles.corpusTrees()) {
            for (Path p : yamlFiles(tree)) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (text.contains("kind: HelmRelease") && text.indexOf('*') < 0
                        && !SkippedValues.find(text, text.toCharArray(), YamlLimits.DEFAULT_MAX_DEPTH).isEmpty()) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static List<String> releases;

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    private static final String[] INSERTS = {" ", "  ", ":", ": ", "-", "- ", "#", " #", "\n", "\n ", "\"", "'", "|",
        ">", "[", "]", "{", "}", "\t", "&", "*", "!", "%", "@", "`", "?", ",", "\r", "é", "\\", "---\n", "a", "\n- ",
        "\n  ", "''", "|-\n"};

    /**
     * Seeded random edits of real release files, most of them inside the values: whatever the edit makes of the file
     * (valid, broken, outside the subset), reading it without the values agrees with the parser.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedReleaseFilesReadTheSameWithoutTheirValues(int seed) throws IOException {
        if (releases == null) {
            releases = releaseFiles();
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(releases.isEmpty(), "corpora absent: " + TestFiles.corpora());
        Random random = new Random(seed);
        int left = 0;
        for (int i = 0; i < 60; i++) {
            String text = releases.get(random.nextInt(releases.size()));
            SkippedValues.Candidate c = SkippedValues.find(text, text.toCharArray(), YamlLimits.DEFAULT_MAX_DEPTH).get(0);
            StringBuilder b = new StringBuilder(text);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = c.from() + random.nextInt(Math.max(1, Math.min(b.length(), c.block().end + 40) - c.from()));
                at = Math.min(at, b.length());
                switch (random.nextInt(4)) {
                    case 0 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                    case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(3)));
                    case 2 -> { // re-indent a line
                        int start = b.lastIndexOf("\n", at) + 1;
                        if (random.nextBoolean()) {
                            b.insert(start, random.nextBoolean() ? " " : "  ");
                        } else if (start < b.length() && b.charAt(start) == ' ') {
                            b.deleteCharAt(start);
                        }
                    }
                    default -> { // copy a line elsewhere (duplicate keys, stray items)
                        int start = b.lastIndexOf("\n", at) + 1;
                        int end = b.indexOf("\n", at);
                        if (end > start) {
                            String lineText = b.substring(start, end + 1);
                            int to = c.from() + random.nextInt(Math.max(1, Math.min(b.length(), c.block().end) - c.from()));
                            to = b.lastIndexOf("\n", to) + 1;
                            b.insert(to, lineText);
                        }
                    }
                }
            }
            String mutated = b.toString();
            String name = "skipped-values-seed-" + seed + "-mutant-" + i;
            if (checkMutant(name, mutated, () -> assertSame(mutated, name))) {
                left++;
            }
        }
        // the mutants exercise both ways: some keep their values in the subset, others leave it or break the file
        assertTrue(left > 0, "no mutant of seed " + seed + " was read without its values");
        assertTrue(left < 60, "every mutant of seed " + seed + " stayed in the subset");
    }

    /** Runs the check of a mutant; when it fails, the mutant is kept in target/ and named in the message. */
    private static boolean checkMutant(String name, String mutated, BooleanSupplier check) throws IOException {
        try {
            return check.getAsBoolean();
        } catch (AssertionError failure) {
            Path kept = Path.of("target", name + ".yaml");
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, mutated);
            throw new AssertionError(failure.getMessage() + " (the mutant: " + kept.toAbsolutePath() + ")", failure);
        }
    }

    private static List<String> corpusFiles;

    /**
     * Seeded random edits anywhere in real files of every kind: whatever the edit makes of the file, the subset
     * composer (or the parser it falls back on) gives SnakeYAML's tree or error.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void filesMutatedAnywhereComposeAsSnakeYamlParsesThem(int seed) throws IOException {
        if (corpusFiles == null) {
            List<String> all = new ArrayList<>();
            if (TestFiles.corporaPresent()) {
                for (Path tree : TestFiles.corpusTrees()) {
                    for (Path p : yamlFiles(tree)) {
                        all.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
            corpusFiles = all;
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(corpusFiles.isEmpty(), "corpora absent: " + TestFiles.corpora());
        Random random = new Random(1_000 + seed);
        composed = 0;
        checked = 0;
        for (int i = 0; i < 60; i++) {
            String text = corpusFiles.get(random.nextInt(corpusFiles.size()));
            StringBuilder b = new StringBuilder(text);
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                    case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(3)));
                    default -> {
                        int start = b.lastIndexOf("\n", at) + 1;
                        if (random.nextBoolean()) {
                            b.insert(start, " ");
                        } else if (start < b.length() && b.charAt(start) == ' ') {
                            b.deleteCharAt(start);
                        }
                    }
                }
            }
            String mutated = b.toString();
            String name = "subset-composer-seed-" + seed + "-mutant-" + i;
            checkMutant(name, mutated, () -> {
                assertSameWhole(mutated, name);
                return true;
            });
        }
        assertTrue(composed > 0, "no mutant of seed " + seed + " was composed in the subset");
    }

    /** Whole texts at the subset composer's edges: each composed without the parser, each the parser's tree. */
    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\n",
        "a: 1",
        "# only a comment first\n---\na: 1\n---\nb: 2\n...\n---\nc: 3\n# trailing\n",
        "a:\n  b:\n    c: x\nd: \"q\"\ne: 'it''s'\nf:\n",
        "l:\n- a\n- b: 1\n  c: 2\n-\n- \"x\"\nm:\n  - &k x\n  -\n    - y\nn: []\no: {}\n",
        "metadata:\n  name: &app web\n  labels: &labels\n    app: web\nspec:\n  x: 1\r\n  y: 2\r\n",
        "a: 1 # comment\nb: x#y\nc: http://h:1/p\n\"q k\": v\n'8080': 1\n8080: 2\nnull: ~\ntrue: yes\n",
        "a: 1\n  # deeper comment\n# column 0\nb:\n  # between\n  c: 1\n",
        // aliases: of a scalar, of a closed collection, in items, anchors forgotten at the document's end
        "metadata:\n  name: &app web\n  labels: &l\n    app: *app\nspec:\n  selector: *l\n  list:\n  - *app\n  - *l\n"
                + "---\nname: &app other\nx: *app # comment\n",
    })
    void textsAtTheComposersEdgesAreComposedAsTheParserReadsThem(String text) {
        assertSameWhole(text, text.replace("\n", "\\n"));
        assertTrue(parsedInSubset(text), "composed in the subset: " + text);
    }

    /** Outside the composer's subset: the parser reads them, with its tree or error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "---\n", "a: 1\n---\n", "---\n# nothing\n---\na: 1\n", "a: *x\n", "a: &x 1\n---\nb: *x\n",
        "a: &x\n  b: *x\n", "a: &x 1\nb: *x.y\n", "a: &x 1\nb: &y *x\n", "a: &x\n  b: 1\n<<: *x\n", "a: !t 1\n", "a: |\n  x\n",
        "a: [1]\n", "a: \"x\\ty\"\n", "a: plain\n  continued\n", "  a: 1\n", "- a\n", "x\n", "%YAML 1.1\n---\na: 1\n",
        "a: 1\n...\nb: 2\n", "a:\tb\n", "a: 🚀\n", "a: &x\nb: 1\n", "a: 1\n b: 2\n", "a: b: c\n", "a:\n  - b\n c: 1\n",
        "? a\n: b\n", "a: 1\rb: 2\n", "--- a: 1\n",
    })
    void textsOutsideTheComposersSubsetGiveTheParsersTreeOrError(String text) {
        assertSameWhole(text, text.replace("\n", "\\n"));
        assertTrue(!parsedInSubset(text), "not in the subset: " + text);
    }

    private static boolean parsedInSubset(String text) {
        try {
            return YamlFile.parse(text, YamlLimits.DEFAULT).composedInSubset();
        } catch (YamlParseException e) {
            return false;
        }
    }
}
