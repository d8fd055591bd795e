package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.fluxoci.oci.scan.ScanResult;
import io.github.fluxoci.oci.tree.AtomicFiles;

/** Writes {@code scan.md} and {@code scan.json} into an output directory, each atomically. */
public final class ScanReports {

    public static final String MARKDOWN = "scan.md";
    public static final String JSON = "scan.json";

    private ScanReports() {}

    /** Writes both reports and returns their paths. */
    public static List<Path> write(ScanResult result, Path outputDirectory, String rootLabel) throws IOException {
        return write(result, outputDirectory, rootLabel, "");
    }

    /** Writes the reports; {@code prefix} leads from the repository root to the scanned folder (scan.json paths). */
    public static List<Path> write(ScanResult result, Path outputDirectory, String rootLabel, String prefix)
            throws IOException {
        return write(result, null, outputDirectory, rootLabel, prefix);
    }

    /** Writes the reports with what verify would report ({@code gate}, null when not known). */
    public static List<Path> write(
            ScanResult result, GateSummary gate, Path outputDirectory, String rootLabel, String prefix)
            throws IOException {
        return write(result, gate, outputDirectory, rootLabel, prefix, null);
    }

    /** Writes the reports; the Markdown ones say which run wrote them ({@code run}: command and UTC time, or null). */
    public static List<Path> write(
            ScanResult result, GateSummary gate, Path outputDirectory, String rootLabel, String prefix, String run)
            throws IOException {
        Path md = outputDirectory.resolve(MARKDOWN);
        Path full = outputDirectory.resolve(ScanMarkdown.FULL);
        Path json = outputDirectory.resolve(JSON);
        Path mappings = outputDirectory.resolve(MappingSuggestions.FILE);
        List<Path> written = new ArrayList<>(List.of(md, full, json));
        AtomicFiles.write(json, ScanJson.render(result, gate, prefix));
        AtomicFiles.write(md, Markdown.fromRun(ScanMarkdown.render(result, gate, rootLabel), run));
        AtomicFiles.write(full, Markdown.fromRun(ScanMarkdown.full(result, gate, rootLabel), run));
        Path svg = outputDirectory.resolve(NamespaceMatrix.SVG);
        AtomicFiles.write(svg, NamespaceMatrix.of(result).svg());
        written.add(svg);
        String suggestions = MappingSuggestions.xml(result);
        if (suggestions != null) {
            AtomicFiles.write(mappings, suggestions);
            written.add(mappings);
        } else {
            Files.deleteIfExists(mappings); // none left to fill in: a stale list would mislead
        }
        return written;
    }
}
