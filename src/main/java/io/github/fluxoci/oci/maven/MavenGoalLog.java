package io.github.fluxoci.oci.maven;

import org.apache.maven.plugin.logging.Log;

import io.github.fluxoci.oci.goal.GoalLog;

/** A goal's lines in Maven's log; raw lines (GitHub workflow commands) on standard output, as they are. */
final class MavenGoalLog implements GoalLog {

    private final Log log;

    MavenGoalLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
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
