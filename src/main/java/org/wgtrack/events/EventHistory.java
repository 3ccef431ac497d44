package org.wgtrack.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@link #SIZE} events, oldest first, for {@code /events} and {@code wgtrack events}; cycle thread only. */
public final class EventHistory {

    public static final int SIZE = 1_000;

    private final Deque<Event> events = new ArrayDeque<>(SIZE);

    public void add(List<Event> more) {
        for (Event event : more) {
            if (events.size() == SIZE) {
                events.removeFirst();
            }
            events.addLast(event);
        }
    }

    /** A copy, oldest first. */
    public List<Event> recent() {
        return List.copyOf(events);
    }
}
