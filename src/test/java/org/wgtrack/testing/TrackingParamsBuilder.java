package org.wgtrack.testing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.wgtrack.config.AddressFamily;
import org.wgtrack.config.TrackingParams;

/**
 * TrackingParams for tests, starting from the built-in defaults ({@link TrackingParams#DEFAULTS}),
 * so a test names the parameters it sets instead of passing twelve positional values:
 * {@code TrackingParamsBuilder.defaults().withPingInterval(5).withCyclesWait(4).build()}.
 */
public final class TrackingParamsBuilder {

    private int pingInterval = TrackingParams.DEFAULTS.pingInterval();
    private int pingFailAfterNum = TrackingParams.DEFAULTS.pingFailAfterNum();
    private Duration pingTimeout = TrackingParams.DEFAULTS.pingTimeout();
    private Optional<InetAddress> pingAddress = TrackingParams.DEFAULTS.pingAddress();
    private int cyclesWait = TrackingParams.DEFAULTS.cyclesWait();
    private int cyclesChecking = TrackingParams.DEFAULTS.cyclesChecking();
    private int cyclesCheckPeriod = TrackingParams.DEFAULTS.cyclesCheckPeriod();
    private int cyclesSlowCheckingPeriod = TrackingParams.DEFAULTS.cyclesSlowCheckingPeriod();
    private AddressFamily addressFamily = TrackingParams.DEFAULTS.addressFamily();
    private boolean track = TrackingParams.DEFAULTS.track();
    private Duration handshakeTimeout = TrackingParams.DEFAULTS.handshakeTimeout();
    private Optional<String> name = TrackingParams.DEFAULTS.name();

    private TrackingParamsBuilder() {
    }

    public static TrackingParamsBuilder defaults() {
        return new TrackingParamsBuilder();
    }

    public TrackingParamsBuilder withPingInterval(int cycles) {
        pingInterval = cycles;
        return this;
    }

    public TrackingParamsBuilder withPingFailAfterNum(int pings) {
        pingFailAfterNum = pings;
        return this;
    }

    public TrackingParamsBuilder withPingTimeout(Duration timeout) {
        pingTimeout = timeout;
        return this;
    }

    public TrackingParamsBuilder withPingAddress(InetAddress address) {
        pingAddress = Optional.of(address);
        return this;
    }

    public TrackingParamsBuilder withCyclesWait(int cycles) {
        cyclesWait = cycles;
        return this;
    }

    public TrackingParamsBuilder withCyclesChecking(int cycles) {
        cyclesChecking = cycles;
        return this;
    }

    public TrackingParamsBuilder withCyclesCheckPeriod(int cycles) {
        cyclesCheckPeriod = cycles;
        return this;
    }

    public TrackingParamsBuilder withCyclesSlowCheckingPeriod(int cycles) {
        cyclesSlowCheckingPeriod = cycles;
        return this;
    }

    public TrackingParamsBuilder withAddressFamily(AddressFamily family) {
        addressFamily = family;
        return this;
    }

    public TrackingParamsBuilder withTrack(boolean tracked) {
        track = tracked;
        return this;
    }

    public TrackingParamsBuilder withHandshakeTimeout(Duration timeout) {
        handshakeTimeout = timeout;
        return this;
    }

    public TrackingParamsBuilder withName(String peerName) {
        name = Optional.of(peerName);
        return this;
    }

    public TrackingParams build() {
        return new TrackingParams(pingInterval, pingFailAfterNum, pingTimeout, pingAddress, cyclesWait, cyclesChecking,
                cyclesCheckPeriod, cyclesSlowCheckingPeriod, addressFamily, track, handshakeTimeout, name);
    }
}
