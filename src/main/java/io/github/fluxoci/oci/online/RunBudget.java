package io.github.fluxoci.oci.online;

import java.time.Duration;
import java.time.Instant;

/**
 * The time one run may spend asking registries ({@code oci.onlineBudget}), shared by every request of the run:
 * when it is spent, the checks not yet made are reported as not checked instead of making the build wait.
 */
public final class RunBudget {

    private final Duration total;
    private final Instant end;

    private RunBudget(Duration total) {
        this.total = total;
        this.end = Instant.now().plus(total);
    }

    /** A budget that starts now. */
    public static RunBudget startingNow(Duration total) {
        return new RunBudget(total);
    }

    public Duration total() {
        return total;
    }

    /** What is left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean spent() {
        return remaining().isZero();
    }

    /** The shorter of {@code limit} and what is left. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }

    @Override
    public String toString() {
        return "RunBudget[" + total.toSeconds() + " s]";
    }
}
