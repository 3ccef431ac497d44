package org.wgtrack.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * wgtrack's validated configuration. Tracking parameters are looked up per peer:
 * {@code [peer:if:key]} → {@code [interface:if]} → {@code [general]} → {@code [DEFAULT]} → built-in.
 *
 * @param warnings non-fatal findings (unknown keys, …) to log once after loading
 */
public record WgtrackConfig(
        String source,
        GeneralSettings general,
        TrackingResolver tracking,
        List<OutputSettings> outputs,
        List<HookSettings> hooks,
        List<ConfigProblem> warnings) {

    public WgtrackConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(general, "general");
        Objects.requireNonNull(tracking, "tracking");
        outputs = List.copyOf(outputs);
        hooks = List.copyOf(hooks);
        warnings = List.copyOf(warnings);
    }

    /** A configuration without hooks. */
    public WgtrackConfig(String source, GeneralSettings general, TrackingResolver tracking, List<OutputSettings> outputs,
                         List<ConfigProblem> warnings) {
        this(source, general, tracking, outputs, List.of(), warnings);
    }

    /** Tracking parameters of a peer. */
    public TrackingParams trackingFor(String interfaceName, PublicKey peer) {
        return tracking.forPeer(interfaceName, peer);
    }

    /** Tracking parameters that apply to an interface as a whole (its {@code track} flag). */
    public TrackingParams trackingFor(String interfaceName) {
        return tracking.forInterface(interfaceName);
    }

    /** The endpoint written for a peer in its {@code [peer:…]} section, which wins over any WireGuard configuration. */
    public Optional<Endpoint> endpointFor(String interfaceName, PublicKey peer) {
        return tracking.endpoint(interfaceName, peer);
    }

    /**
     * What {@link #trackingFor(String, PublicKey)} and {@link #endpointFor} say for the peers of
     * one interface, with the interface looked up once: the cycle asks for every peer.
     */
    public PeerTracking peersOf(String interfaceName) {
        return tracking.peersOf(interfaceName);
    }

    /** Resolves tracking parameters; implemented by the loader over the parsed INI sections. */
    public interface TrackingResolver {
        TrackingParams forInterface(String interfaceName);

        TrackingParams forPeer(String interfaceName, PublicKey peer);

        /** A peer's {@code endpoint =}; none unless a section says so. */
        default Optional<Endpoint> endpoint(String interfaceName, PublicKey peer) {
            return Optional.empty();
        }

        /** {@link #forPeer} and {@link #endpoint} for one interface's peers. */
        default PeerTracking peersOf(String interfaceName) {
            return new PeerTracking() {
                @Override
                public TrackingParams params(PublicKey peer) {
                    return forPeer(interfaceName, peer);
                }

                @Override
                public Optional<Endpoint> endpoint(PublicKey peer) {
                    return TrackingResolver.this.endpoint(interfaceName, peer);
                }
            };
        }
    }

    /** The tracking parameters and configured endpoints of one interface's peers. */
    public interface PeerTracking {
        TrackingParams params(PublicKey peer);

        Optional<Endpoint> endpoint(PublicKey peer);
    }

    /** A configuration with built-in defaults only (no file at the default path). */
    public static WgtrackConfig defaults(String source) {
        TrackingResolver defaults = new TrackingResolver() {
            @Override
            public TrackingParams forInterface(String interfaceName) {
                return TrackingParams.DEFAULTS;
            }

            @Override
            public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                return TrackingParams.DEFAULTS;
            }
        };
        return new WgtrackConfig(source, GeneralSettings.DEFAULTS, defaults, List.of(), List.of());
    }
}
