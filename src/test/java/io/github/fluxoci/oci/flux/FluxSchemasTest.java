package io.github.fluxoci.oci.flux;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped schemas: every one compiles, and every CEL rule the CRDs carry has an evaluation here. */
class FluxSchemasTest {

    @Test
    void everyCelRuleOfTheCrdsIsEvaluated() {
        FluxSchemas schemas = FluxSchemas.shipped();
        List<String> unknown = new ArrayList<>();
        int rules = 0;
        for (String id : schemas.ids()) {
            for (CelRules.Declared r : schemas.celRules(id)) {
                rules++;
                assertThat(r.source()).as(id).matches("2\\.\\d+\\.\\d+/[a-z-]+/[a-z.]+_[a-z]+\\.yaml:\\d+");
                if (!CelRules.known(r.rule())) {
                    unknown.add(id + ": " + r.rule() + " (" + r.source() + ")");
                }
            }
        }
        assertThat(unknown).as("CEL rules with no evaluation in CelRules").isEmpty();
        assertThat(rules).isGreaterThan(0);
    }

    @Test
    void everySchemaCompilesAndRefusesAnUndeclaredField() throws Exception {
        FluxSchemas schemas = FluxSchemas.shipped();
        ObjectMapper json = new ObjectMapper();
        for (String id : schemas.ids()) {
            assertThat(schemas.validate(id, json.readTree("{\"spec\": {\"notAField\": 1}}")))
                    .as(id)
                    .anySatisfy(e -> assertThat(e.getKeyword()).isEqualTo("additionalProperties"));
        }
    }

    @Test
    void celRulesHoldAsTheCrdsSay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CelRules.Declared xor = new CelRules.Declared(
                "/spec",
                "(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))",
                "either chart or chartRef must be set",
                "x");
        assertThat(CelRules.holds(xor, json.readTree("{\"spec\": {\"chart\": {}}}")))
                .isTrue();
        assertThat(CelRules.holds(xor, json.readTree("{\"spec\": {\"chart\": {}, \"chartRef\": {}}}")))
                .isFalse();
        assertThat(CelRules.holds(xor, json.readTree("{\"spec\": {}}"))).isFalse();
        // a rule on an absent node is not evaluated, as the API server does
        assertThat(CelRules.holds(xor, json.readTree("{}"))).isTrue();
    }
}
