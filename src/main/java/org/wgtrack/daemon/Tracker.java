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
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.log.Log;
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
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerConfig;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PeerStatus;

/**
 * One cycle of SPEC §1–4: read the live state, judge every tracked peer (pinging those that
 * are due, all at once), run the state machine, start due re-resolutions, and freeze the
 * result into a {@link Snapshot}. Runs on the cycle thread only; the pure decisions are in
 * {@link PeerStateMachine}, the side effects behind the {@code system} interfaces.
 */
final class Tracker {

    private static final PingTarget NO_PING_PROGRAM = new PingTarget(Optional.empty(), Optional.empty());

    private final Pinger pinger;
    private final InterfaceAddresses interfaceAddresses;
    private final EndpointUpdater updater;
    private final WgConfigStore wgConfigs;
    private final Clock clock;
    private final boolean actOnLinks;
    private final Map<PeerId, TrackedPeer> peers = new HashMap<>();
    private Optional<String> lastDumpError = Optional.empty();

    /**
     * @param actOnLinks false for an observer that must change nothing ({@code wgtrack status --once}):
     *                   it judges and pings, but never re-resolves or sets an endpoint
     */
    Tracker(Pinger pinger, InterfaceAddresses interfaceAddresses, EndpointUpdater updater, WgConfigStore wgConfigs,
            Clock clock, boolean actOnLinks) {
        this.actOnLinks = actOnLinks;
        this.pinger = pinger;
        this.interfaceAddresses = interfaceAddresses;
        this.updater = updater;
        this.wgConfigs = wgConfigs;
        this.clock = clock;
    }

    /** Everything a peer's judgement needs, gathered before the pings of the cycle go out. */
    private record Work(PeerId id, PeerStatus live, Optional<PeerConfig> configured, TrackingParams params,
                        Optional<String> name, TrackedPeer peer, HandshakeStatus handshake,
                        OptionalLong handshakeAgeSeconds, PingTarget target, boolean pingDue) {

        String describe() {
            return id.describe(name);
        }
    }

    Snapshot runCycle(WgtrackConfig config, Wg wg, Optional<Duration> previousCycle) throws InterruptedException {
        Instant now = clock.instant();
        applyResolutionOutcomes();
        LiveState live;
        try {
            live = wg.dump();
            if (lastDumpError.isPresent()) {
                Log.info("reading the live state works again");
                lastDumpError = Optional.empty();
            }
        } catch (WgException e) {
            if (!lastDumpError.equals(Optional.of(e.getMessage()))) {
                Log.error("reading the live state failed: " + e.getMessage() + " (retrying every cycle)");
            }
            lastDumpError = Optional.of(e.getMessage());
            return new Snapshot(now, lastDumpError, List.of(), previousCycle, updater.totals());
        }

        List<Work> work = gather(config, live, now);
        List<PingResult> results = ping(work);
        List<PeerSnapshot> snapshots = new ArrayList<>(work.size());
        int next = 0;
        for (Work w : work) {
            PingOutcome outcome = PingOutcome.NOT_SENT;
            w.peer().pingRoundTrip = Optional.empty();
            if (w.pingDue()) {
                PingResult result = results.get(next++);
                outcome = result.success() ? PingOutcome.SUCCESS : PingOutcome.FAILURE;
                w.peer().pingRoundTrip = result.roundTrip();
            }
            judge(w, outcome);
            snapshots.add(snapshot(w));
        }
        return new Snapshot(now, Optional.empty(), snapshots, previousCycle, updater.totals());
    }

    private List<Work> gather(WgtrackConfig config, LiveState live, Instant now) {
        Set<String> interfaceNames = new LinkedHashSet<>();
        live.interfaces().forEach(i -> interfaceNames.add(i.name()));
        wgConfigs.track(interfaceNames);

        // Without a ping program every peer is judged as one with an unpingable target; the
        // daemon logs that once as an error, so no per-peer warning (the reason is left empty).
        boolean canPing = pinger.unavailable().isEmpty();
        List<Work> work = new ArrayList<>();
        Set<PeerId> seen = new java.util.HashSet<>();
        for (InterfaceStatus iface : live.interfaces()) {
            if (!config.trackingFor(iface.name()).track()) {
                continue;
            }
            Families families = families(iface.name());
            for (PeerStatus status : iface.peers()) {
                TrackingParams params = config.trackingFor(iface.name(), status.publicKey());
                if (!params.track()) {
                    continue;
                }
                PeerId id = new PeerId(iface.name(), status.publicKey());
                seen.add(id);
                TrackedPeer peer = peers.computeIfAbsent(id, k -> new TrackedPeer());
                Optional<PeerConfig> configured = wgConfigs.peer(iface.name(), status.publicKey());
                Optional<String> name = params.name().or(() -> configured.flatMap(PeerConfig::name));
                HandshakeStatus handshake = HandshakeStatus.judge(status.latestHandshakeEpochSeconds(),
                        now.getEpochSecond(), params.handshakeTimeout());
                OptionalLong age = HandshakeStatus.ageSeconds(status.latestHandshakeEpochSeconds(), now.getEpochSecond());
                PingTarget target = canPing
                        ? PingTarget.choose(params.pingAddress(), status.allowedIps(), families.ipv4(), families.ipv6())
                        : NO_PING_PROGRAM;
                boolean due = PeerStateMachine.pingDue(peer.track, handshake, params, target.pingable());
                work.add(new Work(id, status, configured, params, name, peer, handshake, age, target, due));
            }
        }
        peers.keySet().retainAll(seen);
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
            addresses = configured.stream().map(AllowedIp::address).toList();
        }
        if (addresses.isEmpty()) {
            return new Families(true, true);
        }
        return new Families(addresses.stream().anyMatch(a -> a instanceof Inet4Address),
                addresses.stream().anyMatch(a -> !(a instanceof Inet4Address) && !a.isLinkLocalAddress()));
    }

    private List<PingResult> ping(List<Work> work) throws InterruptedException {
        List<PingRequest> requests = new ArrayList<>();
        for (Work w : work) {
            warnIfUnpingable(w);
            if (w.pingDue()) {
                requests.add(new PingRequest(w.id().interfaceName(), w.target().address().orElseThrow(), w.params().pingTimeout()));
            }
        }
        return requests.isEmpty() ? List.of() : pinger.pingAll(requests);
    }

    private void warnIfUnpingable(Work w) {
        Optional<String> reason = w.params().pingInterval() > 0 ? w.target().unpingableReason() : Optional.empty();
        if (reason.isPresent() && !reason.equals(w.peer().unpingableWarned)) {
            Log.warning(w.describe() + ": not pinging: " + reason.get());
        }
        w.peer().unpingableWarned = reason;
    }

    private void judge(Work w, PingOutcome outcome) {
        EndpointKind kind = endpointKind(w);
        Observation observation = new Observation(w.handshake(), w.handshakeAgeSeconds(), outcome, w.target().pingable(), kind);
        Step step = PeerStateMachine.step(w.peer().track, observation, w.params());
        w.peer().track = step.next();
        step.transition().ifPresent(t -> Log.info(w.describe() + ": " + t.from().label() + " → " + t.to().label() + " (" + t.reason() + ")"));
        if (actOnLinks && step.resolveNow() && kind == EndpointKind.HOSTNAME) {
            Endpoint configured = w.configured().flatMap(PeerConfig::endpoint).orElseThrow();
            updater.request(new EndpointUpdater.Request(w.id(), w.describe(), configured, w.live().endpoint(), w.params().addressFamily()));
        }
    }

    private static EndpointKind endpointKind(Work w) {
        Optional<Endpoint> configured = w.configured().flatMap(PeerConfig::endpoint);
        if (configured.isPresent() && configured.get().isHostname()) {
            return EndpointKind.HOSTNAME;
        }
        if (configured.isPresent() || w.live().endpoint().isPresent()) {
            return EndpointKind.LITERAL;
        }
        return EndpointKind.NONE;
    }

    private void applyResolutionOutcomes() {
        for (EndpointUpdater.Outcome outcome : updater.drain()) {
            TrackedPeer peer = peers.get(outcome.peer());
            if (peer != null && outcome.result() == EndpointUpdater.Result.CHANGED) {
                peer.endpointUpdates++;
                peer.lastEndpointChange = Optional.of(outcome.at());
            }
        }
    }

    private static PeerSnapshot snapshot(Work w) {
        PeerStatus live = w.live();
        TrackedPeer peer = w.peer();
        return new PeerSnapshot(w.id().interfaceName(), w.id().publicKey(), w.name(), peer.track.state(), w.handshake(),
                live.latestHandshakeEpochSeconds(), w.handshakeAgeSeconds(), live.rxBytes(), live.txBytes(),
                live.endpoint(), w.configured().flatMap(PeerConfig::endpoint), live.allowedIps(),
                peer.pingRoundTrip, peer.endpointUpdates, peer.lastEndpointChange);
    }

    int trackedPeers() {
        return peers.size();
    }
}
