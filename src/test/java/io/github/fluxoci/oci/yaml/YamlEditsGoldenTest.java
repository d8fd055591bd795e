package io.github.fluxoci.oci.yaml;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the editing helpers: {@code src/test/resources/yaml/<case>/{input,expected}.yaml} and
 * {@code ops.txt}. Every case is applied twice: the second run must find nothing to change (idempotence),
 * and every result must re-parse with the same number of documents.
 *
 * <p>ops.txt, one operation a line ({@code \n} in a block stands for a line break; paths are
 * {@code doc:key.key[index]}):
 * <ul>
 *   <li>{@code set PATH VALUE}: replace a scalar, keeping its style</li>
 *   <li>{@code remove MAP KEY}: remove an entry if present</li>
 *   <li>{@code replace MAP KEY BLOCK}: replace an entry by a block, unless the block's key is already there</li>
 *   <li>{@code insert MAP AFTER|- BLOCK}: insert entries unless the block's first key is there</li>
 *   <li>{@code append SEQ VALUE} / {@code insert-item SEQ INDEX VALUE}: add an item unless present</li>
 * </ul>
 */
class YamlEditsGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/yaml").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(10);
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    String input = Files.readString(dir.resolve("input.yaml"), StandardCharsets.UTF_8);
                    String expected = Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8);
                    List<String> ops = Files.readAllLines(dir.resolve("ops.txt"));
                    String once = run(input, ops);
                    assertThat(once).isEqualTo(expected);
                    String twice = run(once, ops);
                    assertThat(twice).as("second run changes nothing").isEqualTo(once);
                }));
    }

    static String run(String content, List<String> ops) throws Exception {
        String current = content;
        for (String op : ops) {
            if (op.isBlank()) {
                continue;
            }
            YamlFile file = YamlFile.parse(current);
            YamlEdits edits = new YamlEdits(file);
            String[] w = op.split(" ", 4);
            List<TextEdit> plan = new ArrayList<>();
            switch (w[0]) {
                case "set" -> {
                    String value = op.substring(w[0].length() + w[1].length() + 2);
                    ScalarNode node = (ScalarNode) resolve(file, w[1]);
                    if (!node.getValue().equals(value)) {
                        plan.add(edits.replaceScalar(node, value));
                    }
                }
                case "remove" -> {
                    MappingNode map = (MappingNode) resolve(file, w[1]);
                    if (Nodes.entry(map, w[2]) != null) {
                        plan.add(edits.removeEntry(map, w[2]));
                    }
                }
                case "replace" -> {
                    MappingNode map = (MappingNode) resolve(file, w[1]);
                    String block = w[3].replace("\\n", "\n");
                    if (Nodes.entry(map, w[2]) != null) {
                        plan.add(edits.replaceEntry(map, w[2], block));
                    }
                }
                case "insert" -> {
                    MappingNode map = (MappingNode) resolve(file, w[1]);
                    String block = w[3].replace("\\n", "\n");
                    String firstKey = block.substring(0, block.indexOf(':'));
                    if (Nodes.entry(map, firstKey) == null) {
                        plan.add(edits.insertEntry(map, block, "-".equals(w[2]) ? null : w[2]));
                    }
                }
                case "append", "insert-item" -> {
                    SequenceNode seq = (SequenceNode) resolve(file, w[1]);
                    boolean append = w[0].equals("append");
                    String value = append ? op.substring(w[0].length() + w[1].length() + 2) : w[3];
                    boolean present = seq.getValue().stream()
                            .anyMatch(n ->
                                    n instanceof ScalarNode s && s.getValue().equals(value));
                    if (!present) {
                        int index = append ? seq.getValue().size() : Integer.parseInt(w[2]);
                        plan.add(edits.insertSequenceItem(seq, index, value));
                    }
                }
                default -> throw new IllegalArgumentException("unknown op " + op);
            }
            if (!plan.isEmpty()) {
                YamlFile result = new EditPlan().addAll(plan).applyTo(file);
                current = result.render(result.text());
            }
        }
        return current;
    }

    static Node resolve(YamlFile file, String path) {
        int colon = path.indexOf(':');
        Node node = file.documents().get(Integer.parseInt(path.substring(0, colon)));
        String rest = path.substring(colon + 1);
        if (rest.isEmpty()) {
            return node;
        }
        for (String part : rest.split("\\.")) {
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            }
            node = Nodes.get(node, key);
            if (index != null) {
                node = ((SequenceNode) node).getValue().get(index);
            }
        }
        return node;
    }
}
