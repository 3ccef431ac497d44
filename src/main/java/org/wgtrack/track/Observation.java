package org.wgtrack.track;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the daemon saw of one peer in one cycle; the only input of {@link PeerStateMachine#step}
 * besides the peer's track and parameters.
 *
 * @param handshake           status of the latest handshake ({@link HandshakeStatus#judge})
 * @param handshakeAgeSeconds age of the latest handshake, empty when there never was one; only
 *                            used to word reasons
 * @param ping                this cycle's ping, {@link PingOutcome#NOT_SENT} when none was due
 * @param pingable            false when the peer has no usable ping target (unspecified address):
 *                            then pinging counts as disabled for it (SPEC §2)
 * @param endpoint            the kind of the peer's endpoint
 */
public record Observation(
        HandshakeStatus handshake,
        OptionalLong handshakeAgeSeconds,
        PingOutcome ping,
        boolean pingable,
        EndpointKind endpoint) {

    public Observation {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(handshakeAgeSeconds, "handshakeAgeSeconds");
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!pingable && ping != PingOutcome.NOT_SENT) {
            throw new IllegalArgumentException("ping outcome " + ping + " for a peer without a ping target");
        }
        if (handshakeAgeSeconds.isPresent() && handshakeAgeSeconds.getAsLong() < 0) {
            throw new IllegalArgumentException("handshake age must not be negative, got "
                    + handshakeAgeSeconds.getAsLong());
        }
    }

    /** A pingable peer without a known handshake age; handy where the age does not matter. */
    public static Observation of(HandshakeStatus handshake, PingOutcome ping, EndpointKind endpoint) {
        return new Observation(handshake, OptionalLong.empty(), ping, true, endpoint);
    }
}
