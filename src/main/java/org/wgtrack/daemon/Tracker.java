package org.wgtrack.daemon;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventDeriver;
import org.wgtrack.log.Log;
import org.wgtrack.output.InterfaceSnapshot;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.system.InterfaceAddresses;
import org.wgtrack.system.PingRequest;
import org.wgtrack.system.PingResult;
import org.wgtrack.system.Pinger;
import org.wgtrack.system.Wg;
import org.wgtrack.system.WgException;
import org.wgtrack.track.EndpointKind;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.Observation;
import org.wgtrack.track.PeerStateMachine;
import org.wgtrack.track.PingOutcome;
import org.wgtrack.track.PingTarget;
import org.wgtrack.track.Step;
import org.wgtrack.track.Transition;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerConfig;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PeerStatus;
import org.wgtrack.wg.PublicKey;

/**
 * One cycle of SPEC §1–4: read the live state, judge every tracked peer (pinging those that
 * are due, all at once), run the state machine, start due re-resolutions, and freeze the
 * result into a {@link Snapshot}. Runs on the cycle thread only; the pure decisions are in
 * {@link PeerStateMachine}, the side effects behind the {@code system} interfaces.
 */
final class Tracker {

    /** The target of a peer that is not pinged: no ping program, or ping_interval = 0 (SPEC: never ping). */
    private static final PingTarget NOT_PINGED = new PingTarget(Optional.empty(), Optional.empty());

    private final Pinger pinger;
    private final InterfaceAddresses interfaceAddresses;
    private final EndpointUpdater updater;
    private final WgConfigStore wgConfigs;
    private final Clock clock;
    private final boolean actOnLinks;
    private final Consumer<Event> events;
    private final EventDeriver deriver = new EventDeriver();
    private Instant cycleTime = Instant.EPOCH;
    /** What the last cycle left of every tracked peer; each cycle replaces it whole. */
    private Map<PeerId, TrackedPeer> peers = Map.of();
    private Optional<String> lastDumpError = Optional.empty();

    /**
     * @param actOnLinks false for an observer that must change nothing ({@code wgtrack status --once}):
     *                   it judges and pings, but never re-resolves or sets an endpoint
     * @param events     receives the cycle's events (state changes, endpoint repairs, live-state
     *                   failures) on the cycle thread, oldest first
     */
    Tracker(Pinger pinger, InterfaceAddresses interfaceAddresses, EndpointUpdater updater, WgConfigStore wgConfigs,
            Clock clock, boolean actOnLinks, Consumer<Event> events) {
        this.actOnLinks = actOnLinks;
        this.events = events;
        this.pinger = pinger;
        this.interfaceAddresses = interfaceAddresses;
        this.updater = updater;
        this.wgConfigs = wgConfigs;
        this.clock = clock;
    }

    /** Everything a peer's judgement needs, gathered before the pings of the cycle go out. */
    private record Work(PeerId id, PeerStatus live, Optional<Endpoint> configuredEndpoint, TrackingParams params,
                        Optional<String> name, TrackedPeer peer, HandshakeStatus handshake,
                        OptionalLong handshakeAgeSeconds, PingTarget target, boolean pingDue,
                        Optional<String> unpingableReason) {

        String describe() {
            return id.describe(name);
        }
    }

    Snapshot runCycle(WgtrackConfig config, Wg wg, Optional<Duration> previousCycle) throws InterruptedException {
        Instant now = clock.instant();
        cycleTime = now;
        applyResolutionOutcomes();
        LiveState live;
        try {
            live = wg.dump();
            if (lastDumpError.isPresent()) {
                Log.info("reading the live state works again");
                events.accept(EventDeriver.liveState(now, true, "reading the live state works again"));
                lastDumpError = Optional.empty();
            }
        } catch (WgException e) {
            if (!lastDumpError.equals(Optional.of(e.getMessage()))) {
                Log.error("reading the live state failed: " + e.getMessage() + " (retrying every cycle)");
            }
            if (lastDumpError.isEmpty()) {
                events.accept(EventDeriver.liveState(now, false, e.getMessage()));
            }
            lastDumpError = Optional.of(e.getMessage());
            return new Snapshot(now, lastDumpError, List.of(), previousCycle, updater.totals());
        }

        List<Work> work = gather(config, live, now);
        Map<PeerId, PingResult> pings = ping(work);
        List<PeerSnapshot> snapshots = new ArrayList<>(work.size());
        Map<PeerId, TrackedPeer> judged = new HashMap<>(work.size() * 4 / 3 + 1);
        for (Work w : work) {
            Optional<PingResult> ping = Optional.ofNullable(pings.get(w.id()));
            TrackedPeer peer = judge(w, ping.map(r -> r.success() ? PingOutcome.SUCCESS : PingOutcome.FAILURE)
                    .orElse(PingOutcome.NOT_SENT));
            judged.put(w.id(), peer);
            snapshots.add(snapshot(w, peer, ping.flatMap(PingResult::roundTrip)));
        }
        peers = judged; // a peer gone from the live state is forgotten: it starts afresh if it returns
        deriver.retain(judged.keySet());
        // Loops, not streams, here and below: code run once a cycle stays interpreted for a hundred
        // cycles or more, and a stream pipeline is many JDK methods to interpret.
        List<InterfaceSnapshot> interfaces = new ArrayList<>(live.interfaces().size());
        for (InterfaceStatus i : live.interfaces()) {
            if (config.trackingFor(i.name()).track()) {
                interfaces.add(new InterfaceSnapshot(i.name(), i.publicKey(), i.listenPort(), i.fwmark()));
            }
        }
        return new Snapshot(now, Optional.empty(), snapshots, previousCycle, updater.totals()).withInterfaces(interfaces);
    }

    private List<Work> gather(WgtrackConfig config, LiveState live, Instant now) {
        // Only the tracked interfaces' configurations are looked up: "track = no" means leave it alone.
        Set<String> interfaceNames = new LinkedHashSet<>();
        for (InterfaceStatus iface : live.interfaces()) {
            if (config.trackingFor(iface.name()).track()) {
                interfaceNames.add(iface.name());
            }
        }
        wgConfigs.track(interfaceNames);

        // Without a ping program every peer is judged as one with an unpingable target; the
        // daemon logs that once as an error, so no per-peer warning (the reason is left empty).
        boolean canPing = pinger.unavailable().isEmpty();
        int peerCount = 0;
        for (InterfaceStatus iface : live.interfaces()) {
            peerCount += iface.peers().size();
        }
        List<Work> work = new ArrayList<>(peerCount); // sized once: grown from ten, a 10,000-peer list is copied 17 times
        for (InterfaceStatus iface : live.interfaces()) {
            if (!config.trackingFor(iface.name()).track()) {
                continue;
            }
            // The interface's addresses decide a ping target only: not looked up while no peer of it is pinged.
            Families families = null;
            WgtrackConfig.PeerTracking tracking = config.peersOf(iface.name());
            Map<PublicKey, PeerConfig> configuredPeers = wgConfigs.peersOf(iface.name());
            for (PeerStatus status : iface.peers()) {
                TrackingParams params = tracking.params(status.publicKey());
                if (!params.track()) {
                    continue;
                }
                PeerId id = new PeerId(iface.name(), status.publicKey());
                TrackedPeer peer = peers.getOrDefault(id, TrackedPeer.NEW);
                PeerConfig configured = configuredPeers.get(status.publicKey()); // null: not in the interface's configuration
                // wgtrack.conf wins over the interface's own configuration, for the name as for the endpoint.
                // (Not Optional.or: its lambda would be one more object per peer and cycle.)
                Optional<String> name = params.name().isPresent() || configured == null ? params.name() : configured.name();
                Optional<Endpoint> endpoint = tracking.endpoint(status.publicKey());
                if (endpoint.isEmpty() && configured != null) {
                    endpoint = configured.endpoint();
                }
                HandshakeStatus handshake = HandshakeStatus.judge(status.latestHandshakeEpochSeconds(),
                        now.getEpochSecond(), params.handshakeTimeout());
                OptionalLong age = HandshakeStatus.ageSeconds(status.latestHandshakeEpochSeconds(), now.getEpochSecond());
                PingTarget target = NOT_PINGED;
                if (canPing && params.pingInterval() > 0) {
                    if (families == null) {
                        families = families(iface.name());
                    }
                    target = PingTarget.choose(params.pingAddress(), status.allowedIps(), families.ipv4(), families.ipv6());
                }
                boolean due = PeerStateMachine.pingDue(peer.track(), handshake, params, target.pingable());
                Optional<String> unpingable = params.pingInterval() > 0 ? target.unpingableReason() : Optional.empty();
                work.add(new Work(id, status, endpoint, params, name, peer, handshake, age, target, due, unpingable));
            }
        }
        return work;
    }

    /** The address families an interface carries, which decide the ping target among the allowed-ips. */
    private record Families(boolean ipv4, boolean ipv6) {
    }

    /** From the live interface, else its wg-quick {@code Address} lines; both when neither says. */
    private Families families(String interfaceName) {
        List<InetAddress> addresses = interfaceAddresses.of(interfaceName);
        if (addresses.isEmpty()) {
            List<AllowedIp> configured = wgConfigs.config(interfaceName).map(c -> c.interfaceAddresses()).orElse(List.of());
            addresses = new ArrayList<>(configured.size());
            for (AllowedIp ip : configured) {
                addresses.add(ip.address());
            }
        }
        if (addresses.isEmpty()) {
            return new Families(true, true);
        }
        boolean ipv4 = false;
        boolean ipv6 = false;
        for (InetAddress a : addresses) {
            if (Inet4Address.class.isInstance(a)) {
                ipv4 = true;
            } else if (!a.isLinkLocalAddress()) {
                ipv6 = true;
            }
        }
        return new Families(ipv4, ipv6);
    }

    /** Pings every peer that is due, all at once; each result under the peer it belongs to. */
    private Map<PeerId, PingResult> ping(List<Work> work) throws InterruptedException {
        List<PeerId> pinged = new ArrayList<>(work.size());
        List<PingRequest> requests = new ArrayList<>(work.size());
        for (Work w : work) {
            if (w.unpingableReason().isPresent() && !w.peer().unpingableWarned().equals(w.unpingableReason())) {
                Log.warning(w.describe() + ": not pinging: " + w.unpingableReason().get());
            }
            if (w.pingDue()) {
                pinged.add(w.id());
                requests.add(new PingRequest(w.id().interfaceName(), w.target().address().orElseThrow(), w.params().pingTimeout()));
            }
        }
        if (requests.isEmpty()) {
            return Map.of();
        }
        List<PingResult> results = pinger.pingAll(requests);
        if (results.size() != requests.size()) {
            throw new IllegalStateException("the pinger answered " + results.size() + " of " + requests.size() + " requests");
        }
        Map<PeerId, PingResult> byPeer = new HashMap<>(pinged.size() * 4 / 3 + 1);
        for (int i = 0; i < pinged.size(); i++) {
            byPeer.put(pinged.get(i), results.get(i));
        }
        return byPeer;
    }

    /** Runs the state machine for one peer, logs its transition, starts a due re-resolution. */
    private TrackedPeer judge(Work w, PingOutcome outcome) {
        EndpointKind kind = endpointKind(w);
        Observation observation = new Observation(w.handshake(), w.handshakeAgeSeconds(), outcome, w.target().pingable(), kind);
        Step step = PeerStateMachine.step(w.peer().track(), observation, w.params());
        if (step.transition().isPresent()) {
            Transition t = step.transition().get();
            Log.info(w.describe() + ": " + t.from().label() + " → " + t.to().label() + " (" + t.reason() + ")");
            deriver.transition(cycleTime, w.id(), w.name(), t, w.configuredEndpoint().or(() -> w.live().endpoint()))
                    .ifPresent(events);
        }
        if (actOnLinks && step.resolveNow() && kind == EndpointKind.HOSTNAME) {
            Endpoint configured = w.configuredEndpoint().orElseThrow();
            updater.request(new EndpointUpdater.Request(w.id(), w.name(), w.describe(), configured, w.live().endpoint(),
                    w.params().addressFamily()));
        }
        return w.peer().judged(step.next(), w.unpingableReason());
    }

    private static EndpointKind endpointKind(Work w) {
        Optional<Endpoint> configured = w.configuredEndpoint();
        if (configured.isPresent() && configured.get().isHostname()) {
            return EndpointKind.HOSTNAME;
        }
        if (configured.isPresent() || w.live().endpoint().isPresent()) {
            return EndpointKind.LITERAL;
        }
        return EndpointKind.NONE;
    }

    /** Counts the endpoints set since the last cycle into their peers (a peer gone since is not brought back). */
    private void applyResolutionOutcomes() {
        Map<PeerId, TrackedPeer> updated = null;
        for (EndpointUpdater.Outcome outcome : updater.drain()) {
            announce(outcome);
            TrackedPeer peer = updated == null ? peers.get(outcome.peer()) : updated.get(outcome.peer());
            if (peer != null && outcome.result() == EndpointUpdater.Result.CHANGED) {
                if (updated == null) {
                    updated = new HashMap<>(peers);
                }
                updated.put(outcome.peer(), peer.withEndpointChangedAt(outcome.at()));
            }
        }
        if (updated != null) {
            peers = updated;
        }
    }

    /** An endpoint set or a lookup that failed is news for the hooks. */
    private void announce(EndpointUpdater.Outcome outcome) {
        switch (outcome.result()) {
            case CHANGED -> events.accept(EventDeriver.endpointChanged(outcome.at(), outcome.peer(), outcome.name(), outcome.before(),
                    outcome.after().orElseThrow(), outcome.message()));
            case FAILED -> deriver.resolutionFailed(outcome.at(), outcome.peer(), outcome.name(), outcome.message(), outcome.before())
                    .ifPresent(events);
            case UNCHANGED -> {
            }
        }
    }

    private static PeerSnapshot snapshot(Work w, TrackedPeer peer, Optional<Duration> pingRoundTrip) {
        PeerStatus live = w.live();
        return new PeerSnapshot(w.id().interfaceName(), w.id().publicKey(), w.name(), peer.track().state(), w.handshake(),
                live.latestHandshakeEpochSeconds(), w.handshakeAgeSeconds(), live.rxBytes(), live.txBytes(),
                live.endpoint(), w.configuredEndpoint(), live.allowedIps(),
                pingRoundTrip, peer.endpointUpdates(), peer.lastEndpointChange());
    }
}
