package org.wgtrack.daemon;

import java.time.Duration;
import java.util.Optional;
import org.wgtrack.text.PlainDecimal;

/**
 * The warning for cycles that take longer than cycle_time. A host too slow for its cycle_time
 * overruns every cycle, so only the first overrun is logged at once; the ones after it are
 * counted and summed up at most once per {@link #INTERVAL}, with the longest. An interval
 * without overruns ends it: the next overrun is logged at once again. Times are the
 * daemon's ticker's nanoseconds.
 */
final class CycleOverruns {

    static final Duration INTERVAL = Duration.ofMinutes(5);

    private boolean overrunning;
    private long since;
    private long count;
    private long longestNanos;

    /** A cycle that took {@code tookNanos}, longer than cycle_time: the line to log now, if any. */
    Optional<String> overran(long now, long tookNanos, Duration cycleTime) {
        if (!overrunning) {
            overrunning = true;
            since = now;
            return Optional.of("cycle took " + PlainDecimal.seconds(Duration.ofNanos(tookNanos)) + " s, longer than cycle_time "
                    + PlainDecimal.seconds(cycleTime) + " s; starting the next one now (more such cycles are counted and"
                    + " reported every " + INTERVAL.toMinutes() + " min)");
        }
        count++;
        longestNanos = Math.max(longestNanos, tookNanos);
        return summaryIfDue(now, cycleTime);
    }

    /** A cycle within cycle_time: the summary of the overruns before it if one is due. */
    Optional<String> onTime(long now, Duration cycleTime) {
        if (!overrunning) {
            return Optional.empty();
        }
        if (count == 0 && now - since >= INTERVAL.toNanos()) {
            overrunning = false;
            return Optional.empty();
        }
        return summaryIfDue(now, cycleTime);
    }

    /** The summary of what was counted, due or not (at stop); empty when nothing was. */
    Optional<String> remaining(long now, Duration cycleTime) {
        return count == 0 ? Optional.empty() : Optional.of(summary(now, cycleTime));
    }

    private Optional<String> summaryIfDue(long now, Duration cycleTime) {
        if (count == 0 || now - since < INTERVAL.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(summary(now, cycleTime));
    }

    private String summary(long now, Duration cycleTime) {
        String line = count + (count == 1 ? " more cycle" : " more cycles") + " took longer than cycle_time "
                + PlainDecimal.seconds(cycleTime) + " s in the last " + Math.max(1, Duration.ofNanos(now - since).toMinutes())
                + " min, the longest " + PlainDecimal.seconds(Duration.ofNanos(longestNanos)) + " s";
        since = now;
        count = 0;
        longestNanos = 0;
        return line;
    }
}
