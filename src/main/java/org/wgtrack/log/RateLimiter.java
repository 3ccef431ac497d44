package org.wgtrack.log;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets one message per key through per interval (a failing output, a peer whose lookups keep
 * failing), so a problem that lasts hours does not flood the journal at every cycle.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> lastAllowed = new HashMap<>();

    public RateLimiter(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True when a message for {@code key} may be logged now (and records that it was). */
    public synchronized boolean allow(String key) {
        long now = nanoTime.getAsLong();
        Long last = lastAllowed.get(key);
        if (last != null && now - last < intervalNanos) {
            return false;
        }
        lastAllowed.put(key, now);
        return true;
    }

    /** Forgets a key, so the next problem under it is logged at once (the problem went away). */
    public synchronized void reset(String key) {
        lastAllowed.remove(key);
    }
}
