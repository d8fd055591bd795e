package io.github.fluxoci.oci.flux;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scalars typed as kustomize's kyaml (go-yaml v3, YAML 1.2 core schema) types them before Flux sends an object to the
 * API server; go-yaml v3's own resolve tests (resolve_test.go / decode_test.go) are the reference for each row.
 */
class JsonViewTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            v: 60            => INTEGER
            v: -7            => INTEGER
            v: 0x1F          => INTEGER
            v: 0o17          => INTEGER
            v: 1_000         => INTEGER
            v: 1.5           => NUMBER
            v: 1e3           => NUMBER
            v: .inf          => NUMBER
            v: true          => BOOLEAN
            v: False         => BOOLEAN
            v: yes           => STRING
            v: on            => STRING
            v: y             => STRING
            v: 0.5.0         => STRING
            v: 1h            => STRING
            v: "60"          => STRING
            v: 'true'        => STRING
            v: ~             => MISSING
            v: null          => MISSING
            'v:'             => MISSING
            v: [1]           => ARRAY
            v: {a: 1}        => OBJECT
            """)
    void scalarsAreTypedAsKustomizeTypesThem(String yaml, String type) {
        Node node = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml.strip()));
        var v = JsonView.of(node).json().path("v");
        assertThat(v.isIntegralNumber() ? "INTEGER" : v.getNodeType().name()).isEqualTo(type);
    }
}
