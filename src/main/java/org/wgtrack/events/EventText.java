package org.wgtrack.events;

import org.wgtrack.wg.Endpoint;

/**
 * An event as one short line for people: {@code wg0 berlin is down (2 pings failed)},
 * {@code wg0 berlin is up again after 12 min 34 s (handshake ok, ping answered)}; a first
 * judgement after start is only {@code is up}.
 */
public final class EventText {

    private EventText() {
    }

    public static String of(Event event) {
        String who = event.interfaceName().orElse("") + " "
                + event.name().orElseGet(() -> event.peer().map(p -> p.publicKey().shortForm()).orElse(""));
        String endpoint = event.endpoint().map(Endpoint::toString).orElse("(none)");
        return switch (event.type()) {
            case DOWN -> who + " is down (" + event.reason() + ")";
            case UP -> who + (event.startup() ? " is up" : " is up again")
                    + (event.downSeconds().isPresent() ? " after " + duration(event.downSeconds().getAsLong()) : "")
                    + " (" + event.reason() + ")";
            case ENDPOINT_CHANGED -> who + ": endpoint " + event.oldEndpoint().map(Endpoint::toString).orElse("(none)") + " → "
                    + endpoint + " (" + event.reason() + ")";
            case RESOLUTION_FAILED -> who + ": " + event.reason();
            case LIVE_STATE_FAILED -> "wgtrack cannot read the live state: " + event.reason();
            case LIVE_STATE_RECOVERED -> "wgtrack reads the live state again";
        };
    }

    /** {@code 45 s}, {@code 12 min 34 s}, {@code 3 h 2 min}, {@code 2 d 4 h}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h" + (seconds % 3_600 / 60 == 0 ? "" : " " + seconds % 3_600 / 60 + " min");
        }
        return seconds / 86_400 + " d" + (seconds % 86_400 / 3_600 == 0 ? "" : " " + seconds % 86_400 / 3_600 + " h");
    }
}
