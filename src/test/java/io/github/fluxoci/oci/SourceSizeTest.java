package io.github.fluxoci.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class of more than {@value #MAX_LINES} lines says why in its Javadoc ({@code <p>Large because ...}); methods are
 * held to 60 lines by Checkstyle ({@code config/checkstyle.xml}).
 */
class SourceSizeTest {

    static final int MAX_LINES = 400;
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern TYPE_JAVADOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?(?:final\\s+|abstract\\s+)*"
                    + "(?:class|record|interface|enum)\\s",
            Pattern.DOTALL);

    @Test
    void largeClassesSayWhy() throws IOException {
        List<String> unexplained = new ArrayList<>();
        int large = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (text.lines().count() <= MAX_LINES) {
                    continue;
                }
                large++;
                Matcher m = TYPE_JAVADOC.matcher(text);
                if (!m.find() || !m.group(1).replaceAll("\\s*\\*\\s*", " ").contains("Large because")) {
                    unexplained.add(MAIN.relativize(f) + " (" + text.lines().count() + " lines)");
                }
            }
        }
        assertThat(unexplained)
                .as("classes over " + MAX_LINES + " lines without \"<p>Large because ...\" in their Javadoc")
                .isEmpty();
        assertThat(large).as("the check looked at some large class").isPositive();
    }
}
