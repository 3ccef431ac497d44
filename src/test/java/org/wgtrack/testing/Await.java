package org.wgtrack.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * Polls a check until it holds or a deadline passes, then fails with what was awaited:
 * {@code Await.atMost(Duration.ofSeconds(5)).until("the peer to come up", () -> …)}.
 * For waiting on things tests cannot be told about (files, other processes, servers); a check
 * that sees the wait cannot succeed any more (a process exited) throws its own AssertionError.
 *
 * @param timeout how long to poll before failing
 * @param interval the pause between two checks
 * @param context what to add to the failure (a log, the last status), asked only on failure
 */
public record Await(Duration timeout, Duration interval, Context context) {

    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    @FunctionalInterface
    public interface Context {
        String describe() throws Exception;
    }

    public Await {
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(context);
    }

    /** Checks every 50 ms for at most {@code timeout}. */
    public static Await atMost(Duration timeout) {
        return new Await(timeout, Duration.ofMillis(50), () -> "");
    }

    public Await every(Duration pause) {
        return new Await(timeout, pause, context);
    }

    /** Adds {@code more} (e.g. {@code "; log:\n" + log}) to the failure message. */
    public Await describing(Context more) {
        return new Await(timeout, interval, more);
    }

    /** Returns once {@code check} holds, checking again after each pause until the deadline. */
    public void until(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + context.describe());
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
