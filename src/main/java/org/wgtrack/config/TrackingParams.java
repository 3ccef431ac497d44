package org.wgtrack.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracking parameters of one peer after the lookup peer → interface → general →
 * DEFAULT → built-in default (SPEC §1.1). {@code cycle_time} is daemon-wide and lives in
 * {@link GeneralSettings}.
 */
public record TrackingParams(
        int pingInterval,
        int pingFailAfterNum,
        Duration pingTimeout,
        Optional<InetAddress> pingAddress,
        int cyclesWait,
        int cyclesChecking,
        int cyclesCheckPeriod,
        int cyclesSlowCheckingPeriod,
        AddressFamily addressFamily,
        boolean track,
        Duration handshakeTimeout,
        Optional<String> name) {

    public static final TrackingParams DEFAULTS = new TrackingParams(
            1, 2, Duration.ofSeconds(1), Optional.empty(), 2, 4, 2, 20,
            AddressFamily.ANY, true, Duration.ofSeconds(180), Optional.empty());

    public TrackingParams {
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(pingAddress, "pingAddress");
        Objects.requireNonNull(addressFamily, "addressFamily");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(name, "name");
    }

    public TrackingParams withName(Optional<String> newName) {
        return new TrackingParams(pingInterval, pingFailAfterNum, pingTimeout, pingAddress, cyclesWait,
                cyclesChecking, cyclesCheckPeriod, cyclesSlowCheckingPeriod, addressFamily, track,
                handshakeTimeout, newName);
    }
}
