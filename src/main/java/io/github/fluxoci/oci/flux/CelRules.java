package io.github.fluxoci.oci.flux;

import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CEL rules ({@code x-kubernetes-validations}) of the Flux CRDs the plugin checks, evaluated by hand. Which rule
 * applies to which kind, version and Flux release is data from the CRDs ({@code flux-schemas.json}, with the CRD file
 * and line of each); this class holds one evaluation per rule text, and {@code FluxSchemasTest} fails when the CRDs
 * carry a rule that has none here. Each evaluation gets the node the rule is declared on ({@code self}); like the API
 * server, a rule on an absent node is not evaluated.
 */
public final class CelRules {

    /**
     * A CEL rule as the CRD declares it.
     *
     * @param at      where it is declared: a JSON pointer into the object ({@code /spec/kubeConfig})
     * @param rule    the CEL expression
     * @param message the CRD's message when it is false
     * @param source  the CRD file (below {@code flux-crds/<flux>/<controller>/}) and line
     */
    public record Declared(String at, String rule, String message, String source) {}

    private static final Map<String, Predicate<JsonNode>> EVALUATIONS = Map.of(
            // HelmRelease v2beta2 and v2 spec (helm.toolkit.fluxcd.io_helmreleases.yaml, Flux 2.2-2.9)
            "(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))",
            self -> self.has("chart") != self.has("chartRef"),
            // kubeConfig of HelmRelease v2beta2/v2 and Kustomization v1beta2/v1
            "!has(self.configMapRef) || !has(self.secretRef)",
            self -> !self.has("configMapRef") || !self.has("secretRef"),
            "has(self.configMapRef) || has(self.secretRef)",
            self -> self.has("configMapRef") || self.has("secretRef"),
            // HelmRelease v2 install.strategy and upgrade.strategy (Flux 2.7+)
            "!has(self.retryInterval) || self.name != 'RemediateOnFailure'",
            self -> !self.has("retryInterval")
                    || !"RemediateOnFailure".equals(self.path("name").asText(null)),
            "!has(self.retryInterval) || self.name == 'RetryOnFailure'",
            self -> !self.has("retryInterval")
                    || "RetryOnFailure".equals(self.path("name").asText(null)),
            // HelmChart v1 spec (source.toolkit.fluxcd.io_helmcharts.yaml)
            "!has(self.verify) || self.sourceRef.kind == 'HelmRepository'",
            self -> !self.has("verify")
                    || "HelmRepository"
                            .equals(self.path("sourceRef").path("kind").asText(null)));

    private CelRules() {}

    /** True when the plugin can evaluate the rule. */
    public static boolean known(String rule) {
        return EVALUATIONS.containsKey(rule);
    }

    /**
     * False when the rule fails on {@code object}; true when it holds, when the node it is declared on is absent or not
     * a mapping (the schema reports that), and for a rule the plugin cannot evaluate.
     */
    public static boolean holds(Declared rule, JsonNode object) {
        JsonNode self = object.at(rule.at().equals("/") ? "" : rule.at());
        Predicate<JsonNode> evaluation = EVALUATIONS.get(rule.rule());
        return evaluation == null || !self.isObject() || evaluation.test(self);
    }
}
