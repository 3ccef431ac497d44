package org.wgtrack.system;

import java.time.Duration;
import java.util.Optional;

/** The outcome of one echo request. */
public record PingResult(boolean success, Optional<Duration> roundTrip) {

    public static PingResult failed() {
        return new PingResult(false, Optional.empty());
    }

    public static PingResult succeeded(Duration roundTrip) {
        return new PingResult(true, Optional.of(roundTrip));
    }
}
