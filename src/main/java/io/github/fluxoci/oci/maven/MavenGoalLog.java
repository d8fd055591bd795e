package io.github.fluxoci.oci.maven;

import org.apache.maven.plugin.logging.Log;

import io.github.fluxoci.oci.goal.GoalLog;
import io.github.fluxoci.oci.goal.LogLines;

/**
 * A goal's lines in Maven's log, each kept to one line ({@link LogLines}); raw lines (the plugin's own GitHub workflow
 * commands, escaped where they are made) on standard output, as they are.
 */
final class MavenGoalLog implements GoalLog {

    private final Log log;

    MavenGoalLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(LogLines.oneLine(line));
    }

    @Override
    public void warn(String line) {
        log.warn(LogLines.oneLine(line));
    }

    @Override
    public void error(String line) {
        log.error(LogLines.oneLine(line));
    }

    @Override
    public void raw(String line) {
        System.out.println(line);
    }

    @Override
    public boolean infoShown() {
        return log.isInfoEnabled();
    }

    @Override
    public boolean warningsShown() {
        return log.isWarnEnabled();
    }
}
