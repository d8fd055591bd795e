package io.github.fluxoci.oci.migrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

import io.github.fluxoci.oci.yaml.Nodes;
import io.github.fluxoci.oci.yaml.YamlFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that {@code oci:migrate} copies from a HelmRepository or a chart spec into the new OCIRepository keep
 * their YAML type. Checked on resolved values, by an independent reader (SnakeYAML's own constructor, which
 * resolves {@code true} to a boolean and {@code "true"} to a string): for generated specs, the copied value reads
 * back equal, type included, to the original. Seeded: a fixed master seed, 300 derived seeds.
 */
class TypesKeptPropertiesTest {

    static final long MASTER_SEED = 0x7E5_2026_1126L;

    /** Scalars as written in real trees: plain booleans, numbers and nulls, and the same looks quoted. */
    static final List<String> SCALARS = List.of(
            "true",
            "false",
            "\"true\"",
            "'false'",
            "yes",
            "\"yes\"",
            "on",
            "42",
            "\"42\"",
            "1.10",
            "'1.10'",
            "0x1F",
            "\"0x1F\"",
            "1e3",
            "null",
            "~",
            "\"null\"",
            "60s",
            "'60s'",
            "\"\"",
            "ghcr-auth",
            "\"with: colon\"",
            "'# not a comment'",
            "\"multi\\nline\"",
            "2026-11-26",
            "\"2026-11-26\"",
            "'- dash'",
            "v1.2.3",
            "'*'",
            "\"${VAR}\"",
            "!!str 12",
            "\"ünï\"",
            ".inf",
            "-0");

    static Stream<Long> seeds() {
        Random master = new Random(MASTER_SEED);
        return LongStream.range(0, 300).map(i -> master.nextLong()).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void copiedValuesKeepTheirResolvedValueAndType(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder source = new StringBuilder("spec:\n");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            source.append("  k").append(i).append(": ").append(pick(random)).append('\n');
        }
        source.append("  nested:\n    inner: ")
                .append(pick(random))
                .append("\n    list:\n      - ")
                .append(pick(random))
                .append("\n      - ")
                .append(pick(random))
                .append('\n');
        Node spec = Nodes.get(YamlFile.parse(source.toString()).documents().get(0), "spec");

        OciRepositoryDocument doc = OciRepositoryDocument.of(
                "source.toolkit.fluxcd.io/v1", "", "app", null, "15m", "oci://ghcr.io/x/app", "1.0.0", null);
        for (int i = 0; i < n; i++) {
            doc.copy("k" + i, Nodes.get(spec, "k" + i));
        }
        doc.copy("nested", Nodes.get(spec, "nested"));

        Map<String, Object> original = resolved(source.toString());
        Map<String, Object> copied = resolved(doc.text());
        Map<String, Object> expected = new LinkedHashMap<>(original);
        assertThat(copied).as("source:\n" + source + "\ncopy:\n" + doc.text()).containsAllEntriesOf(expected);
        copied.forEach((k, v) -> {
            if (expected.containsKey(k) && v != null) {
                assertThat(v.getClass()).as(k).isEqualTo(expected.get(k).getClass());
            }
        });
    }

    private static String pick(Random random) {
        return SCALARS.get(random.nextInt(SCALARS.size()));
    }

    /** {@code spec} of the (last) document, read with full type resolution. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(String text) {
        Object last = null;
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            last = doc;
        }
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) last).get("spec");
        Map<String, Object> out = new LinkedHashMap<>();
        spec.forEach((k, v) -> {
            if (k.startsWith("k") || k.equals("nested")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
