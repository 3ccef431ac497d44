package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.ini.ConfigProblem;
import org.wgtrack.log.LogLevel;
import org.wgtrack.output.InterfaceSnapshot;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.system.InterfaceAddresses;
import org.wgtrack.testing.CountingExecutor;
import org.wgtrack.testing.FakePinger;
import org.wgtrack.testing.FakeResolver;
import org.wgtrack.testing.FakeWgBackend;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.testing.ManualTicker;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.TrackingParamsBuilder;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerStatus;
import org.wgtrack.wg.PublicKey;

/** The daemon's cycle with every outside system faked: what it pings, asks, sets and reports. */
class DaemonTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final PublicKey HUB = new PublicKey("HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=");
    private static final PublicKey ALPHA = new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=");
    private static final long FRESH = NOW.getEpochSecond() - 5;
    private static final org.wgtrack.output.OutputPlan EMPTY_PLAN = new org.wgtrack.output.OutputPlan(List.of(), List.of());
    private static final long STALE = NOW.getEpochSecond() - 1000;

    @TempDir
    Path dir;

    private final FakeWgBackend wg = new FakeWgBackend();
    private final FakePinger pinger = new FakePinger();
    private final FakeResolver resolver = new FakeResolver(wg::dumps);
    private CountingExecutor lookupThreads;
    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);
    private Daemon daemon;

    @AfterEach
    void stop() {
        resolver.release();
        if (daemon != null) {
            daemon.close();
        }
    }

    private String log() {
        return logged.text();
    }

    private static WgtrackConfig config(Duration cycleTime, Path wireguardDir, TrackingParams params) {
        WgtrackConfig.TrackingResolver resolver = new WgtrackConfig.TrackingResolver() {
            @Override
            public TrackingParams forInterface(String interfaceName) {
                return params;
            }

            @Override
            public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                return params;
            }
        };
        return new WgtrackConfig("test.conf", new GeneralSettings(cycleTime, LogLevel.INFO, wireguardDir, "wg"),
                resolver, List.of(), List.of());
    }

    private Daemon daemon(WgtrackConfig config, Daemon.ConfigSource reload, Daemon.Ticker ticker) {
        return daemon(config, reload, ticker, name -> List.of());
    }

    private Daemon daemon(WgtrackConfig config, Daemon.ConfigSource reload, Daemon.Ticker ticker, InterfaceAddresses addresses) {
        lookupThreads = new CountingExecutor(); // the daemon shuts its lookup threads down when it stops
        daemon = new Daemon(config, Optional.empty(), EMPTY_PLAN, reload, general -> wg, sections -> EMPTY_PLAN,
                pinger, new Lookups(resolver, lookupThreads, Duration.ofSeconds(5)), addresses, Clock.fixed(NOW, ZoneOffset.UTC), ticker);
        return daemon;
    }

    private Daemon daemon(TrackingParams params) {
        return daemon(config(Duration.ofSeconds(30), dir, params), () -> config(Duration.ofSeconds(30), dir, params),
                Daemon.Ticker.SYSTEM);
    }

    private void wgQuick(String endpoint) throws Exception {
        Files.writeString(dir.resolve("wg0.conf"), """
                [Interface]
                PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=

                [Peer]
                # Name = alpha
                PublicKey = %s
                Endpoint = %s
                AllowedIPs = 10.10.0.2/32
                """.formatted(ALPHA.base64(), endpoint));
    }

    private static LiveState live(long handshake, String endpoint, PublicKey... peers) {
        List<PeerStatus> statuses = new ArrayList<>();
        for (PublicKey key : peers) {
            statuses.add(new PeerStatus("wg0", key, Optional.of(Endpoint.parse(endpoint)), List.of(AllowedIp.parse("10.10.0.2/32")),
                    handshake, 100, 200, OptionalInt.empty()));
        }
        return new LiveState(List.of(new InterfaceStatus("wg0", Optional.of(HUB), OptionalInt.of(51820), OptionalLong.empty(), statuses)));
    }

    private Snapshot cycle() throws Exception {
        Snapshot snapshot = daemon.runCycle(Optional.empty());
        assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();
        return snapshot;
    }

    @Test
    void lostLinkIsReResolvedOnTheSpecTimeline() throws Exception {
        wgQuick("alpha.example:51820");
        resolver.answer("alpha.example", InetAddress.getByName("192.0.2.1"));
        pinger.reachable(InetAddress.getByName("10.10.0.2"), true);
        AtomicReference<Long> handshake = new AtomicReference<>(FRESH);
        wg.serve(() -> live(handshake.get(), "192.0.2.1:51820", ALPHA));
        daemon(TrackingParams.DEFAULTS);

        for (int cycle = 1; cycle <= 3; cycle++) {
            assertThat(cycle().peers()).extracting(PeerSnapshot::state).containsExactly(PeerState.UP_OK);
        }
        handshake.set(STALE);
        List<PeerState> states = new ArrayList<>();
        for (int cycle = 4; cycle <= 104; cycle++) {
            states.add(cycle().peers().get(0).state());
        }

        // The link is lost at cycle 4 ("cycle 0" of the SPEC's timeline).
        assertThat(resolver.lookups()).extracting(FakeResolver.Lookup::cycle)
                .containsExactly(6, 8, 10, 12, 16, 24, 40, 60, 80, 100);
        assertThat(states.subList(0, 2)).containsOnly(PeerState.DOWN_WAITING);
        assertThat(states.get(2)).isEqualTo(PeerState.DOWN_CHECKING);
        assertThat(states.get(100)).isEqualTo(PeerState.DOWN_SLOWCHECKING);
        assertThat(wg.setCalls()).as("the name still points at the current address").isEmpty();
        assertThat(log()).contains("<6>wg0 alpha (xTIBA5rb…): up:ok → down:waiting (");
    }

    @Test
    void movedIpv6PeerGetsABracketedEndpointAtStartUp() throws Exception {
        wgQuick("alpha.example:51820");
        resolver.answer("alpha.example", InetAddress.getByName("2001:db8::2"));
        wg.serve(() -> live(0, "[2001:db8::1]:51820", ALPHA));
        daemon(TrackingParams.DEFAULTS);

        Snapshot first = cycle();

        assertThat(first.peers().get(0).state()).isEqualTo(PeerState.DOWN_CHECKING);
        assertThat(wg.setCalls()).containsExactly("wg0 " + ALPHA.shortForm() + " [2001:db8::2]:51820");
        assertThat(log()).contains("endpoint [2001:db8::1]:51820 → [2001:db8::2]:51820 (alpha.example re-resolved)");
        assertThat(cycle().peers().get(0).endpointUpdates()).isEqualTo(1);
    }

    @Test
    void addressFamilyPicksTheAllowedAddressAmongTheAnswers() throws Exception {
        wgQuick("alpha.example:51820");
        resolver.answer("alpha.example", InetAddress.getByName("2001:db8::2"), InetAddress.getByName("198.51.100.2"));
        wg.serve(() -> live(0, "192.0.2.1:51820", ALPHA));
        TrackingParams ipv4 = TrackingParamsBuilder.defaults().withAddressFamily(org.wgtrack.config.AddressFamily.IPV4).build();
        daemon(ipv4);

        cycle();

        assertThat(wg.setCalls()).containsExactly("wg0 " + ALPHA.shortForm() + " 198.51.100.2:51820");
    }

    @Test
    void literalEndpointGoesDownWithoutLookups() throws Exception {
        wgQuick("192.0.2.1:51820");
        wg.serve(() -> live(STALE, "192.0.2.1:51820", ALPHA));
        daemon(TrackingParams.DEFAULTS);

        for (int i = 0; i < 10; i++) {
            assertThat(cycle().peers().get(0).state()).isEqualTo(PeerState.DOWN);
        }
        assertThat(resolver.lookups()).isEmpty();
    }

    @Test
    void deadResolverNeverHoldsUpACycleAndIsNotAskedAgainWhileHanging() throws Exception {
        List<PublicKey> keys = new ArrayList<>();
        StringBuilder conf = new StringBuilder("[Interface]\n");
        for (int i = 0; i < 200; i++) {
            PublicKey key = TestKeys.numbered(i);
            keys.add(key);
            conf.append("[Peer]\nPublicKey = ").append(key.base64()).append("\nEndpoint = peer").append(i).append(".example:51820\n");
        }
        Files.writeString(dir.resolve("wg0.conf"), conf);
        wg.serve(() -> live(0, "192.0.2.1:51820", keys.toArray(PublicKey[]::new)));
        resolver.hang();
        daemon(TrackingParams.DEFAULTS);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 6; i++) {
                daemon.runCycle(Optional.empty());
            }
        });

        assertThat(resolver.lookups()).extracting(FakeResolver.Lookup::hostname).doesNotHaveDuplicates();
        resolver.release();
        assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(resolver.lookups()).as("each peer asked once: none again while its lookup hung")
                .extracting(FakeResolver.Lookup::hostname).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void anEndpointNamedInWgtrackConfIsReResolvedWhenNoConfigurationFileNamesOne() throws Exception {
        // No wg-quick file: the peer was set up with wg set; wgtrack.conf names its endpoint.
        resolver.answer("alpha.example", InetAddress.getByName("192.0.2.9"));
        wg.serve(() -> live(STALE, "192.0.2.1:51820", ALPHA));
        WgtrackConfig.TrackingResolver tracking = new WgtrackConfig.TrackingResolver() {
            @Override
            public TrackingParams forInterface(String interfaceName) {
                return TrackingParams.DEFAULTS;
            }

            @Override
            public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                return TrackingParams.DEFAULTS;
            }

            @Override
            public Optional<Endpoint> endpoint(String interfaceName, PublicKey peer) {
                return peer.equals(ALPHA) ? Optional.of(Endpoint.parse("alpha.example:51820")) : Optional.empty();
            }
        };
        WgtrackConfig config = new WgtrackConfig("test.conf", new GeneralSettings(Duration.ofSeconds(30), LogLevel.INFO, dir, "wg"),
                tracking, List.of(), List.of());
        daemon(config, () -> config, Daemon.Ticker.SYSTEM);

        Snapshot first = cycle();

        assertThat(first.peers().get(0).state()).isEqualTo(PeerState.DOWN_CHECKING);
        assertThat(first.peers().get(0).configEndpoint()).contains(Endpoint.parse("alpha.example:51820"));
        assertThat(resolver.lookups()).extracting(FakeResolver.Lookup::hostname).containsExactly("alpha.example");
        assertThat(wg.setCalls()).containsExactly("wg0 xTIBA5rb… 192.0.2.9:51820");
        assertThat(cycle().peers().get(0).endpointUpdates()).isEqualTo(1);
    }

    @Test
    void anUntrackedInterfaceIsLeftAloneItsConfigurationNotLookedUp() throws Exception {
        TrackingParams untracked = TrackingParamsBuilder.defaults().withTrack(false).build();
        WgtrackConfig.TrackingResolver tracking = new WgtrackConfig.TrackingResolver() {
            @Override
            public TrackingParams forInterface(String interfaceName) {
                return interfaceName.equals("wg9") ? untracked : TrackingParams.DEFAULTS;
            }

            @Override
            public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                return forInterface(interfaceName);
            }
        };
        WgtrackConfig config = new WgtrackConfig("test.conf", new GeneralSettings(Duration.ofSeconds(30), LogLevel.INFO, dir, "wg"),
                tracking, List.of(), List.of());
        LiveState wg0 = live(FRESH, "192.0.2.1:51820", ALPHA);
        wg.serve(() -> new LiveState(List.of(wg0.interfaces().get(0),
                new InterfaceStatus("wg9", Optional.of(HUB), OptionalInt.of(51829), OptionalLong.empty(), List.of()))));
        daemon(config, () -> config, Daemon.Ticker.SYSTEM);

        Snapshot snapshot = cycle();
        assertThat(snapshot.peers()).extracting(PeerSnapshot::interfaceName).containsOnly("wg0");
        // nor is it an interface of the snapshot (the device lists of the compatibility outputs)
        assertThat(snapshot.interfaces()).extracting(InterfaceSnapshot::name).containsExactly("wg0");
        assertThat(log()).contains("wg0: no ").doesNotContain("wg9");
    }

    @Test
    void eachPingResultReachesThePeerItWasSentFor() throws Exception {
        PublicKey unpingable = new PublicKey("mRcPuxg0d6NalMm/OQt3AgnTKlldSph9QfSz5ZJHGr4=");
        PublicKey silent = new PublicKey("BRlLtV3KYPgfuBBkoWqIw6NfqJFDCGTtP7jvM9c1pks=");
        pinger.reachable(InetAddress.getByName("10.10.0.2"), true);
        wg.serve(() -> new LiveState(List.of(new InterfaceStatus("wg0", Optional.of(HUB), OptionalInt.of(51820), OptionalLong.empty(), List.of(
                new PeerStatus("wg0", ALPHA, Optional.empty(), List.of(AllowedIp.parse("10.10.0.2/32")), FRESH, 1, 1, OptionalInt.empty()),
                new PeerStatus("wg0", unpingable, Optional.empty(), List.of(), FRESH, 1, 1, OptionalInt.empty()),
                new PeerStatus("wg0", silent, Optional.empty(), List.of(AllowedIp.parse("10.10.0.4/32")), FRESH, 1, 1, OptionalInt.empty()))))));
        daemon(TrackingParams.DEFAULTS);

        Snapshot snapshot = cycle();

        assertThat(pinger.requests()).extracting(r -> r.target().getHostAddress()).containsExactly("10.10.0.2", "10.10.0.4");
        assertThat(snapshot.peers()).extracting(p -> p.publicKey().base64(), p -> p.pingRoundTrip().isPresent()).containsExactly(
                tuple(ALPHA.base64(), true), tuple(unpingable.base64(), false), tuple(silent.base64(), false));
        assertThat(log()).contains("wg0 mRcPuxg0…: not pinging: no allowed-ips to ping");
    }

    @Test
    void theInterfacesAddressesPickThePingTargetAndAreNotAskedWhileNothingIsPinged() throws Exception {
        wg.serve(() -> new LiveState(List.of(new InterfaceStatus("wg0", Optional.of(HUB), OptionalInt.of(51820), OptionalLong.empty(), List.of(
                new PeerStatus("wg0", ALPHA, Optional.empty(), List.of(AllowedIp.parse("10.10.0.2/32"), AllowedIp.parse("fd00:10::2/128")),
                        FRESH, 1, 1, OptionalInt.empty()))))));
        List<String> asked = new ArrayList<>();
        InetAddress hubAddress = InetAddress.getByName("fd00:10::1");
        InterfaceAddresses ipv6Only = name -> {
            asked.add(name);
            return List.of(hubAddress);
        };
        TrackingParams pingEveryCycle = TrackingParamsBuilder.defaults().withPingInterval(1).build();
        daemon(config(Duration.ofSeconds(30), dir, pingEveryCycle), () -> config(Duration.ofSeconds(30), dir, pingEveryCycle),
                Daemon.Ticker.SYSTEM, ipv6Only);
        cycle();
        assertThat(pinger.requests()).extracting(r -> r.target().getHostAddress()).containsExactly("fd00:10:0:0:0:0:0:2");
        assertThat(asked).containsExactly("wg0");
        daemon.close();

        TrackingParams neverPing = TrackingParamsBuilder.defaults().withPingInterval(0).build();
        daemon(config(Duration.ofSeconds(30), dir, neverPing), () -> config(Duration.ofSeconds(30), dir, neverPing),
                Daemon.Ticker.SYSTEM, ipv6Only);
        Snapshot snapshot = cycle();
        assertThat(asked).containsExactly("wg0");
        assertThat(pinger.requests()).hasSize(1);
        assertThat(snapshot.peers()).singleElement().satisfies(p -> assertThat(p.isUp()).isTrue());
    }

    @Test
    void peerThatVanishesIsDroppedAndStartsAfreshWhenItReturns() throws Exception {
        wgQuick("192.0.2.1:51820");
        AtomicReference<LiveState> state = new AtomicReference<>(live(STALE, "192.0.2.1:51820", ALPHA));
        wg.serve(state::get);
        daemon(TrackingParams.DEFAULTS);
        assertThat(cycle().peers()).hasSize(1);
        cycle();

        state.set(live(STALE, "192.0.2.1:51820"));
        assertThat(cycle().peers()).isEmpty();

        state.set(live(STALE, "192.0.2.1:51820", ALPHA));
        assertThat(cycle().peers()).singleElement().extracting(PeerSnapshot::state).isEqualTo(PeerState.DOWN);
        assertThat(log().lines().filter(l -> l.contains(": undefined → down ("))).as("judged from scratch twice").hasSize(2);
    }

    @Test
    void failedDumpReportsTheErrorAndNoPeers() throws Exception {
        wg.fail("wg show all dump failed with exit status 1");
        daemon(TrackingParams.DEFAULTS);

        Snapshot snapshot = cycle();

        assertThat(snapshot.liveStateOk()).isFalse();
        assertThat(snapshot.peers()).isEmpty();
        assertThat(log()).contains("reading the live state failed: wg show all dump failed with exit status 1");
    }

    @Test
    void cyclesStartAtAFixedRateAndAnOverrunStartsTheNextAtOnce() {
        long second = 1_000_000_000L;
        ManualTicker ticker = new ManualTicker();
        List<Long> starts = new ArrayList<>();
        wg.serve(() -> {
            starts.add(ticker.nanoTime());
            ticker.advance(starts.size() == 3 ? 25 * second : second / 10);
            return new LiveState(List.of());
        });
        WgtrackConfig config = config(Duration.ofSeconds(10), dir, TrackingParams.DEFAULTS);
        daemon(config, () -> config, ticker).run(6);

        assertThat(starts).containsExactly(0L, 10 * second, 20 * second, 45 * second, 55 * second, 65 * second);
        assertThat(log()).contains("cycle took 25 s, longer than cycle_time 10 s; starting the next one now");
    }

    @Test
    void cyclesThatAlwaysOverrunAreLoggedOnceThenCountedEveryFiveMinutes() {
        long second = 1_000_000_000L;
        ManualTicker ticker = new ManualTicker();
        int[] calls = {0};
        wg.serve(() -> {
            calls[0]++;
            ticker.advance(calls[0] % 100 == 0 ? 7 * second : 2 * second);
            return new LiveState(List.of());
        });
        WgtrackConfig config = config(Duration.ofSeconds(1), dir, TrackingParams.DEFAULTS);
        daemon(config, () -> config, ticker).run(300); // ten minutes of cycles that take 2 s, some 7 s, every 1 s

        List<String> overrunLines = log().lines().filter(l -> l.contains("longer than cycle_time")).toList();
        assertThat(overrunLines).as("overrun lines in %d s of cycles", ticker.nanoTime() / second).hasSizeBetween(2, 4);
        assertThat(overrunLines.get(0)).endsWith("cycle took 2 s, longer than cycle_time 1 s; starting the next one now"
                + " (more such cycles are counted and reported every 5 min)");
        assertThat(overrunLines.get(1)).endsWith("more cycles took longer than cycle_time 1 s in the last 5 min, the longest 7 s");
        assertThat(overrunLines.subList(1, overrunLines.size()))
                .allMatch(l -> l.matches("<4>\\d+ more cycles took longer than cycle_time 1 s in the last \\d min, the longest 7 s"));
        long counted = overrunLines.subList(1, overrunLines.size()).stream()
                .mapToLong(l -> Long.parseLong(l.replaceAll("<4>(\\d+) more cycles.*", "$1"))).sum();
        assertThat(1 + counted).as("every overrun is logged or counted").isEqualTo(300);
    }

    @Test
    void withoutAPingProgramPeersAreJudgedByHandshakeAloneUntilAReloadFindsOne() throws Exception {
        wgQuick("192.0.2.1:51820");
        wg.serve(() -> live(FRESH, "192.0.2.1:51820", ALPHA));
        pinger.unavailable(Optional.of("no ping program (install fping or iputils-ping)"));
        WgtrackConfig config = config(Duration.ofSeconds(30), dir, TrackingParams.DEFAULTS);
        daemon(config, () -> config, Daemon.Ticker.SYSTEM);

        for (int cycle = 1; cycle <= 3; cycle++) {
            Snapshot snapshot = cycle();
            assertThat(snapshot.peers()).extracting(PeerSnapshot::state).containsExactly(PeerState.UP_OK);
            assertThat(snapshot.peers().get(0).pingRoundTrip()).isEmpty();
        }
        assertThat(pinger.requests()).isEmpty();
        assertThat(log()).doesNotContain("not pinging").doesNotContain("→ down");

        pinger.onRedetect(Optional.empty());
        pinger.reachable(InetAddress.getByName("10.10.0.2"), true);
        daemon.requestReload();
        daemon.run(1);

        assertThat(pinger.redetections()).isEqualTo(1);
        assertThat(pinger.requests()).extracting(r -> r.target().getHostAddress()).containsExactly("10.10.0.2");
    }

    @Test
    void brokenReloadKeepsTheRunningConfigurationAndPeerStates() throws Exception {
        wgQuick("alpha.example:51820");
        resolver.answer("alpha.example", InetAddress.getByName("192.0.2.1"));
        // The running configuration names the peer "kept", which every transition line shows.
        WgtrackConfig running = config(Duration.ofSeconds(30), dir, TrackingParamsBuilder.defaults().withName("kept").build());
        wg.serve(() -> live(STALE, "192.0.2.1:51820", ALPHA));
        daemon(running, () -> running, new ManualTicker()).run(12);
        assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();
        List<String> undisturbed = transitions();
        logged.clear();

        AtomicInteger loads = new AtomicInteger();
        Daemon.ConfigSource broken = () -> {
            loads.incrementAndGet();
            throw new ConfigException(new ConfigProblem("test.conf", 3, "general", "cycle_time", "invalid value 'fast'"));
        };
        int dumpsBefore = wg.dumps();
        wg.serve(() -> {
            if (wg.dumps() == dumpsBefore + 4) {
                daemon.requestReload(); // served before the fifth cycle
            }
            return live(STALE, "192.0.2.1:51820", ALPHA);
        });
        daemon(running, broken, new ManualTicker()).run(12);
        assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();

        assertThat(loads).hasValue(1);
        assertThat(log()).contains("configuration not reloaded, keeping the previous one:")
                .contains("test.conf:3: [general] cycle_time: invalid value 'fast'");
        assertThat(transitions()).as("the same transitions, under the same name, as without the reload")
                .isEqualTo(undisturbed).allMatch(l -> l.contains("wg0 kept ("));
        assertThat(log()).as("the refused reload fell between the peer's first and second change")
                .containsSubsequence(undisturbed.get(0), "configuration not reloaded", undisturbed.get(1));
    }

    /** The transitions logged so far, without the daemon's other lines. */
    private List<String> transitions() {
        return log().lines().filter(l -> l.contains(" → ")).toList();
    }

    @Test
    void failingOutputIsLoggedOnceWhileItFailsAndTriedEveryCycle() throws Exception {
        Path target = dir.resolve("missing/influx.out");
        org.wgtrack.output.OutputPlan plan = new org.wgtrack.output.OutputPlan(
                List.of(new org.wgtrack.output.InfluxSpec("influx", target, org.wgtrack.output.CounterType.INTEGER)), List.of());
        wgQuick("192.0.2.1:51820");
        wg.serve(() -> live(FRESH, "192.0.2.1:51820", ALPHA));
        WgtrackConfig config = config(Duration.ofSeconds(30), dir, TrackingParams.DEFAULTS);
        lookupThreads = new CountingExecutor();
        daemon = new Daemon(config, Optional.empty(), plan, () -> config, general -> wg, sections -> plan,
                pinger, new Lookups(resolver, lookupThreads, Duration.ofSeconds(5)), name -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                Daemon.Ticker.SYSTEM);

        for (int i = 0; i < 3; i++) {
            cycle();
        }
        assertThat(log().lines().filter(l -> l.contains("output influx:"))).hasSize(1);

        Files.createDirectories(target.getParent());
        cycle();
        assertThat(target).exists();
        assertThat(Files.readString(target)).contains("wgtrack,interface=wg0,name=alpha,peer=" + ALPHA.base64().replace("=", "\\="));

        Files.delete(target);
        Files.delete(target.getParent());
        cycle();
        assertThat(log().lines().filter(l -> l.contains("output influx:"))).as("a new failure after a success is logged at once").hasSize(2);
    }
}
