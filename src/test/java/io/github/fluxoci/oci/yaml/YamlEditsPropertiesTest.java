package io.github.fluxoci.oci.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For generated documents and edits: every byte outside the edits is unchanged, the edited values read
 * back as intended, and every other value reads back as it was. Seeded JUnit parameterized tests: a fixed
 * master seed derives {@value #TRIES} seeds per property (the same on every run and machine), followed by the
 * seeds of past failures, kept as regression cases. A failure names its seed; add it to {@link #REGRESSIONS}.
 */
class YamlEditsPropertiesTest {

    static final long MASTER_SEED = 0x0C1_2026_1126L;
    static final int TRIES = 300;
    /**
     * Seeds that once found a bug, or that exercise its shape: removing an entry whose value is a sequence written
     * without indentation ({@code key:} then {@code - item} in the same column) once left the items behind; these
     * three seeds remove exactly such an entry.
     */
    static final long[] REGRESSIONS = {6976596177944619528L, -8796603504740353600L, 7969120158891947125L};

    static Stream<Long> seeds() {
        Random master = new Random(MASTER_SEED);
        return Stream.concat(
                LongStream.range(0, TRIES).map(i -> master.nextLong()).boxed(),
                LongStream.of(REGRESSIONS).boxed());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replacingScalarsChangesOnlyThoseScalars(long seed) throws Exception {
        RandomYaml gen = new RandomYaml(seed);
        String content = gen.document();
        YamlFile file = YamlFile.parse(content);
        Node doc = file.documents().get(0);
        YamlEdits edits = new YamlEdits(file);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        Map<String, String> expected = RandomYaml.values(doc);
        Map<String, String> replaced = new LinkedHashMap<>();
        List<TextEdit> plan = new ArrayList<>();
        for (Map.Entry<String, ScalarNode> e : RandomYaml.scalars(doc, "")) {
            if (random.nextInt(3) == 0) {
                String value = RandomYaml.newValue(random);
                plan.add(edits.replaceScalar(e.getValue(), value));
                expected.put(e.getKey(), value);
                replaced.put(e.getKey(), value);
            }
        }
        YamlFile result = new EditPlan().addAll(plan).applyTo(file);

        assertThat(RandomYaml.values(result.documents().get(0))).isEqualTo(expected);
        // the same on values resolved by an independent reader: a replaced value is the string written, every other
        // value keeps its type (a plain true stays a Boolean, a quoted "1.10" a String)
        Map<String, Object> typed = RandomYaml.resolved(content);
        typed.putAll(replaced);
        assertThat(RandomYaml.resolved(result.text())).isEqualTo(typed);
        assertThat(result.hasBom()).isEqualTo(file.hasBom());
        assertUnchangedOutside(file.text(), result.text(), plan);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void removingAnEntryRemovesWholeLinesAndNothingElse(long seed) throws Exception {
        RandomYaml gen = new RandomYaml(seed);
        YamlFile file = YamlFile.parse(gen.document());
        Random random = new Random(seed * 31 + 7);
        List<MappingNode> maps = new ArrayList<>();
        collectMappings(file.documents().get(0), maps);
        MappingNode map = maps.get(random.nextInt(maps.size()));
        if (map.getValue().size() < 2) {
            return; // removing the only entry would leave an empty mapping: not an edit we make
        }
        NodeTuple victim = map.getValue().get(random.nextInt(map.getValue().size()));
        String key = ((ScalarNode) victim.getKeyNode()).getValue();
        Map<String, String> before = RandomYaml.values(file.documents().get(0));

        TextEdit edit = new YamlEdits(file).removeEntry(map, key);
        YamlFile result = new EditPlan().add(edit).applyTo(file);

        assertThat(file.lineStart(edit.start())).isEqualTo(edit.start());
        assertThat(edit.end() == file.text().length() || file.lineStart(edit.end()) == edit.end())
                .isTrue();
        assertThat(result.text())
                .isEqualTo(file.text().substring(0, edit.start()) + file.text().substring(edit.end()));
        Map<String, String> after = RandomYaml.values(result.documents().get(0));
        String removedPath = pathOf(file.documents().get(0), map, "") + "/" + key;
        Map<String, String> expected = new LinkedHashMap<>();
        before.forEach((p, v) -> {
            if (!p.equals(removedPath) && !p.startsWith(removedPath + "/") && !p.startsWith(removedPath + "[")) {
                expected.put(p, v);
            }
        });
        assertThat(after).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void insertingASequenceItemKeepsEveryOriginalLine(long seed) throws Exception {
        RandomYaml gen = new RandomYaml(seed);
        YamlFile file = YamlFile.parse(gen.document());
        List<SequenceNode> seqs = new ArrayList<>();
        collectSequences(file.documents().get(0), seqs);
        if (seqs.isEmpty()) {
            return;
        }
        Random random = new Random(seed + 11);
        SequenceNode seq = seqs.get(random.nextInt(seqs.size()));
        int index = random.nextInt(seq.getValue().size() + 1);
        String item = "new-🚀-item";
        TextEdit edit = new YamlEdits(file).insertSequenceItem(seq, index, item);
        YamlFile result = new EditPlan().add(edit).applyTo(file);

        assertThat(edit.isInsertion()).isTrue();
        assertThat(result.text()).startsWith(file.text().substring(0, edit.start()));
        assertThat(result.text()).endsWith(file.text().substring(edit.start()));
        assertThat(edit.replacement())
                .endsWith(file.lineEnding())
                .doesNotContain(file.lineEnding().equals("\n") ? "\r" : "\u0000");
        List<SequenceNode> after = new ArrayList<>();
        collectSequences(result.documents().get(0), after);
        SequenceNode edited = after.get(seqs.indexOf(seq));
        assertThat(((ScalarNode) edited.getValue().get(index)).getValue()).isEqualTo(item);
        assertThat(edited.getValue()).hasSize(seq.getValue().size() + 1);
    }

    /** Lines that no edit touches are byte-identical and in the same places. */
    static void assertUnchangedOutside(String before, String after, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(null);
        int delta = 0;
        int cursor = 0;
        for (TextEdit e : sorted) {
            assertThat(after.substring(cursor + delta, e.start() + delta))
                    .isEqualTo(before.substring(cursor, e.start()));
            delta += e.replacement().length() - (e.end() - e.start());
            cursor = e.end();
        }
        assertThat(after.substring(cursor + delta)).isEqualTo(before.substring(cursor));
        assertThat(after.split("\n", -1).length).isEqualTo(before.split("\n", -1).length);
    }

    static void collectMappings(Node node, List<MappingNode> out) {
        if (node instanceof MappingNode m) {
            out.add(m);
            m.getValue().forEach(t -> collectMappings(t.getValueNode(), out));
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> collectMappings(n, out));
        }
    }

    static void collectSequences(Node node, List<SequenceNode> out) {
        if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> collectSequences(t.getValueNode(), out));
        } else if (node instanceof SequenceNode s) {
            out.add(s);
        }
    }

    static String pathOf(Node node, Node target, String path) {
        if (node == target) {
            return path;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String found = pathOf(t.getValueNode(), target, path + "/" + ((ScalarNode) t.getKeyNode()).getValue());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
