package io.github.fluxoci.oci.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.fluxoci.oci.catalog.ChartMapping;
import io.github.fluxoci.oci.tree.TreeFixture;
import io.github.fluxoci.oci.verify.ReleaseException;

/**
 * A goal in a forked JVM is the same goal: the same lines at the same levels, the same reports byte for byte, the
 * same failure message, as in the build's JVM. The fork here runs on this test's class path.
 */
class GoalForkTest {

    @TempDir
    Path dir;

    /** Every line a goal logged, with its level. */
    static final class Lines implements GoalLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        @Override
        public void error(String line) {
            lines.add("ERROR " + line);
        }

        @Override
        public void raw(String line) {
            lines.add("RAW " + line);
        }
    }

    private Path tree() throws IOException {
        new TreeFixture(dir.resolve("tree"))
                .file("kustomization.yaml", TreeFixture.kustomization("apps", "repo.yaml", "echo.yaml", "broken.yaml"))
                .file("repo.yaml", "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: ealenn\n"
                        + "spec:\n  url: https://ealenn.github.io/charts\n")
                .file("echo.yaml", "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: echo\n"
                        + "spec:\n  chart:\n    spec:\n      chart: echo-server\n      version: 0.5.0\n      sourceRef:\n"
                        + "        kind: HelmRepository\n        name: ealenn\n")
                .file("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [unclosed\n");
        return dir.resolve("tree");
    }

    private GoalSettings settings(Path tree, Path out, String goal) {
        return new GoalSettings(goal, tree.toString(), List.of(), List.of(), out.toString(),
                List.of(new ChartMapping("https://ealenn.github.io/charts", "echo-server",
                        "oci://registry.example/charts/echo-server", null, null)),
                List.of(), "directory", "tree", 33554432L, 100000, 200, false, false);
    }

    private static List<Path> classpath() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(Path.of(e));
        }
        return out;
    }

    /** The lines, with the output folder's path written as OUT (the two runs write to two folders). */
    private static List<String> normalized(Lines lines, Path out) {
        return lines.lines.stream().map(l -> l.replace(out.toString(), "OUT")).toList();
    }

    @Test
    void aForkedScanSaysAndWritesWhatTheScanInTheBuildsJvmDoes() throws Exception {
        Path tree = tree();
        Path here = dir.resolve("here");
        Path there = dir.resolve("there");
        Lines inProcess = new Lines();
        new GoalRun(settings(tree, here, "scan"), inProcess, null, "test").execute(new ScanGoal(false));
        Lines forked = new Lines();
        GoalFork.run(new GoalRequest(settings(tree, there, "scan"), new ScanGoal(false)), forked, classpath(),
                Runtime.getRuntime().maxMemory());

        assertThat(normalized(forked, there)).isEqualTo(normalized(inProcess, here));
        assertThat(forked.lines).anySatisfy(l -> assertThat(l).startsWith("WARN ").contains("broken.yaml:5"));
        for (String report : List.of("scan.json", "scan.md", "scan-full.md")) {
            assertThat(Files.readString(there.resolve(report))).as(report).isEqualTo(Files.readString(here.resolve(report)));
        }
    }

    @Test
    void aQuietBuildGetsNoLineFromTheForkButItsErrorsAndTheReportsAreTheSame() throws Exception {
        Path tree = tree();
        Path loud = dir.resolve("loud");
        Path quiet = dir.resolve("quiet");
        GoalFork.run(new GoalRequest(settings(tree, loud, "verify"), new VerifyGoal("never", List.of(), null)), new Lines(),
                classpath(), Runtime.getRuntime().maxMemory());
        Lines forked = new Lines();
        // mvn -q: neither info nor warnings shown
        GoalFork.run(new GoalRequest(settings(tree, quiet, "verify"), new VerifyGoal("never", List.of(), null), false, false),
                forked, classpath(), Runtime.getRuntime().maxMemory());

        assertThat(forked.lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("ERROR "));
        for (String report : List.of("verify.json", "verify.md")) {
            assertThat(Files.readString(quiet.resolve(report))).as(report).isEqualTo(Files.readString(loud.resolve(report)));
        }
    }

    @Test
    void theForkKeepsTheBuildsHeapLimitAndASmallYoungGenerationWhenItFits() {
        assertThat(GoalFork.heapOptions(1024L * 1024 * 1024)).containsExactly("-Xmx1073741824", "-Xmn67108864");
        // a build limited to less than four young generations: the JVM sizes it
        assertThat(GoalFork.heapOptions(128L * 1024 * 1024)).containsExactly("-Xmx134217728");
        assertThat(GoalFork.heapOptions(1)).containsExactly("-Xmx67108864");
    }

    @Test
    void aFailureComesBackWithItsWholeMessageAndAnErrorAsAnError() throws Exception {
        Path tree = tree();
        GoalException here = null;
        try {
            new GoalRun(settings(tree, dir.resolve("a"), "scan"), new Lines(), null, "test").execute(new ScanGoal(true));
        } catch (GoalException e) {
            here = e;
        }
        assertThat(here).isNotNull();
        String expected = here.getMessage();
        assertThat(expected).contains(System.lineSeparator()).contains("broken.yaml:5");
        assertThatThrownBy(() -> GoalFork.run(new GoalRequest(settings(tree, dir.resolve("b"), "scan"), new ScanGoal(true)),
                new Lines(), classpath(), Runtime.getRuntime().maxMemory()))
                .isInstanceOfSatisfying(GoalException.class, e -> assertThat(e.failure()).isTrue())
                .hasMessage(expected.replace("\r\n", "\n"));

        // reports cannot be written where a file stands: an error, not a user failure
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> GoalFork.run(new GoalRequest(settings(tree, blocked, "verify"), new VerifyGoal("never",
                List.of(), null)), new Lines(), classpath(), Runtime.getRuntime().maxMemory()))
                .isInstanceOfSatisfying(GoalException.class, e -> assertThat(e.failure()).isFalse())
                .hasMessageStartingWith("cannot write reports to " + blocked);
    }

    @Test
    void aForkThatCannotStartSaysHowToRunWithoutIt() {
        assertThatThrownBy(() -> GoalFork.run(new GoalRequest(settings(dir, dir.resolve("o"), "scan"), new ScanGoal(false)),
                new Lines(), List.of(dir.resolve("no-such.jar")), Runtime.getRuntime().maxMemory()))
                .isInstanceOfSatisfying(GoalException.class, e -> assertThat(e.failure()).isFalse())
                .hasMessageContaining("oci:scan: its forked JVM ended with exit status 1 and no answer")
                .hasMessageContaining("ForkedGoal")
                .hasMessageEndingWith("; -Doci.fork=false runs the goal in Maven's JVM");
    }

    @Test
    void everyGoalsRequestSurvivesTheTripThroughJson() throws Exception {
        GoalSettings settings = new GoalSettings("migrate", "/t", List.of("**/*.yaml"), List.of("a/**", "b/**"), "/o",
                List.of(new ChartMapping("r", null, null, "oci://x/y", null), new ChartMapping("s", "c", null, null, "why")),
                List.of("ns/app"), null, "label", 7L, 9, 3, true, true);
        List<Goal> goals = List.of(new ScanGoal(true),
                new VerifyGoal("warning", List.of(new ReleaseException("a/b", "c, \"d\"\nnext line")), "exact-tag=note"),
                new MigrateGoal(List.of("x"), List.of(), "auto", "chart", "chart", "component", "flux-system", null, 3,
                        "cosign", "oci://mirror/p", "", "true", true, true, false, true));
        for (Goal goal : goals) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new GoalRequest(settings, goal, false, true).write(out);
            GoalRequest back = GoalRequest.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(back.settings()).isEqualTo(settings);
            assertThat(back.goal()).isEqualTo(goal);
            assertThat(back.infoShown()).isFalse();
            assertThat(back.warningsShown()).isTrue();
        }
    }
}
