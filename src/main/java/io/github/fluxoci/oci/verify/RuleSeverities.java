package io.github.fluxoci.oci.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's severity for some rules ({@code -Doci.severities=unverified-signature=error,exact-tag=note}): a rule's
 * findings at its default severity take the configured one; its other findings (a "could not check" warning of an
 * error rule, a note about a file nothing deploys) keep theirs.
 */
public final class RuleSeverities {

    private final Map<String, Severity> configured;

    private RuleSeverities(Map<String, Severity> configured) {
        this.configured = Map.copyOf(configured);
    }

    public static RuleSeverities none() {
        return new RuleSeverities(Map.of());
    }

    /**
     * Reads {@code rule=severity} pairs separated by commas.
     *
     * @throws IllegalArgumentException naming the pair that is wrong and what is allowed
     */
    public static RuleSeverities parse(String text, List<Rule> rules) {
        Map<String, Severity> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        List<String> ids = rules.stream().map(Rule::id).toList();
        for (String pair : text.split(",")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String id = eq < 0 ? p : p.substring(0, eq).trim();
            String level = eq < 0 ? "" : p.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("\"" + id
                        + "\" is not a rule id (the rules are listed in verify.md: " + String.join(", ", ids) + ")");
            }
            if (!List.of("ERROR", "WARNING", "NOTE").contains(level)) {
                throw new IllegalArgumentException(
                        "\"" + p + "\": write " + id + "=error, " + id + "=warning or " + id + "=note");
            }
            out.put(id, Severity.valueOf(level));
        }
        return new RuleSeverities(out);
    }

    /** The rules as configured: the same checks, the configured default severity (what SARIF and verify.md show). */
    public List<Rule> apply(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Severity s = configured.get(r.id());
            out.add(s == null ? r : new Configured(r, s));
        }
        return out;
    }

    /** The findings as configured. */
    public List<Finding> applyTo(List<Finding> findings, List<Rule> rules) {
        if (configured.isEmpty()) {
            return findings;
        }
        Map<String, Severity> defaults = new LinkedHashMap<>();
        rules.forEach(r -> defaults.put(r.id(), r.severity()));
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Severity s = configured.get(f.rule());
            out.add(
                    s != null && f.severity() == defaults.get(f.rule())
                            ? new Finding(f.rule(), s, f.file(), f.line(), f.column(), f.message(), f.justification())
                            : f);
        }
        return out;
    }

    /** A rule with the user's severity. */
    private record Configured(Rule rule, Severity severity) implements Rule {
        @Override
        public String id() {
            return rule.id();
        }

        @Override
        public String description() {
            return rule.description();
        }

        @Override
        public List<Finding> check(VerifyContext context) {
            return rule.check(context);
        }
    }
}
