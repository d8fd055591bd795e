package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** Folder helpers shared by tests that work on copies of trees. */
public final class TestFiles {

    private TestFiles() {}

    /** {@code ../shared/corpora} (or {@code -Doci.corpora=...}): real public Flux trees, read-only. */
    public static Path corpora() {
        String configured = System.getProperty("oci.corpora");
        Path p = configured != null ? Path.of(configured) : Path.of("../shared/corpora");
        return p.toAbsolutePath().normalize();
    }

    public static boolean corporaPresent() {
        return Files.isRegularFile(corpora().resolve("MANIFEST.tsv"));
    }

    /** Every tree of the corpora, sorted. */
    public static List<Path> corpusTrees() throws IOException {
        try (Stream<Path> s = Files.list(corpora())) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /**
     * What a test factory returns when its input is missing: one dynamic test, reported as skipped with the reason
     * (an assumption failing in the factory itself would be reported as zero tests).
     */
    public static Stream<DynamicTest> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("skipped: " + reason, () -> Assumptions.assumeTrue(false, reason)));
    }

    /** {@link #skipped(String)} when the corpora are absent, else null. */
    public static Stream<DynamicTest> skippedWithoutCorpora() {
        return corporaPresent() ? null : skipped("corpora absent: " + corpora());
    }

    /** Copies a folder (regular files and folders; links are left out, as the corpora have none). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                    target.toFile().setWritable(true);
                }
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** relative path -> exact bytes as text (ISO-8859-1 keeps every byte). */
    public static Map<String, String> readTree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(
                        root.relativize(p).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
