package org.wgtrack.system;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one echo request. {@code error} is set when the request could not be sent or
 * judged at all (ping tool missing, unknown interface, tool killed): a local problem the
 * operator should hear about, unlike a peer that simply did not answer in time, which is a
 * failure without an error.
 */
public record PingResult(boolean success, Optional<Duration> roundTrip, Optional<String> error) {

    public PingResult {
        Objects.requireNonNull(roundTrip, "roundTrip");
        Objects.requireNonNull(error, "error");
        if (success && error.isPresent()) {
            throw new IllegalArgumentException("a successful ping has no error");
        }
        if (!success && roundTrip.isPresent()) {
            throw new IllegalArgumentException("a failed ping has no round trip");
        }
    }

    /** Kept so code written against the two-component record still compiles. */
    public PingResult(boolean success, Optional<Duration> roundTrip) {
        this(success, roundTrip, Optional.empty());
    }

    /** No answer within the timeout (or an ICMP error instead of an echo reply). */
    public static PingResult failed() {
        return new PingResult(false, Optional.empty(), Optional.empty());
    }

    /** The ping could not be done; {@code error} says why, e.g. {@code ping: SO_BINDTODEVICE wg9: No such device}. */
    public static PingResult failed(String error) {
        return new PingResult(false, Optional.empty(), Optional.of(error));
    }

    public static PingResult succeeded(Duration roundTrip) {
        return new PingResult(true, Optional.of(roundTrip), Optional.empty());
    }
}
