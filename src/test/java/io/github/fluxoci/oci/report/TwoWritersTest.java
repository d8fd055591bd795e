package io.github.fluxoci.oci.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two report groups written at once: both end, and a failure of either reaches the goal. */
class TwoWritersTest {

    @TempDir
    Path dir;

    @Test
    void bothGroupsAreWritten() throws IOException {
        TwoWriters.run(() -> Files.writeString(dir.resolve("a.json"), "{}"), () -> Files.writeString(dir.resolve("a.md"), "#"));
        assertThat(dir.resolve("a.json")).hasContent("{}");
        assertThat(dir.resolve("a.md")).hasContent("#");
    }

    @Test
    void aFailureAsideIsThrownOnceTheOtherGroupIsWritten() {
        assertThatThrownBy(() -> TwoWriters.run(() -> {
            throw new IOException("disk full");
        }, () -> Files.writeString(dir.resolve("b.md"), "#"))).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(dir.resolve("b.md")).hasContent("#");
    }

    @Test
    void aFailureHereWinsAndAFaultAsideIsNotSwallowed() {
        assertThatThrownBy(() -> TwoWriters.run(() -> Files.writeString(dir.resolve("c.json"), "{}"), () -> {
            throw new IOException("read-only");
        })).hasMessage("read-only");
        assertThat(dir.resolve("c.json")).hasContent("{}");
        assertThatThrownBy(() -> TwoWriters.run(() -> {
            throw new IllegalStateException("bug");
        }, () -> { })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }
}
