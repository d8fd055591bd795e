package io.github.fluxoci.oci.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Severity;

/**
 * What {@code oci:verify} would report on the tree as it is, as scan shows it: one line per rule, with its counts
 * and one example, the rules with errors first. scan runs the offline rules with the default configuration (no
 * {@code <exceptions>}, default severities), so that nothing the gate rejects comes as a surprise after a migration.
 *
 * @param rules one entry per rule that found something
 */
public record GateSummary(List<RuleCount> rules) {

    /** No findings (or scan was not asked). */
    public static final GateSummary NONE = new GateSummary(List.of());

    /**
     * The findings of one rule.
     *
     * @param example the first finding of the rule's worst severity
     */
    public record RuleCount(String rule, long errors, long warnings, long notes, Finding example) {

        String counts() {
            List<String> parts = new ArrayList<>();
            if (errors > 0) {
                parts.add(Plural.of(errors, "error"));
            }
            if (warnings > 0) {
                parts.add(Plural.of(warnings, "warning"));
            }
            if (notes > 0) {
                parts.add(Plural.of(notes, "note"));
            }
            return String.join(", ", parts);
        }
    }

    public GateSummary {
        rules = List.copyOf(rules);
    }

    /** The findings grouped by rule: rules with errors first, then by how many, then by id. */
    public static GateSummary of(List<Finding> findings) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        findings.forEach(
                f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
        List<RuleCount> out = new ArrayList<>();
        byRule.forEach((rule, list) -> {
            Finding example =
                    list.stream().min(Comparator.comparing(Finding::severity)).orElseThrow();
            out.add(new RuleCount(
                    rule,
                    VerifyReports.count(list, Severity.ERROR),
                    VerifyReports.count(list, Severity.WARNING),
                    VerifyReports.count(list, Severity.NOTE),
                    example));
        });
        out.sort(Comparator.comparingLong((RuleCount c) -> -c.errors())
                .thenComparingLong(c -> -c.warnings())
                .thenComparing(RuleCount::rule));
        return new GateSummary(out);
    }

    public long errors() {
        return rules.stream().mapToLong(RuleCount::errors).sum();
    }

    public long warnings() {
        return rules.stream().mapToLong(RuleCount::warnings).sum();
    }

    /** "1 error, 4 warnings" for the whole tree. */
    public String total() {
        long notes = rules.stream().mapToLong(RuleCount::notes).sum();
        return Plural.of(errors(), "error") + ", " + Plural.of(warnings(), "warning") + ", " + Plural.of(notes, "note");
    }

    /**
     * Console lines: the total, then one line per rule with its example ({@code prefix} leads to the folder); a rule
     * with errors is a warning line.
     */
    public List<ConsoleReport.Line> consoleLines(String prefix) {
        List<ConsoleReport.Line> out = new ArrayList<>();
        out.add(new ConsoleReport.Line(
                false,
                "oci:verify would report " + total() + " on this tree now (default configuration)"
                        + (rules.isEmpty() ? "" : ":")));
        for (RuleCount c : rules) {
            Finding e = c.example();
            out.add(new ConsoleReport.Line(
                    c.errors() > 0,
                    "  [" + c.rule() + "] " + c.counts() + ", e.g. " + prefix + e.file() + ":" + e.line() + ": "
                            + e.message()));
        }
        return out;
    }

    /** scan.md's section: one row per rule, its counts and an example. */
    void markdown(StringBuilder md) {
        md.append("## What `oci:verify` would report\n\n");
        if (rules.isEmpty()) {
            md.append("Nothing: the gate passes on the tree as it is (default configuration).\n\n");
            return;
        }
        md.append("On the tree as it is, with the default configuration (no `<exceptions>`): ")
                .append(total())
                .append(". `oci:migrate` moves ready releases and apiVersions the tree's Flux no longer serves.\n\n");
        md.append(Markdown.row("Rule", "Errors", "Warnings", "Notes", "Example"));
        md.append(Markdown.row("---", "---:", "---:", "---:", "---"));
        for (RuleCount c : rules) {
            Finding e = c.example();
            md.append(Markdown.row(
                    Markdown.code(c.rule()),
                    String.valueOf(c.errors()),
                    String.valueOf(c.warnings()),
                    String.valueOf(c.notes()),
                    Markdown.code(e.file() + ":" + e.line()) + " " + Markdown.cell(e.message())));
        }
        md.append('\n');
    }

    /** scan.json's {@code gate}: one object per rule. */
    void json(ArrayNode out, String prefix) {
        for (RuleCount c : rules) {
            ObjectNode n = out.addObject();
            n.put("rule", c.rule());
            n.put("errors", c.errors());
            n.put("warnings", c.warnings());
            n.put("notes", c.notes());
            ObjectNode e = n.putObject("example");
            e.put("file", prefix + c.example().file());
            e.put("line", c.example().line());
            e.put("message", c.example().message());
        }
    }
}
