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

    /** {@code ping_interval}: ping every this many cycles while the handshake looks alive; 0 never pings. */
    public TrackingParamsBuilder withPingInterval(int cycles) {
        pingInterval = cycles;
        return this;
    }

    /** {@code ping_failafternum}: consecutive failed pings after which the link counts as down. */
    public TrackingParamsBuilder withPingFailAfterNum(int pings) {
        pingFailAfterNum = pings;
        return this;
    }

    /** {@code ping_timeout}: how long to wait for an echo reply. */
    public TrackingParamsBuilder withPingTimeout(Duration timeout) {
        pingTimeout = timeout;
        return this;
    }

    /** {@code ping_address}: ping this address instead of the peer's first allowed-ip. */
    public TrackingParamsBuilder withPingAddress(InetAddress address) {
        pingAddress = Optional.of(address);
        return this;
    }

    /** {@code cycles_wait}: cycles to wait after the link went down before the first re-resolution. */
    public TrackingParamsBuilder withCyclesWait(int cycles) {
        cyclesWait = cycles;
        return this;
    }

    /** {@code cycles_checking}: re-resolutions in the checking phase. */
    public TrackingParamsBuilder withCyclesChecking(int cycles) {
        cyclesChecking = cycles;
        return this;
    }

    /** {@code cycles_checkperiod}: cycles between re-resolutions in the checking phase. */
    public TrackingParamsBuilder withCyclesCheckPeriod(int cycles) {
        cyclesCheckPeriod = cycles;
        return this;
    }

    /** {@code cycles_slowcheckingperiod}: the longest interval (cycles) between re-resolutions. */
    public TrackingParamsBuilder withCyclesSlowCheckingPeriod(int cycles) {
        cyclesSlowCheckingPeriod = cycles;
        return this;
    }

    /** {@code address_family}: which answers of a lookup may become the endpoint. */
    public TrackingParamsBuilder withAddressFamily(AddressFamily family) {
        addressFamily = family;
        return this;
    }

    /** {@code track}: false leaves the peer out of tracking and outputs. */
    public TrackingParamsBuilder withTrack(boolean tracked) {
        track = tracked;
        return this;
    }

    /** {@code handshake_timeout}: a handshake older than this counts as failed. */
    public TrackingParamsBuilder withHandshakeTimeout(Duration timeout) {
        handshakeTimeout = timeout;
        return this;
    }

    /** {@code name}: the peer's friendly name in logs and outputs. */
    public TrackingParamsBuilder withName(String peerName) {
        name = Optional.of(peerName);
        return this;
    }

    public TrackingParams build() {
        return new TrackingParams(pingInterval, pingFailAfterNum, pingTimeout, pingAddress, cyclesWait, cyclesChecking,
                cyclesCheckPeriod, cyclesSlowCheckingPeriod, addressFamily, track, handshakeTimeout, name);
    }
}
