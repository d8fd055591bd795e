package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.fluxoci.oci.migrate.FileChange;
import io.github.fluxoci.oci.migrate.MigratedRelease;
import io.github.fluxoci.oci.migrate.MigrationPlan;
import io.github.fluxoci.oci.migrate.MirrorArtifacts;
import io.github.fluxoci.oci.migrate.PrunedRepository;
import io.github.fluxoci.oci.migrate.SkippedRelease;
import io.github.fluxoci.oci.migrate.UpgradedApi;
import io.github.fluxoci.oci.scan.ChartProof;
import io.github.fluxoci.oci.scan.ScannedRelease;
import io.github.fluxoci.oci.tree.AtomicFiles;

import static io.github.fluxoci.oci.report.Markdown.cell;
import static io.github.fluxoci.oci.report.Markdown.code;
import static io.github.fluxoci.oci.report.Markdown.row;

/**
 * {@code migrate.json}, {@code migrate.md} (with the guide's Step 3/4 commands and rollback), {@code mirror.txt},
 * console lines.
 *
 * <p>Large because it renders one plan in four formats that must say the same thing; each format is a few short
 * methods.
 */
public final class MigrateReports {

    public static final String JSON = "migrate.json";
    public static final String MARKDOWN = "migrate.md";
    public static final String DIFF = "migrate.diff";
    public static final String FULL_MARKDOWN = "migrate-full.md";
    public static final String MIRROR = "mirror.txt";
    static final int SUMMARY_RELEASES = 25;

    private MigrateReports() {}

    /** Writes migrate.json, migrate.md and, when given, migrate.diff; returns their paths. */
    public static List<Path> write(MigrationPlan plan, boolean dryRun, String diff, Path outputDirectory)
            throws IOException {
        return write(plan, dryRun, diff, outputDirectory, "");
    }

    /** Writes the reports; {@code prefix} leads from the repository root to the scanned folder (migrate.json paths). */
    public static List<Path> write(MigrationPlan plan, boolean dryRun, String diff, Path outputDirectory, String prefix)
            throws IOException {
        return write(plan, dryRun, diff, outputDirectory, prefix, null);
    }

    /**
     * Writes the reports, each saying which run wrote them ({@code run}: the command and its UTC time, or null), so
     * that reports a later run keeps are not taken for its own.
     */
    public static List<Path> write(
            MigrationPlan plan, boolean dryRun, String diff, Path outputDirectory, String prefix, String run)
            throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(outputDirectory.resolve(JSON));
        AtomicFiles.write(out.get(0), json(plan, dryRun, prefix, run));
        out.add(outputDirectory.resolve(MARKDOWN));
        String md = markdown(plan, dryRun);
        AtomicFiles.write(out.get(1), Markdown.fromRun(md, run));
        Path full = outputDirectory.resolve(FULL_MARKDOWN);
        AtomicFiles.write(full, fullMarkdown(plan, dryRun));
        if (diff != null) {
            out.add(outputDirectory.resolve(DIFF));
            AtomicFiles.write(out.get(2), diff);
        }
        out.add(full);
        Path mirror = outputDirectory.resolve(MIRROR);
        List<String> copies = mirrorLines(plan);
        if (!copies.isEmpty()) {
            AtomicFiles.write(mirror, String.join("\n", copies) + "\n");
            out.add(mirror);
        } else {
            java.nio.file.Files.deleteIfExists(mirror); // a run without oci.mirrorPrefix leaves no stale list
        }
        return out;
    }

    public static String json(MigrationPlan plan, boolean dryRun) {
        return json(plan, dryRun, "");
    }

    /** migrate.json; every path starts with {@code prefix} (the scanned folder from the repository root). */
    public static String json(MigrationPlan plan, boolean dryRun, String prefix) {
        return json(plan, dryRun, prefix, null);
    }

    private static String json(MigrationPlan plan, boolean dryRun, String prefix, String run) {
        ObjectNode root = ReportFormat.object();
        ReportFormat.stamp(root);
        if (run != null) {
            root.put("run", run);
        }
        root.put("directory", prefix);
        root.put("dryRun", dryRun);
        ObjectNode summary = root.putObject("summary");
        summary.put("migrated", plan.migrated().size());
        summary.put("skipped", plan.skipped().size());
        summary.put(
                "filesCreated",
                plan.changes().stream().filter(FileChange::isNew).count());
        summary.put(
                "filesChanged",
                plan.changes().stream()
                        .filter(c -> !c.isNew() && !c.isDeletion())
                        .count());
        summary.put(
                "filesDeleted",
                plan.changes().stream().filter(FileChange::isDeletion).count());
        summary.put("pruned", plan.pruned().size());
        ArrayNode releases = root.putArray("releases");
        plan.migrated().forEach(m -> release(releases.addObject(), m, prefix));
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedRelease s : plan.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("release", s.release());
            n.put("file", s.file() == null ? null : prefix + s.file());
            n.put("line", s.line());
            n.put("reason", s.reason());
        }
        ArrayNode pruned = root.putArray("pruned");
        for (PrunedRepository p : plan.pruned()) {
            ObjectNode n = pruned.addObject();
            n.put("name", p.name());
            n.put("namespace", p.namespace());
            n.put("file", prefix + p.file());
            n.put("fileDeleted", p.fileDeleted());
        }
        ArrayNode upgraded = root.putArray("upgraded");
        for (UpgradedApi u : plan.upgraded()) {
            ObjectNode n = upgraded.addObject();
            n.put("kind", u.kind());
            n.put("name", u.name());
            n.put("namespace", u.namespace());
            n.put("file", prefix + u.file());
            n.put("line", u.line());
            n.put("from", u.from());
            n.put("to", u.to());
            n.put("patches", u.patches());
        }
        plan.warnings().forEach(root.putArray("warnings")::add);
        return ReportFormat.json(root);
    }

    private static void release(ObjectNode n, MigratedRelease m, String prefix) {
        ScannedRelease r = m.release();
        n.put("name", r.name());
        n.put("namespace", r.namespace().value());
        n.put("file", prefix + r.file());
        n.put("chart", r.chart());
        n.put("version", r.version());
        ObjectNode oci = n.putObject("ociRepository");
        oci.put("name", m.ociName());
        oci.put("namespace", m.ociNamespace());
        oci.put("file", prefix + m.ociFile());
        oci.put("url", m.ociUrl());
        if (!m.ociUrl().equals(r.oci().url())) {
            oci.put("mirrorOf", r.oci().url());
        }
        oci.put("tag", r.oci().tag());
        oci.put("semver", r.oci().semver());
        oci.put("reused", m.reused());
        if (r.oci().evidence() != null) {
            oci.put("tagKnown", r.oci().evidence().label());
            oci.put("tagKnownBy", r.oci().evidenceNote());
        }
        if (r.oci().proof() != null) {
            ScanJson.proof(oci.putObject("proof"), r.oci().proof());
        }
        ArrayNode created = n.putArray("filesCreated");
        m.created().forEach(f -> created.add(prefix + f));
        ArrayNode changed = n.putArray("filesChanged");
        m.changed().forEach(f -> changed.add(prefix + f));
        m.notes().forEach(n.putArray("notes")::add);
    }

    /** migrate.md: the table and the steps of the first {@value #SUMMARY_RELEASES} releases, under 60,000 characters. */
    public static String markdown(MigrationPlan plan, boolean dryRun) {
        return Markdown.fit(markdown(plan, dryRun, SUMMARY_RELEASES), ScanMarkdown.MAX_CHARS, FULL_MARKDOWN);
    }

    /** migrate-full.md: the steps of every release. */
    public static String fullMarkdown(MigrationPlan plan, boolean dryRun) {
        return markdown(plan, dryRun, Integer.MAX_VALUE);
    }

    private static String markdown(MigrationPlan plan, boolean dryRun, int maxRows) {
        StringBuilder md = new StringBuilder("# OCI migration\n\n");
        md.append(
                dryRun
                        ? "Dry run of `mvn oci:migrate`: nothing was written; `migrate.diff` holds the changes.\n\n"
                        : "Written by `mvn oci:migrate`. Review the diff, commit, push, then run the loop under \"Reconcile and check\".\n\n");
        md.append("## 🆕 New OCIRepository Manifests\n\n");
        if (plan.migrated().isEmpty()) {
            md.append("Nothing to migrate.\n\n");
        } else {
            md.append(row("#", "Chart", "Release", "Location", "OCI Registry", "Ref", "Tag known"));
            md.append(row("---:", "---", "---", "---", "---", "---", "---"));
            int i = 1;
            for (MigratedRelease m : Markdown.first(plan.migrated(), maxRows)) {
                ScannedRelease r = m.release();
                md.append(row(
                        String.valueOf(i++),
                        "**" + cell(r.chart()) + "**",
                        cell(r.qualifiedName()),
                        code(m.ociFile()) + (m.reused() ? " (existing)" : ""),
                        code(r.oci().url()),
                        r.oci().tag() != null
                                ? "tag " + code(r.oci().tag())
                                : "semver " + code(r.oci().semver()),
                        TagKnowledge.cell(r.oci())));
            }
            md.append(Markdown.rest(plan.migrated().size(), maxRows, FULL_MARKDOWN));
            md.append('\n').append(TagKnowledge.LEGEND).append('\n');
            md.append('\n');
        }
        if (!plan.migrated().isEmpty()) {
            notes(md, plan, maxRows);
            reconcileLoop(md, plan, maxRows);
            rollbackTable(md, plan, maxRows);
        }
        mirrorSection(md, plan, maxRows);
        skippedAndPruned(md, plan, maxRows);
        if (!plan.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            plan.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }

    /** What a reviewer should know per release: its notes and, online, what the chart proof found. */
    private static void notes(StringBuilder md, MigrationPlan plan, int maxRows) {
        List<String> lines = new ArrayList<>();
        for (MigratedRelease m : plan.migrated()) {
            ScannedRelease r = m.release();
            m.notes().forEach(n -> lines.add("- **" + cell(r.qualifiedName()) + "**: " + cell(n)));
            ChartProof proof = r.oci().proof();
            if (proof != null) {
                lines.add("- **" + cell(r.qualifiedName()) + "**: "
                        + cell("Chart " + r.oci().url() + ":" + proof.tag() + ": " + proof.describe() + "; "
                                + proof.signatureSummary()));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("## Notes\n\n");
        Markdown.first(lines, maxRows).forEach(l -> md.append(l).append('\n'));
        if (lines.size() > maxRows) {
            md.append("- ... and ")
                    .append(lines.size() - maxRows)
                    .append(" more in `")
                    .append(FULL_MARKDOWN)
                    .append("`\n");
        }
        md.append('\n');
    }

    /** A Kubernetes name a shell reads as one word, the same inside a quoted here-document. */
    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /**
     * The guide's steps 3 and 4 for every release at once: one loop over {@code namespace ocirepository release}
     * lines. A name that is not a plain Kubernetes name (it came from the tree and may hold anything) gets its own
     * commands, each word shell-quoted, instead of a line in the loop.
     */
    private static void reconcileLoop(StringBuilder md, MigrationPlan plan, int maxRows) {
        List<String> loopLines = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (MigratedRelease m : plan.migrated()) {
            ScannedRelease r = m.release();
            String ns = r.namespace().known() ? r.namespace().value() : "<namespace>";
            if (PLAIN_NAME.matcher(ns).matches()
                    && PLAIN_NAME.matcher(m.ociName()).matches()
                    && PLAIN_NAME.matcher(r.name()).matches()) {
                loopLines.add(ns + " " + m.ociName() + " " + r.name());
            } else {
                String n = shell(ns);
                quoted.add("flux reconcile source oci " + shell(m.ociName()) + " -n " + n
                        + "\nflux reconcile helmrelease " + shell(r.name()) + " -n " + n + "\nflux get helmrelease "
                        + shell(r.name()) + " -n " + n);
            }
        }
        md.append("## Reconcile and check\n\n");
        md.append("The guide's steps 3 and 4 for every release, once the change is merged and Flux has pulled it:\n\n");
        md.append("```bash\n");
        if (!loopLines.isEmpty()) {
            md.append("while read -r ns oci release; do\n")
                    .append("  flux reconcile source oci \"$oci\" -n \"$ns\"\n")
                    .append("  flux reconcile helmrelease \"$release\" -n \"$ns\"\n")
                    .append("  flux get helmrelease \"$release\" -n \"$ns\"\n")
                    .append("  kubectl get hr -n \"$ns\" \"$release\" -o yaml | grep -A 5 \"chartRef:\"\n")
                    .append("done <<'RELEASES'\n");
            Markdown.first(loopLines, maxRows).forEach(l -> md.append(l).append('\n'));
            md.append("RELEASES\n");
        }
        quoted.forEach(q -> md.append(q).append('\n'));
        md.append("```\n\n");
        if (loopLines.size() > maxRows) {
            md.append("The loop's other ")
                    .append(loopLines.size() - maxRows)
                    .append(" lines are in `")
                    .append(FULL_MARKDOWN)
                    .append("`.\n\n");
        }
    }

    /** How to undo: the whole change with git, or one release by restoring what its spec.chart was. */
    private static void rollbackTable(StringBuilder md, MigrationPlan plan, int maxRows) {
        md.append("## Rollback\n\n");
        md.append("`git revert <commit>` undoes the whole change. To put one release back by hand, restore its"
                + " `spec.chart` (`chart`, `version`, `sourceRef` below, in place of `spec.chartRef`) and remove its"
                + " OCIRepository when no other release uses it:\n\n");
        md.append(row("Release", "File", "chart", "version", "sourceRef (HelmRepository)"));
        md.append(row("---", "---", "---", "---", "---"));
        for (MigratedRelease m : Markdown.first(plan.migrated(), maxRows)) {
            ScannedRelease r = m.release();
            md.append(row(
                    cell(r.qualifiedName()),
                    code(r.file()),
                    code(r.chart()),
                    r.version() == null ? "—" : code(r.version()),
                    code((r.source().namespace() != null ? r.source().namespace() + "/" : "")
                            + r.source().name())));
        }
        md.append(Markdown.rest(plan.migrated().size(), maxRows, FULL_MARKDOWN));
        md.append('\n');
    }

    private static void mirrorSection(StringBuilder md, MigrationPlan plan, int maxRows) {
        List<String> copies = mirrorLines(plan);
        List<String> ranges = mirrorRanges(plan);
        if (!copies.isEmpty() || !ranges.isEmpty()) {
            md.append("## Mirror\n\n");
            md.append(
                            "The new OCIRepositories point at the mirror (`oci.mirrorPrefix`). Copy these charts there before")
                    .append(" the change reaches the cluster; `")
                    .append(MIRROR)
                    .append("` lists them as")
                    .append(" `source destination`, one a line:\n\n");
            if (!copies.isEmpty()) {
                md.append("```\n");
                Markdown.first(copies, maxRows).forEach(l -> md.append(l).append('\n'));
                md.append("```\n\n");
                md.append(Markdown.rest(copies.size(), maxRows, FULL_MARKDOWN));
            }
            ranges.forEach(l -> md.append("- ").append(l).append('\n'));
            md.append('\n');
        }
    }

    private static void skippedAndPruned(StringBuilder md, MigrationPlan plan, int maxRows) {
        if (!plan.skipped().isEmpty()) {
            md.append("## Skipped\n\n");
            md.append(row("Release", "Where", "Why"));
            md.append(row("---", "---", "---"));
            for (SkippedRelease s : Markdown.first(plan.skipped(), maxRows)) {
                md.append(row(
                        cell(s.release()), s.file() == null ? "—" : code(s.file() + ":" + s.line()), cell(s.reason())));
            }
            md.append(Markdown.rest(plan.skipped().size(), maxRows, FULL_MARKDOWN));
            md.append('\n');
        }
        if (!plan.upgraded().isEmpty()) {
            md.append("## apiVersions moved\n\n");
            md.append("The tree's Flux no longer serves these apiVersions; each object moved to the one it writes,"
                    + " with the patches that name it (`-Doci.upgradeApis=false` leaves them).\n\n");
            md.append(row("Object", "Where", "From", "To"));
            md.append(row("---", "---", "---", "---"));
            for (UpgradedApi u : Markdown.first(plan.upgraded(), maxRows)) {
                md.append(row(
                        cell(u.kind() + " " + (u.namespace() == null ? "" : u.namespace() + "/") + u.name()),
                        code(u.file() + ":" + u.line())
                                + (u.patches() == 0 ? "" : " and " + Plural.of(u.patches(), "patch file")),
                        code(u.from()),
                        code(u.to())));
            }
            md.append(Markdown.rest(plan.upgraded().size(), maxRows, FULL_MARKDOWN));
            md.append('\n');
        }
        if (!plan.unused().isEmpty()) {
            md.append("## HelmRepositories no release uses now\n\n");
            md.append("Kept; `-Doci.prune=all` removes them.\n\n");
            Markdown.first(plan.unused(), maxRows)
                    .forEach(u -> md.append("- ").append(cell(u)).append('\n'));
            md.append(Markdown.rest(plan.unused().size(), maxRows, FULL_MARKDOWN));
            md.append('\n');
        }
        if (!plan.pruned().isEmpty()) {
            md.append("## Removed HelmRepositories\n\n");
            for (PrunedRepository p : plan.pruned()) {
                md.append("- `")
                        .append(p.namespace() == null ? "" : p.namespace() + "/")
                        .append(p.name())
                        .append("` in `")
                        .append(p.file())
                        .append(p.fileDeleted() ? "` (file deleted)\n" : "`\n");
            }
            md.append('\n');
        }
    }

    /**
     * {@code mirror.txt}: for each chart at an exact version that a new OCIRepository takes from the mirror, the
     * public artifact and its copy in the mirror ({@code ghcr.io/org/chart:1.2.3 registry.internal/charts/org/chart:1.2.3}),
     * once each, sorted. Online, the source is pinned to the manifest digest the tag resolved to
     * ({@code ghcr.io/org/chart:1.2.3@sha256:...}, as crane, skopeo and oras read it): the copy is what was checked;
     * and a chart signed with cosign brings its signature tag ({@code sha256-<hex>.sig}) along.
     */
    public static List<String> mirrorLines(MigrationPlan plan) {
        List<String> lines = new ArrayList<>();
        for (MirrorArtifacts.Artifact a : MirrorArtifacts.of(plan)) {
            lines.add(reference(a.source()) + ":" + a.tag() + (a.digest() != null ? "@" + a.digest() : "") + " "
                    + reference(a.destination()) + ":" + a.tag());
        }
        return lines;
    }

    /** Charts on a mirror with a version range: no single tag to copy, so a person chooses. */
    private static List<String> mirrorRanges(MigrationPlan plan) {
        java.util.Set<String> lines = new java.util.TreeSet<>();
        for (MigratedRelease m : plan.migrated()) {
            ScannedRelease r = m.release();
            if (!m.ociUrl().equals(r.oci().url()) && r.oci().tag() == null) {
                lines.add("`" + reference(r.oci().url()) + "`: range `"
                        + r.oci().semver() + "` (ref.semver): copy the tags" + " it should match to `"
                        + reference(m.ociUrl()) + "`; not in " + MIRROR);
            }
        }
        return new ArrayList<>(lines);
    }

    private static String reference(String ociUrl) {
        return ociUrl.startsWith("oci://") ? ociUrl.substring("oci://".length()) : ociUrl;
    }

    /** Console lines: a summary, one line per release, skipped ones as warnings. */
    public static List<ConsoleReport.Line> console(MigrationPlan plan, boolean dryRun) {
        return console(plan, dryRun, "");
    }

    /** The console lines; file paths start with {@code prefix} (the scanned folder from the repository root). */
    public static List<ConsoleReport.Line> console(MigrationPlan plan, boolean dryRun, String prefix) {
        List<ConsoleReport.Line> out = new ArrayList<>();
        long created = plan.changes().stream().filter(FileChange::isNew).count();
        long deleted = plan.changes().stream().filter(FileChange::isDeletion).count();
        long changed = plan.changes().size() - created - deleted;
        out.add(new ConsoleReport.Line(
                false,
                (dryRun ? "Dry run: would migrate " : "Migrated ")
                        + Plural.of(plan.migrated().size(), "release") + ": " + Plural.of(created, "file")
                        + " created, " + changed
                        + " changed, " + deleted + " deleted; " + plan.skipped().size() + " skipped"
                        + (plan.pruned().isEmpty()
                                ? ""
                                : ", " + Plural.of(plan.pruned().size(), "HelmRepository") + " removed")
                        + (plan.upgraded().isEmpty()
                                ? ""
                                : ", " + Plural.of(plan.upgraded().size(), "apiVersion") + " moved")));
        for (MigratedRelease m : plan.migrated()) {
            ScannedRelease r = m.release();
            out.add(new ConsoleReport.Line(
                    false,
                    "  " + r.qualifiedName() + " -> OCIRepository " + m.ociName() + " ("
                            + r.oci().url()
                            + (r.oci().tag() != null
                                    ? " tag " + r.oci().tag()
                                    : " semver " + r.oci().semver())
                            + ") in " + prefix + m.ociFile() + " [" + TagKnowledge.label(r.oci()) + "]"));
        }
        ConsoleReport.Line unverified = TagKnowledge.unverifiedWarning(
                plan.migrated().stream().map(m -> m.release().oci()).toList(), dryRun ? "would be written" : "written");
        if (unverified != null) {
            out.add(unverified);
        }
        for (SkippedRelease s : plan.skipped()) {
            out.add(new ConsoleReport.Line(
                    true,
                    (s.file() != null ? prefix + s.file() + ":" + s.line() + ": " : "") + s.release()
                            + " not migrated: " + s.reason()));
        }
        for (PrunedRepository p : plan.pruned()) {
            out.add(new ConsoleReport.Line(
                    false, "  removed HelmRepository " + p.name() + " from " + prefix + p.file()));
        }
        for (UpgradedApi u : plan.upgraded()) {
            out.add(new ConsoleReport.Line(
                    false,
                    "  " + u.kind() + " " + u.name() + " " + u.from() + " -> " + u.to() + " in " + prefix + u.file()
                            + ":" + u.line()));
        }
        plan.warnings().forEach(w -> out.add(new ConsoleReport.Line(true, w)));
        return out;
    }

    /**
     * A word for a POSIX shell command line: as it is when it holds only characters no shell interprets, else in
     * single quotes ({@code '} written as {@code '\\''}). Names come from the user's YAML and may hold anything.
     */
    public static String shell(String word) {
        if (word != null && !word.isEmpty() && word.matches("[A-Za-z0-9._/:=@%+-]+")) {
            return word;
        }
        return "'" + String.valueOf(word).replace("'", "'\\''") + "'";
    }
}
