package io.github.fluxoci.oci.verify;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -Doci.severities}: what users configure, what a typo says, which findings change. */
class RuleSeveritiesTest {

    @Test
    void aConfiguredSeverityChangesTheRulesDefaultFindingsOnly() {
        RuleSeverities s = RuleSeverities.parse(" unverified-signature = ERROR , exact-tag=note", Verifier.rules());
        List<Finding> findings = List.of(
                new Finding("unverified-signature", Severity.WARNING, "a.yaml", 3, 1, "signed, not verified"),
                new Finding(
                        "unverified-signature", Severity.NOTE, "b.yaml", 3, 1, "signed, not verified (not deployed)"),
                new Finding("oci-tag-exists", Severity.WARNING, "c.yaml", 1, 1, "could not check"),
                new Finding("exact-tag", new ExactTagRule().severity(), "d.yaml", 2, 1, "a range"));
        List<Finding> out = s.applyTo(findings, Verifier.rules());
        assertThat(out)
                .extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.NOTE, Severity.WARNING, Severity.NOTE);
        Rule configured = s.apply(Verifier.rules()).stream()
                .filter(r -> r.id().equals("unverified-signature"))
                .findFirst()
                .orElseThrow();
        assertThat(configured.severity())
                .as("what SARIF and verify.md show as the rule's level")
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void aTypoNamesTheRulesOrTheLevels() {
        assertThatThrownBy(() -> RuleSeverities.parse("unverified-signatures=error", Verifier.rules()))
                .hasMessageStartingWith("\"unverified-signatures\" is not a rule id")
                .hasMessageContaining("different-archive, unverified-signature");
        assertThatThrownBy(() -> RuleSeverities.parse("different-archive=fatal", Verifier.rules()))
                .hasMessage("\"different-archive=fatal\": write different-archive=error, different-archive=warning or"
                        + " different-archive=note");
        assertThat(RuleSeverities.parse("", Verifier.rules()).applyTo(List.of(), Verifier.rules()))
                .isEmpty();
    }
}
