package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.tree.AtomicFiles;
import io.github.fluxoci.oci.verify.Finding;
import io.github.fluxoci.oci.verify.Rule;
import io.github.fluxoci.oci.verify.Severity;

import static io.github.fluxoci.oci.report.Markdown.cell;
import static io.github.fluxoci.oci.report.Markdown.code;
import static io.github.fluxoci.oci.report.Markdown.row;

/** {@code verify.json}, {@code verify.sarif} (SARIF 2.1.0 for code scanning) and {@code verify.md}. */
public final class VerifyReports {

    public static final String JSON = "verify.json";
    public static final String SARIF = "verify.sarif";
    public static final String MARKDOWN = "verify.md";
    public static final String FULL_MARKDOWN = "verify-full.md";
    static final int SUMMARY_ROWS = 50;

    private VerifyReports() {}

    /** Writes the three reports; {@code pathPrefix} leads from the repository root to the scanned folder (SARIF). */
    public static List<Path> write(
            List<Finding> findings, List<Rule> rules, String toolVersion, String pathPrefix, Path outputDirectory)
            throws IOException {
        return write(findings, rules, toolVersion, pathPrefix, outputDirectory, null);
    }

    /** Writes the reports; the Markdown ones say which run wrote them ({@code run}: command and UTC time, or null). */
    public static List<Path> write(
            List<Finding> findings,
            List<Rule> rules,
            String toolVersion,
            String pathPrefix,
            Path outputDirectory,
            String run)
            throws IOException {
        Path json = outputDirectory.resolve(JSON);
        Path sarif = outputDirectory.resolve(SARIF);
        Path md = outputDirectory.resolve(MARKDOWN);
        Path full = outputDirectory.resolve(FULL_MARKDOWN);
        AtomicFiles.write(json, json(findings, pathPrefix));
        AtomicFiles.write(sarif, sarif(findings, rules, toolVersion, pathPrefix));
        AtomicFiles.write(md, Markdown.fromRun(markdown(findings, rules), run));
        AtomicFiles.write(full, Markdown.fromRun(fullMarkdown(findings, rules), run));
        return List.of(json, sarif, md, full);
    }

    public static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** "2 errors, 1 warning, 0 notes". */
    public static String summary(List<Finding> findings) {
        long e = count(findings, Severity.ERROR);
        long w = count(findings, Severity.WARNING);
        long n = count(findings, Severity.NOTE);
        return e
                + (e == 1 ? " error, " : " errors, ")
                + w
                + (w == 1 ? " warning, " : " warnings, ")
                + n
                + (n == 1 ? " note" : " notes");
    }

    public static String json(List<Finding> findings) {
        return json(findings, "");
    }

    /** verify.json; each {@code file} is {@code pathPrefix} (the scanned folder from the repository root) + its path. */
    public static String json(List<Finding> findings, String pathPrefix) {
        ObjectNode root = ReportFormat.object();
        ReportFormat.stamp(root);
        root.put("directory", pathPrefix);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", count(findings, Severity.ERROR));
        summary.put("warnings", count(findings, Severity.WARNING));
        summary.put("notes", count(findings, Severity.NOTE));
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = list.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            n.put("file", pathPrefix + f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("message", f.message());
        }
        return ReportFormat.json(root);
    }

    public static String sarif(List<Finding> findings, List<Rule> rules, String toolVersion) {
        return sarif(findings, rules, toolVersion, "");
    }

    /**
     * SARIF 2.1.0 for GitHub code scanning: paths from the repository root ({@code pathPrefix} is the scanned folder's
     * path from there, empty or ending in {@code /}), percent-encoded; a {@code help} text per rule; excused findings
     * as suppressed results of their rule; {@code partialFingerprints} that survive line shifts (rule, file and
     * message); {@code automationDetails} naming the scanned folder, so that several modules' runs stay apart.
     */
    public static String sarif(List<Finding> findings, List<Rule> rules, String toolVersion, String pathPrefix) {
        ObjectNode root = ReportFormat.object();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = ReportFormat.object();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "oci-maven-plugin");
        if (toolVersion != null) {
            driver.put("version", toolVersion);
        }
        ArrayNode ruleList = driver.putArray("rules");
        Map<String, Rule> byId = new HashMap<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            byId.put(r.id(), r);
            indexOf.put(r.id(), i);
            ObjectNode n = ruleList.addObject();
            n.put("id", r.id());
            n.putObject("shortDescription").put("text", r.description());
            n.putObject("fullDescription").put("text", r.description());
            ObjectNode help = n.putObject("help");
            help.put(
                    "text",
                    r.description() + ". Each finding says what to change; mvn oci:verify reports it as path:line:col"
                            + " [" + r.id() + "] message.");
            help.put("markdown", "**" + r.id() + "**: " + r.description() + ". Each finding says what to change.");
            n.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        run.putObject("automationDetails").put("id", "oci-verify/" + (pathPrefix.isEmpty() ? "" : pathPrefix));
        ArrayNode results = run.putArray("results");
        findings.forEach(f -> results.add(result(f, byId, indexOf, pathPrefix)));
        root.putArray("runs").add(run);
        return ReportFormat.json(root);
    }

    private static ObjectNode result(
            Finding f, Map<String, Rule> byId, Map<String, Integer> indexOf, String pathPrefix) {
        ObjectNode n = ReportFormat.object();
        n.put("ruleId", f.rule());
        if (indexOf.containsKey(f.rule())) {
            n.put("ruleIndex", indexOf.get(f.rule()));
        }
        Rule rule = byId.get(f.rule());
        boolean excused = f.justification() != null;
        n.put("level", excused && rule != null ? level(rule.severity()) : level(f.severity()));
        n.putObject("message").put("text", f.message());
        ObjectNode location = n.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = location.putObject("artifactLocation");
        artifact.put("uri", uri(pathPrefix + f.file()));
        artifact.put("uriBaseId", "%SRCROOT%");
        ObjectNode region = location.putObject("region");
        region.put("startLine", Math.max(1, f.line()));
        region.put("startColumn", Math.max(1, f.column()));
        n.putObject("partialFingerprints")
                .put("ociFinding/v1", fingerprint(f.rule() + "\n" + pathPrefix + f.file() + "\n" + f.message()));
        if (excused) {
            ObjectNode suppression = n.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", f.justification());
        }
        return n;
    }

    /** A relative path as a URI reference: each segment percent-encoded (RFC 3986), {@code /} kept. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /**
     * One severity's findings, as a reviewer reads them: by rule (the rule with the most first), then by folder, each
     * finding with its place and what to do; at most {@code left} of them. Gives how many more may follow (negative:
     * how many were left out).
     */
    private static int section(StringBuilder md, List<Finding> findings, Severity severity, int left) {
        List<Finding> these =
                findings.stream().filter(f -> f.severity() == severity).toList();
        if (these.isEmpty()) {
            return left;
        }
        String title = switch (severity) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case NOTE -> "Notes";
        };
        md.append("## ").append(title).append(" (").append(these.size()).append(")\n\n");
        Map<String, List<Finding>> byRule = new java.util.LinkedHashMap<>();
        these.stream()
                .sorted(java.util.Comparator.comparing(
                                Finding::file, java.util.Comparator.nullsFirst(String::compareTo))
                        .thenComparingInt(Finding::line))
                .forEach(f ->
                        byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f));
        List<Map.Entry<String, List<Finding>>> rules = new ArrayList<>(byRule.entrySet());
        rules.sort(java.util.Comparator.comparingInt(
                        (Map.Entry<String, List<Finding>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        int remaining = left;
        for (Map.Entry<String, List<Finding>> rule : rules) {
            md.append("### ")
                    .append(code(rule.getKey()))
                    .append(": ")
                    .append(rule.getValue().size())
                    .append("\n\n");
            String folder = null;
            for (Finding f : rule.getValue()) {
                if (remaining-- <= 0) {
                    continue;
                }
                String dir = f.file() == null || f.file().lastIndexOf('/') < 0
                        ? "./"
                        : f.file().substring(0, f.file().lastIndexOf('/') + 1);
                if (!dir.equals(folder)) {
                    folder = dir;
                    md.append("- ").append(code(dir)).append('\n');
                }
                md.append("  - ")
                        .append(code(f.file() + ":" + f.line() + ":" + f.column()))
                        .append(' ')
                        .append(cell(f.message()))
                        .append('\n');
            }
            md.append('\n');
        }
        return remaining;
    }

    /** verify.md: the findings per rule, the first {@value #SUMMARY_ROWS} in full, under 60,000 characters. */
    public static String markdown(List<Finding> findings, List<Rule> rules) {
        return Markdown.fit(markdown(findings, rules, SUMMARY_ROWS), ScanMarkdown.MAX_CHARS, FULL_MARKDOWN);
    }

    /** verify-full.md: every finding. */
    public static String fullMarkdown(List<Finding> findings, List<Rule> rules) {
        return markdown(findings, rules, Integer.MAX_VALUE);
    }

    private static String markdown(List<Finding> findings, List<Rule> rules, int maxRows) {
        StringBuilder md =
                new StringBuilder("# oci:verify\n\n").append(summary(findings)).append(".\n\n");
        if (!findings.isEmpty()) {
            Map<String, Map<Severity, Long>> perRule = new java.util.TreeMap<>();
            for (Finding f : findings) {
                perRule.computeIfAbsent(f.rule(), k -> new java.util.EnumMap<>(Severity.class))
                        .merge(f.severity(), 1L, Long::sum);
            }
            md.append(row("Rule", "Errors", "Warnings", "Notes"));
            md.append(row("---", "---:", "---:", "---:"));
            perRule.forEach((rule, n) -> md.append(row(
                    code(rule),
                    String.valueOf(n.getOrDefault(Severity.ERROR, 0L)),
                    String.valueOf(n.getOrDefault(Severity.WARNING, 0L)),
                    String.valueOf(n.getOrDefault(Severity.NOTE, 0L)))));
            md.append('\n');
            int left = maxRows;
            for (Severity severity : Severity.values()) {
                left = section(md, findings, severity, left);
            }
            if (left < 0) {
                md.append(Markdown.rest(findings.size(), findings.size() + left, FULL_MARKDOWN))
                        .append('\n');
            }
        }
        md.append("## Rules\n\n");
        md.append(row("Rule", "Severity", "Checks"));
        md.append(row("---", "---", "---"));
        for (Rule r : rules) {
            md.append(row(code(r.id()), r.severity().name().toLowerCase(Locale.ROOT), cell(r.description())));
        }
        return md.toString();
    }
}
