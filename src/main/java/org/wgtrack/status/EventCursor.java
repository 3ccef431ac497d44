package org.wgtrack.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wgtrack.events.Event;

/**
 * Which of the daemon's last events {@code wgtrack events --follow} has not printed yet. The
 * history is a window that slides, so positions mean nothing from one look to the next; times
 * do: the daemon stamps events in the order they happen, so what is new is what is later than
 * the latest printed, or as late and not printed (events of one cycle share its time). A
 * restarted daemon's events are later still. A wall clock set back hides events until it
 * catches up again.
 */
final class EventCursor {

    private Instant latest = Instant.MIN;
    private final Set<Event> printedAtLatest = new HashSet<>();

    /** The events of {@code history} (oldest first) not returned before, oldest first. */
    List<Event> newOnes(List<Event> history) {
        List<Event> fresh = new ArrayList<>();
        for (Event event : history) {
            int order = event.time().compareTo(latest);
            if (order < 0 || order == 0 && printedAtLatest.contains(event)) {
                continue;
            }
            if (order > 0) {
                latest = event.time();
                printedAtLatest.clear();
            }
            printedAtLatest.add(event);
            fresh.add(event);
        }
        return fresh;
    }
}
