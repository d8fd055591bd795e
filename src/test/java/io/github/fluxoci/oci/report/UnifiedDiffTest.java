package io.github.fluxoci.oci.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.fluxoci.oci.TestFiles;
import io.github.fluxoci.oci.migrate.FileChange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.diff} against git itself: {@code git apply} of the rendered diff turns the before text into the
 * after text byte for byte, including a missing final newline on either side, CRLF files, new and deleted files.
 */
class UnifiedDiffTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no final newline before, a line added|a: 1\\nb: 2|a: 1\\nb: 2\\nc: 3\\n",
                "no final newline on either side|a: 1\\nb: 2|a: 1\\nb: 3",
                "final newline removed|a: 1\\n|a: 1",
                "final newline added|a: 1|a: 1\\n",
                "CRLF kept|a: 1\\r\\nb: 2\\r\\n|a: 1\\r\\nb: 3\\r\\n",
                "new file without final newline|<none>|kind: OCIRepository",
                "deleted file|kind: HelmRepository\\n|<none>",
                "emoji and accents|name: café 🚀\\n|name: café 🚀\\nx: é\\n"
            })
    void gitApplyGivesTheAfterText(String name, String before, String after) throws Exception {
        String from = text(before);
        String to = text(after);
        Path root = Files.createDirectories(dir.resolve("tree"));
        if (from != null) {
            Files.writeString(root.resolve("f.yaml"), from, StandardCharsets.UTF_8);
        }
        Path diff = dir.resolve("migrate.diff");
        Files.writeString(
                diff, UnifiedDiff.render(List.of(new FileChange("f.yaml", from, to))), StandardCharsets.UTF_8);
        git(root, "apply", "--check", diff.toString());
        git(root, "apply", diff.toString());
        if (to == null) {
            assertThat(root.resolve("f.yaml")).doesNotExist();
        } else {
            assertThat(TestFiles.readTree(root).get("f.yaml"))
                    .isEqualTo(new String(to.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    private static String text(String csv) {
        return csv.equals("<none>") ? null : csv.replace("\\r", "\r").replace("\\n", "\n");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(concat("git", args))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "git is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git " + String.join(" ", args) + ": " + out).isZero();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(List.of(rest));
        return out;
    }
}
