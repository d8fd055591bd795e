package io.github.fluxoci.oci.goal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of a forked JVM that runs one goal ({@link GoalFork} starts it): reads the request file named by
 * its argument, runs the goal, and writes each log line to standard output as {@code <level>\t<text>} (I, W, E, R for
 * raw lines; F and X carry the message of a failure or an error). Exit status 0 when the goal succeeded, 1 on a
 * failure, 2 on an error.
 */
public final class ForkedGoal {

    static final char NEWLINE = '\u001F';

    private ForkedGoal() {
    }

    /** One line of the protocol: the level, a tab, the text with its line breaks as {@value #NEWLINE}. */
    static String line(char level, String text) {
        return level + "\t" + text.replace("\r\n", "\n").replace('\n', NEWLINE);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        GoalRequest request;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            request = GoalRequest.read(in);
        }
        GoalLog log = new GoalLog() {
            @Override
            public void info(String line) {
                if (request.infoShown()) {
                    out.println(line('I', line));
                }
            }

            @Override
            public void warn(String line) {
                if (request.warningsShown()) {
                    out.println(line('W', line));
                }
            }

            @Override
            public boolean infoShown() {
                return request.infoShown();
            }

            @Override
            public boolean warningsShown() {
                return request.warningsShown();
            }

            @Override
            public void error(String line) {
                out.println(line('E', line));
            }

            @Override
            public void raw(String line) {
                out.println(line('R', line));
            }
        };
        int status = 0;
        try {
            new GoalRun(request.settings(), log, null, "forked JVM start").execute(request.goal());
        } catch (GoalException e) {
            out.println(line(e.failure() ? 'F' : 'X', e.getMessage()));
            if (e.getCause() != null) {
                e.getCause().printStackTrace();
            }
            status = e.failure() ? 1 : 2;
        }
        out.flush();
        System.exit(status);
    }
}
