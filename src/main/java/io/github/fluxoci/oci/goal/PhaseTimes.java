package io.github.fluxoci.oci.goal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one execution's time goes ({@code -Doci.timings=true}): each phase is the time since the previous lap. The
 * time before the goal started (JVM start, Maven's own set-up, the plugin's class realm and injection) is the JVM's
 * uptime minus the laps, asked only when the summary is printed (the management classes cost a cold start time).
 */
public final class PhaseTimes {

    private final long started = System.nanoTime();
    private long last = started;
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Ends the current phase under this name (laps of one name add up). */
    public void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** {@code before the goal (<before>) 2,310 ms; load 812 ms, classify 96 ms, ...; goal 1,120 ms}. */
    public String summary(String before) {
        long goal = (last - started) / 1_000_000;
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        StringJoiner phases = new StringJoiner(", ");
        nanos.forEach((name, ns) -> phases.add(name + " " + String.format("%,d", ns / 1_000_000) + " ms"));
        return "before the goal (" + before + ") " + String.format("%,d", Math.max(0, uptime - goal)) + " ms; " + phases
                + "; goal " + String.format("%,d", goal) + " ms";
    }
}
