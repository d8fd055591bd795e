package io.github.fluxoci.oci.goal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a goal in a forked JVM tuned for a short job: the C1 compiler only ({@code -XX:TieredStopAtLevel=1}: the
 * optimizing compiler never pays back in a few seconds, and on a small machine it takes the cores the parser
 * threads need), and a collector for a job that builds one long-lived tree: the parallel collector with a small
 * fixed young generation whose survivors go straight to the old one (each object of the tree is copied once, by
 * every core; a 64 MB young generation keeps the memory low). Measured cold on a 2,000-app tree, the whole scan in
 * such a JVM takes about half its time in Maven's; {@code docs/performance.md} has the numbers. The request goes
 * in a file; the goal's lines come back on standard output and are handed to the build's log at their level; its
 * standard error is kept for the message when the JVM ends without an answer.
 */
public final class GoalFork {

    /** The JVM options of the forked JVM, besides the heap limit and the young generation's size. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC",
            "-XX:-UseAdaptiveSizePolicy", "-XX:MaxTenuringThreshold=0", "-XX:-UsePerfData");

    /** The young generation's size, when the heap limit leaves room for it (four times as much). */
    static final long YOUNG = 64L * 1024 * 1024;

    /** The heap options for the build's heap limit: the same limit (at least 64 MB), and the young generation. */
    static List<String> heapOptions(long maxHeap) {
        long max = Math.max(64L * 1024 * 1024, maxHeap);
        return max >= 4 * YOUNG ? List.of("-Xmx" + max, "-Xmn" + YOUNG) : List.of("-Xmx" + max);
    }

    private GoalFork() {
    }

    /**
     * @param classpath the plugin's own jars (its class realm), in order
     * @param maxHeap   the heap limit of the build's JVM: the forked one gets the same
     */
    public static void run(GoalRequest request, GoalLog log, List<Path> classpath, long maxHeap) throws GoalException {
        String goalName = "oci:" + request.settings().goal();
        Path file = null;
        Path errors = null;
        Process process = null;
        try {
            file = Files.createTempFile("oci-goal", ".json");
            errors = Files.createTempFile("oci-goal", ".err");
            try (OutputStream out = Files.newOutputStream(file)) {
                request.write(out);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.addAll(heapOptions(maxHeap));
            String tmp = System.getProperty("java.io.tmpdir");
            if (tmp != null) {
                command.add("-Djava.io.tmpdir=" + tmp);
            }
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            command.add(ForkedGoal.class.getName());
            command.add(file.toString());
            process = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            String outcome = relay(process.getInputStream(), log);
            int status = process.waitFor();
            if (status == 0 && outcome == null) {
                return;
            }
            if (outcome != null && status == 1 && outcome.charAt(0) == 'F') {
                throw GoalException.failure(outcome.substring(2));
            }
            if (outcome != null && status == 2 && outcome.charAt(0) == 'X') {
                throw GoalException.error(outcome.substring(2), new IOException(tail(errors)));
            }
            throw GoalException.error(goalName + ": its forked JVM ended with exit status " + status + " and no answer"
                    + describe(tail(errors)) + "; -Doci.fork=false runs the goal in Maven's JVM", null);
        } catch (IOException e) {
            throw GoalException.error(goalName + ": could not run its forked JVM (" + e.getMessage()
                    + "); -Doci.fork=false runs the goal in Maven's JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GoalException.error(goalName + ": interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            delete(file);
            delete(errors);
        }
    }

    /** Hands each line to the log at its level; returns the failure or error line ({@code F\t...}, {@code X\t...}). */
    private static String relay(InputStream stdout, GoalLog log) throws IOException {
        String outcome = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() < 2 || line.charAt(1) != '\t') {
                    log.info(line); // not the protocol (a JVM warning): shown as it is
                    continue;
                }
                String text = line.substring(2).replace(ForkedGoal.NEWLINE, '\n');
                switch (line.charAt(0)) {
                    case 'I' -> log.info(text);
                    case 'W' -> log.warn(text);
                    case 'E' -> log.error(text);
                    case 'R' -> log.raw(text);
                    case 'F', 'X' -> outcome = line.charAt(0) + "\t" + text;
                    default -> log.info(line);
                }
            }
        }
        return outcome;
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path errors) {
        try {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(String errors) {
        return errors.isBlank() ? "" : " (its last words: " + errors.strip().lines().reduce((a, b) -> b).orElse("") + ")";
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file: the system cleans it up
            }
        }
    }
}
