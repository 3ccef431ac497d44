package org.wgtrack.testing;

import java.util.ArrayList;
import java.util.List;
import org.wgtrack.daemon.Daemon;

/** Monotonic time that only moves when the test (or a wait) moves it; waits return at their deadline. */
public final class ManualTicker implements Daemon.Ticker {

    private long now;
    private final List<Long> waits = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    public synchronized void advance(long nanos) {
        now += nanos;
    }

    @Override
    public synchronized void waitUntil(long deadlineNanos, Object monitor) {
        waits.add(deadlineNanos);
        if (deadlineNanos > now) {
            now = deadlineNanos;
        }
    }

    public synchronized List<Long> waits() {
        return List.copyOf(waits);
    }
}
