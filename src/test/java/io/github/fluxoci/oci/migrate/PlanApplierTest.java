package io.github.fluxoci.oci.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlanApplierTest {

    @TempDir
    Path root;

    /**
     * Ctrl-C during the writes: the progress the applier reports is what the message says (the count and the last
     * file written), and a finished run has nothing to say.
     */
    @Test
    void anInterruptedRunSaysWhereItStopped() throws IOException {
        Files.writeString(root.resolve("a.yaml"), "a: 1\n");
        List<FileChange> writes = List.of(
                new FileChange("b.yaml", null, "b: 1\n"),
                new FileChange("a.yaml", "a: 1\n", "a: 2\n"),
                new FileChange("c.yaml", null, "c: 1\n"));
        List<String> said = new java.util.ArrayList<>();
        PlanApplier.apply(root, writes, n -> said.add(PlanApplier.interrupted(writes, n)));
        assertThat(said.get(0))
                .startsWith("oci:migrate was interrupted after writing 1 of 3 files (the last was b.yaml).")
                .contains("Run the same command again to finish");
        assertThat(said.get(1)).contains("after writing 2 of 3 files (the last was a.yaml)");
        assertThat(said.get(2)).isNull();
        assertThat(PlanApplier.interrupted(writes, 0)).contains("(nothing was written yet)");
    }

    @Test
    void writesCreatesAndDeletesAndKeepsPermissions() throws IOException {
        Files.writeString(root.resolve("a.yaml"), "a: 1\n");
        Files.writeString(root.resolve("gone.yaml"), "g: 1\n");
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(root.resolve("a.yaml"), PosixFilePermissions.fromString("rw-r-----"));
        }
        PlanApplier.apply(
                root,
                List.of(
                        new FileChange("a.yaml", "a: 1\n", "a: 2\n"),
                        new FileChange("b.yaml", null, "b: 1\n"),
                        new FileChange("gone.yaml", "g: 1\n", null)));
        assertThat(root.resolve("a.yaml")).hasContent("a: 2");
        assertThat(root.resolve("b.yaml")).hasContent("b: 1");
        assertThat(root.resolve("gone.yaml")).doesNotExist();
        if (posix) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a.yaml"))))
                    .isEqualTo("rw-r-----");
        }
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.yaml", "b.yaml");
        }
    }

    @Test
    void refusesAFileThatChangedSinceItWasReadAndWritesNothing() throws IOException {
        Files.writeString(root.resolve("a.yaml"), "a: edited by someone\n");
        assertThatThrownBy(() -> PlanApplier.apply(
                        root,
                        List.of(
                                new FileChange("new.yaml", null, "n: 1\n"),
                                new FileChange("a.yaml", "a: 1\n", "a: 2\n"))))
                .isInstanceOf(PlanApplier.ApplyException.class)
                .hasMessageContaining("a.yaml changed since the tree was read");
        assertThat(root.resolve("new.yaml")).doesNotExist();
        assertThat(root.resolve("a.yaml")).hasContent("a: edited by someone");
    }

    @Test
    void refusesPathsOutsideTheRoot() throws IOException {
        Path inner = Files.createDirectories(root.resolve("tree"));
        assertThatThrownBy(() -> PlanApplier.apply(inner, List.of(new FileChange("../escape.yaml", null, "x: 1\n"))))
                .isInstanceOf(PlanApplier.ApplyException.class)
                .hasMessageContaining("outside");
        assertThat(root.resolve("escape.yaml")).doesNotExist();
    }

    @Test
    void refusesWritingThroughALinkThatLeavesTheRoot() throws IOException {
        Path tree = Files.createDirectories(root.resolve("tree"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        try {
            Files.createSymbolicLink(tree.resolve("linked"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links");
        }
        assertThatThrownBy(() -> PlanApplier.apply(tree, List.of(new FileChange("linked/x.yaml", null, "x: 1\n"))))
                .isInstanceOf(PlanApplier.ApplyException.class)
                .hasMessageContaining("link");
        assertThat(outside.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void restoresWrittenFilesWhenALaterWriteFails() throws IOException {
        Files.writeString(root.resolve("a.yaml"), "a: 1\n");
        // a regular file where the last change needs a folder: that write fails, even for root
        Files.writeString(root.resolve("blocker"), "not a folder\n");
        assertThatThrownBy(() -> PlanApplier.apply(
                        root,
                        List.of(
                                new FileChange("a.yaml", "a: 1\n", "a: 2\n"),
                                new FileChange("new.yaml", null, "n: 1\n"),
                                new FileChange("blocker/x.yaml", null, "x: 1\n"))))
                .isInstanceOf(PlanApplier.ApplyException.class)
                .hasMessageContaining("cannot write blocker/x.yaml")
                .hasMessageContaining("the files already written were restored");
        assertThat(root.resolve("a.yaml")).hasContent("a: 1");
        assertThat(root.resolve("new.yaml")).doesNotExist();
        assertThat(root.resolve("blocker")).hasContent("not a folder");
    }
}
