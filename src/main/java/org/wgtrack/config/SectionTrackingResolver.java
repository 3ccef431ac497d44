package org.wgtrack.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * Tracking parameters computed once at load for every interface and peer that has a section,
 * so the per-cycle lookup for thousands of peers is two hash lookups and allocates nothing.
 */
final class SectionTrackingResolver implements WgtrackConfig.TrackingResolver {

    /**
     * @param params the interface's own parameters, with its own name
     * @param peerDefault what a peer without a section gets: the same, without the interface's name
     */
    record InterfaceTracking(TrackingParams params, TrackingParams peerDefault, Map<PublicKey, TrackingParams> peers,
                             Map<PublicKey, Endpoint> endpoints) implements WgtrackConfig.PeerTracking {
        InterfaceTracking {
            peers = Map.copyOf(peers);
            endpoints = Map.copyOf(endpoints);
        }

        @Override
        public TrackingParams params(PublicKey peer) {
            TrackingParams own = peers.get(peer);
            return own == null ? peerDefault : own;
        }

        @Override
        public Optional<Endpoint> endpoint(PublicKey peer) {
            return Optional.ofNullable(endpoints.get(peer));
        }
    }

    /** An interface without a section: every peer gets the defaults and no endpoint. */
    private record Unconfigured(TrackingParams params) implements WgtrackConfig.PeerTracking {
        @Override
        public TrackingParams params(PublicKey peer) {
            return params;
        }

        @Override
        public Optional<Endpoint> endpoint(PublicKey peer) {
            return Optional.empty();
        }
    }

    private final TrackingParams fallback;
    private final Unconfigured unconfigured;
    private final Map<String, InterfaceTracking> interfaces;

    SectionTrackingResolver(TrackingParams fallback, Map<String, InterfaceTracking> interfaces) {
        this.fallback = fallback;
        this.unconfigured = new Unconfigured(fallback);
        this.interfaces = Map.copyOf(interfaces);
    }

    /**
     * Lays the levels over each other: built-in ← [DEFAULT] ← [general] ← [interface:…] ← [peer:…].
     *
     * @param interfaceSections by interface name
     * @param peerSections by interface name, then peer
     */
    static SectionTrackingResolver build(SectionValues defaults, SectionValues general,
            Map<String, SectionValues> interfaceSections, Map<String, Map<PublicKey, SectionValues>> peerSections) {
        TrackingParams base = general.over(defaults.over(TrackingParams.DEFAULTS));
        Map<String, InterfaceTracking> interfaces = new HashMap<>();
        Map<String, SectionValues> withPeers = new HashMap<>(interfaceSections);
        peerSections.keySet().forEach(ifname -> withPeers.putIfAbsent(ifname, SectionValues.NONE));
        withPeers.forEach((ifname, section) -> {
            TrackingParams interfaceParams = section.over(base);
            Map<PublicKey, TrackingParams> peers = new HashMap<>();
            Map<PublicKey, Endpoint> endpoints = new HashMap<>();
            peerSections.getOrDefault(ifname, Map.of()).forEach((key, peer) -> {
                peers.put(key, peer.over(interfaceParams).withName(peer.ownName()));
                peer.ownEndpoint().ifPresent(endpoint -> endpoints.put(key, endpoint));
            });
            interfaces.put(ifname, new InterfaceTracking(interfaceParams.withName(section.ownName()), interfaceParams, peers,
                    endpoints));
        });
        return new SectionTrackingResolver(base, interfaces);
    }

    @Override
    public TrackingParams forInterface(String interfaceName) {
        InterfaceTracking tracking = interfaces.get(interfaceName);
        return tracking == null ? fallback : tracking.params();
    }

    @Override
    public Optional<Endpoint> endpoint(String interfaceName, PublicKey peer) {
        return peersOf(interfaceName).endpoint(peer);
    }

    @Override
    public TrackingParams forPeer(String interfaceName, PublicKey peer) {
        return peersOf(interfaceName).params(peer);
    }

    @Override
    public WgtrackConfig.PeerTracking peersOf(String interfaceName) {
        InterfaceTracking tracking = interfaces.get(interfaceName);
        return tracking == null ? unconfigured : tracking;
    }
}
