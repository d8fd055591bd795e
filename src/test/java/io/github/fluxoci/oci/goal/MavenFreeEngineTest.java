package io.github.fluxoci.oci.goal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing below {@code maven/} imports Maven: the design says so, and the forked JVM depends on it (its class path
 * is the plugin's class realm, which holds no Maven API).
 */
class MavenFreeEngineTest {

    @Test
    void noEngineSourceImportsMaven() throws IOException {
        Path root = Path.of("src/main/java/io/github/fluxoci/oci");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("maven"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .anyMatch(l -> l.startsWith("import org.apache.maven.")
                                            || l.startsWith("import org.codehaus.plexus."));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).isEmpty();
        assertThat(root.resolve("goal/GoalRun.java")).exists();
    }
}
