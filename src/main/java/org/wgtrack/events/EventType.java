package org.wgtrack.events;

import java.util.Arrays;
import java.util.Optional;

/** The changes an operator is told about, by the names hooks use ({@code on = down, up}). */
public enum EventType {
    /** a peer left {@code up:ok} for a down state */
    DOWN("down"),
    /** a peer that was down is {@code up:ok} again (with how long it was down) */
    UP("up"),
    /** wgtrack pointed WireGuard at a new address for the peer */
    ENDPOINT_CHANGED("endpoint_changed"),
    /** a re-resolution of the peer's endpoint failed; at most once per outage */
    RESOLUTION_FAILED("resolution_failed"),
    /** {@code wg show all dump} failed */
    LIVE_STATE_FAILED("live_state_failed"),
    /** {@code wg show all dump} works again */
    LIVE_STATE_RECOVERED("live_state_recovered");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EventType> byLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
