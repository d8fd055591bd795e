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
import io.github.fluxoci.oci.scan.TagEvidence;
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
                        : "Written by `mvn oci:migrate`. Review the diff, commit, push, then follow the steps per release.\n\n");
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
                        r.oci().evidence() == TagEvidence.UNVERIFIED ? "⚠️ unverified" : TagKnowledge.label(r.oci())));
            }
            md.append(Markdown.rest(plan.migrated().size(), maxRows, FULL_MARKDOWN));
            md.append("*Tag known*: `verified` (online, the registry has it), `catalog` (the catalog records OCI"
                    + " releases of the chart from an older version on), `in use` (the tree pulled it from there"
                    + " already), `unverified` (nothing says the tag is there: check it, or run with"
                    + " `-Doci.online=true`).\n");
            md.append('\n');
        }
        Markdown.first(plan.migrated(), maxRows).forEach(m -> releaseSteps(md, m));
        if (plan.migrated().size() > maxRows) {
            md.append("The steps of the other ")
                    .append(plan.migrated().size() - maxRows)
                    .append(" releases are in `")
                    .append(FULL_MARKDOWN)
                    .append("`.\n\n");
        }
        mirrorSection(md, plan, maxRows);
        skippedAndPruned(md, plan, maxRows);
        if (!plan.warnings().isEmpty()) {
            md.append("## Warnings\n\n");
            plan.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }

    /** One release's section: what changed, notes, the guide's steps 3 and 4, and its rollback. */
    private static void releaseSteps(StringBuilder md, MigratedRelease m) {
        ScannedRelease r = m.release();
        String ns = r.namespace().known() ? r.namespace().value() : "<namespace>";
        md.append("### ").append(r.name()).append(" (").append(ns).append(")\n\n");
        for (String f : m.created()) {
            md.append("- Create: `").append(f).append("`\n");
        }
        for (String f : m.changed()) {
            md.append("- Update: `").append(f).append("`\n");
        }
        for (String note : m.notes()) {
            md.append("- Note: ").append(note).append('\n');
        }
        ChartProof proof = r.oci().proof();
        if (proof != null) {
            md.append("- Chart ")
                    .append(r.oci().url())
                    .append(':')
                    .append(proof.tag())
                    .append(": ")
                    .append(proof.describe())
                    .append("; ")
                    .append(proof.signatureSummary())
                    .append('\n');
        }
        reconcileSteps(md, m, ns);
        rollback(md, r);
    }

    private static void reconcileSteps(StringBuilder md, MigratedRelease m, String ns) {
        ScannedRelease r = m.release();
        String qNs = shell(ns);
        String qOci = shell(m.ociName());
        String qName = shell(r.name());
        md.append("\n**Step 3: Test Reconciliation**\n\n```bash\n")
                .append("flux reconcile source oci ")
                .append(qOci)
                .append(" -n ")
                .append(qNs)
                .append('\n')
                .append("flux reconcile helmrelease ")
                .append(qName)
                .append(" -n ")
                .append(qNs)
                .append('\n')
                .append("flux get helmrelease -n ")
                .append(qNs)
                .append(' ')
                .append(qName)
                .append("\n```\n\n");
        md.append("**Step 4: Verify Chart Version**\n\n```bash\n")
                .append("flux get source oci -n ")
                .append(qNs)
                .append(' ')
                .append(qOci)
                .append('\n')
                .append("kubectl get hr -n ")
                .append(qNs)
                .append(' ')
                .append(qName)
                .append(" -o yaml | grep -A 5 \"chartRef:\"\n```\n\n");
    }

    private static void rollback(StringBuilder md, ScannedRelease r) {
        md.append("**Rollback**: `git revert <commit>`, or restore `spec.chart` in `")
                .append(r.file())
                .append("`:\n\n")
                .append("```yaml\nspec:\n  chart:\n    spec:\n      chart: ")
                .append(r.chart())
                .append('\n');
        if (r.version() != null) {
            md.append("      version: ")
                    .append(io.github.fluxoci.oci.yaml.YamlEdits.stringScalar(r.version()))
                    .append('\n');
        }
        md.append("      sourceRef:\n        kind: HelmRepository\n        name: ")
                .append(r.source().name())
                .append('\n');
        if (r.source().namespace() != null) {
            md.append("        namespace: ").append(r.source().namespace()).append('\n');
        }
        md.append("```\n\n");
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
