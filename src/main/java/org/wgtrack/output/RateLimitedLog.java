package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Says whether a repeated error may be logged again: at most once per {@code interval} per
 * key (an output's name), so a full disk does not fill the journal with one line per cycle.
 * Not thread-safe: the cycle thread is its only user. Time comes from the caller.
 */
public final class RateLimitedLog {

    private final Duration interval;
    private final Map<String, Instant> lastLogged = new HashMap<>();
    private final Map<String, Long> suppressed = new HashMap<>();

    public RateLimitedLog(Duration interval) {
        this.interval = interval;
    }

    /**
     * -1 when the message must stay quiet; otherwise how many were suppressed since the last
     * one that was logged (to append as {@code (3 more since)}).
     */
    public long permit(String key, Instant now) {
        Instant last = lastLogged.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            suppressed.merge(key, 1L, Long::sum);
            return -1;
        }
        lastLogged.put(key, now);
        Long count = suppressed.remove(key);
        return count == null ? 0 : count;
    }

    /** Forgets a key after success, so the next failure is logged at once. */
    public void reset(String key) {
        lastLogged.remove(key);
        suppressed.remove(key);
    }
}
