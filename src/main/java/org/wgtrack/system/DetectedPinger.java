package org.wgtrack.system;

import java.util.Objects;

/** The pinger wgtrack will use and the line the daemon logs once about it, e.g. {@code pinging with fping 5.1}. */
public record DetectedPinger(Pinger pinger, String description) {

    public DetectedPinger {
        Objects.requireNonNull(pinger, "pinger");
        Objects.requireNonNull(description, "description");
    }
}
