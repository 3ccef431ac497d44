package org.wgtrack.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.wgtrack.DaemonProcess;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.SpecSchedule;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.ConfigText;
import org.wgtrack.wg.InterfaceConfig;
import org.wgtrack.wg.NetdevParser;
import org.wgtrack.wg.NmKeyfileParser;
import org.wgtrack.wg.PeerConfig;
import org.wgtrack.wg.PublicKey;
import org.wgtrack.wg.WgQuickParser;

/**
 * The real daemon ({@code bin/wgtrack}, inside the lab's hub namespace) against a real
 * userspace WireGuard (wireguard-go), a real resolver (glibc → the lab's dnsmasq) and real
 * pings, judged by what an operator sees: {@code wg show} in the hub, the output files,
 * {@code /metrics} and {@code /status}, the log, and dnsmasq's query log.
 *
 * <p>Every test builds its own lab and daemon and removes both, also when it fails. Timers are
 * short (see {@link #CYCLE}): a link lost at cycle 0 is re-resolved at cycles 1, 2 (checking),
 * 4 (backing off by 2), then every 4 cycles: 8, 12, 16, … Logs and outputs of each test stay in
 * {@code target/lab-it/<test>/} for inspection.
 */
class DaemonLabIT {

    /** cycle_time; the bounds below are in cycles of this length. */
    private static final Duration CYCLE = Duration.ofSeconds(1);
    private static final int PING_FAILAFTERNUM = 2;
    private static final int CYCLES_WAIT = 1;
    private static final int CYCLES_CHECKING = 2;
    private static final int CYCLES_CHECKPERIOD = 1;
    private static final int CYCLES_SLOWCHECKINGPERIOD = 4;
    private static final int PROMETHEUS_PORT = 9587;
    /** Room for a loaded 2-core CI machine on top of what the timers imply. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private Path workDir;

    @BeforeAll
    static void needsRoot() {
        Lab.requireRoot();
        Lab.requireTools("curl");
    }

    @BeforeEach
    void workDir(TestInfo test) throws IOException {
        String name = test.getTestMethod().map(Method::getName).orElse("test");
        workDir = Path.of("target/lab-it", name).toAbsolutePath();
        if (Files.isDirectory(workDir)) {
            try (Stream<Path> files = Files.walk(workDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(workDir);
    }

    // ---------------------------------------------------------------- 1. steady state

    @Test
    void steadyStateOutputsAgreeWithWgShow() throws Exception {
        try (Rig rig = Rig.start(Lab.up(3), workDir, "")) {
            Lab lab = rig.lab;
            Map<String, Object> first = rig.awaitStatus(s -> allUp(s, 3), Duration.ofSeconds(20), "all three peers up:ok");
            Map<String, Object> second = rig.awaitStatus(
                    s -> takenAt(s).isAfter(takenAt(first)) && allUp(s, 3), Duration.ofSeconds(10), "the next cycle");
            Map<String, Map<String, String>> dump = rig.hubDump();

            for (Lab.Peer peer : lab.peers()) {
                Map<String, Object> before = peer(first, peer.publicKey()).orElseThrow();
                Map<String, Object> after = peer(second, peer.publicKey()).orElseThrow();
                Map<String, String> wg = dump.get(peer.publicKey());
                assertThat(after.get("name")).isEqualTo(peer.name());
                assertThat(after.get("interface")).isEqualTo(lab.hubInterface());
                assertThat(after.get("is_up")).isEqualTo(true);
                assertThat(after.get("config_endpoint")).isEqualTo(peer.hostname() + ":51820");
                // every cycle pings every peer, so both counters grow from one cycle to the next
                assertThat(number(after, "rx_bytes")).as(peer.name() + " rx").isGreaterThan(number(before, "rx_bytes"));
                assertThat(number(after, "tx_bytes")).as(peer.name() + " tx").isGreaterThan(number(before, "tx_bytes"));
                // what wg show says, read after the snapshot: same endpoint and handshake, counters not behind
                assertThat(after.get("endpoint")).isEqualTo(wg.get("endpoint")).isEqualTo(peer.underlayAddress() + ":51820");
                assertThat(number(after, "latest_handshake")).isEqualTo(Long.parseLong(wg.get("handshake")));
                assertThat(number(after, "rx_bytes")).isLessThanOrEqualTo(Long.parseLong(wg.get("rx")));
                assertThat(number(after, "tx_bytes")).isLessThanOrEqualTo(Long.parseLong(wg.get("tx")));
            }

            List<String> influx = rig.influxPeerLines();
            assertThat(influx).hasSize(3);
            for (Lab.Peer peer : lab.peers()) {
                assertThat(influx).filteredOn(l -> l.contains(",peer=" + influxTag(peer.publicKey()) + " ")).singleElement().satisfies(line -> {
                    assertThat(line).startsWith("wgtrack,interface=" + lab.hubInterface() + ",name=" + peer.name() + ",");
                    assertThat(line).contains("status=\"up:ok\"", "is_up=1i", "endpoint=\"" + peer.underlayAddress() + ":51820\"");
                });
            }

            String metrics = rig.metrics();
            assertThat(metrics).contains("wgtrack_live_state_read_success 1.0");
            for (Lab.Peer peer : lab.peers()) {
                assertThat(metrics).containsPattern("wgtrack_peer_up\\{interface=\"" + lab.hubInterface() + "\",name=\""
                        + peer.name() + "\",public_key=\"" + Pattern.quote(peer.publicKey()) + "\"\\} 1\\.0");
            }
            assertThat(rig.daemon.log()).doesNotContain("longer than cycle_time");
            rig.assertHealthy();
        }
    }

    // ---------------------------------------------------------------- 2. a peer moves

    @Test
    void movedPeerIsReResolvedAndCarriesPingsAgain() throws Exception {
        try (Rig rig = Rig.start(Lab.up(2), workDir, "")) {
            assertMovedPeerIsRepaired(rig);
        }
    }

    /** peer1's name moves to a new address; the hub follows it, and nothing happens to peer2. */
    private static void assertMovedPeerIsRepaired(Rig rig) throws Exception {
        Lab lab = rig.lab;
        rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
        Lab.Peer peer1 = lab.peer("peer1");

        long start = System.nanoTime();
        lab.move("peer1", "10.99.0.111");
        // up to one cycle until the first ping after the move, ping_failafternum failed pings
        // (the last one turns the peer down:waiting), cycles_wait cycles of waiting; the
        // lookup and wg set then take milliseconds
        Duration bound = CYCLE.multipliedBy(1 + PING_FAILAFTERNUM + CYCLES_WAIT);
        Duration endpointTime = awaitTrue(() -> lab.hubEndpointOf(peer1).equals(Optional.of("10.99.0.111:51820")),
                bound.plus(SLACK), "the hub's endpoint for peer1 to follow its name", start, rig);
        Duration pingTime = awaitTrue(() -> lab.hubPings(peer1), SLACK, "pings through the tunnel to peer1", start, rig);
        report("moved peer: hub endpoint updated after %d ms, tunnel carries pings after %d ms (bound %d s + %d s slack)",
                endpointTime.toMillis(), pingTime.toMillis(), bound.toSeconds(), SLACK.toSeconds());

        rig.awaitStatus(s -> state(s, peer1).equals("up:ok") && peer(s, peer1.publicKey()).map(p -> number(p, "endpoint_updates")).orElse(0L) == 1,
                Duration.ofSeconds(5), "peer1 up:ok again with one endpoint update");
        assertThat(rig.daemon.transitions(rig.marker(peer1))).containsExactly(
                "undefined → up:ok", "up:ok → down:waiting", "down:waiting → down:checking", "down:checking → up:ok");
        assertThat(rig.daemon.log()).contains(rig.marker(peer1) + peer1.publicKey().substring(0, 8)
                + "…): endpoint 10.99.0.11:51820 → 10.99.0.111:51820 (peer1.lab.test re-resolved)");
        assertThat(rig.daemon.transitions(rig.marker(lab.peer("peer2")))).containsExactly("undefined → up:ok");
        rig.assertHealthy();
    }

    // ---------------------------------------------------------------- 2b. other config sources

    @Test
    void peerOfANetdevInterfaceIsRepairedLikeAWgQuickOne() throws Exception {
        Lab lab = Lab.up(2);
        Path networkd = workDir.resolve("networkd");
        Path netdev = networkd.resolve("50-" + lab.hubInterface() + ".netdev");
        try {
            Files.createDirectories(networkd);
            StringBuilder text = new StringBuilder("[NetDev]\nName=" + lab.hubInterface() + "\nKind=wireguard\n\n[WireGuard]\n"
                    + "PrivateKey=" + hubPrivateKey(lab) + "\n");
            for (PeerConfig peer : hubPeers(lab)) {
                text.append("\n# friendly_name = ").append(peer.name().orElseThrow()).append("\n[WireGuardPeer]\nPublicKey=")
                        .append(peer.publicKey().base64()).append("\nEndpoint=").append(peer.endpoint().orElseThrow())
                        .append("\nAllowedIPs=").append(joined(peer.allowedIps())).append("\n");
            }
            Files.writeString(netdev, text);
            bringUp(lab, NetdevParser.parse(List.of(new ConfigText(netdev.toString(), text.toString()))));
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
        String sources = "[DEFAULT]\nconfig_sources = networkd\nnetworkd_config_dirs = " + networkd + "\n";
        try (Rig rig = Rig.start(lab, workDir, sources)) {
            rig.daemon.awaitLog(l -> l.contains(lab.hubInterface() + ": peers from systemd-networkd file " + netdev),
                    Duration.ofSeconds(20), "the .netdev to be found");
            assertMovedPeerIsRepaired(rig);
            assertThat(rig.daemon.log()).doesNotContain(hubPrivateKey(lab).substring(0, 16));
        }
    }

    @Test
    void peerOfANetworkManagerInterfaceIsRepairedLikeAWgQuickOne() throws Exception {
        Lab lab = Lab.up(2);
        Path connections = workDir.resolve("system-connections");
        Path keyfile = connections.resolve("hub.nmconnection");
        StringBuilder names = new StringBuilder();
        try {
            Files.createDirectories(connections);
            StringBuilder text = new StringBuilder("[connection]\nid=lab hub\ntype=wireguard\ninterface-name=" + lab.hubInterface()
                    + "\n\n[wireguard]\nprivate-key=" + hubPrivateKey(lab) + "\n");
            for (PeerConfig peer : hubPeers(lab)) {
                text.append("\n[wireguard-peer.").append(peer.publicKey().base64()).append("]\nendpoint=")
                        .append(peer.endpoint().orElseThrow()).append("\nallowed-ips=")
                        .append(joined(peer.allowedIps()).replace(", ", ";")).append(";\n");
                // keyfiles carry no peer names: wgtrack.conf gives them, as an operator would
                names.append("[peer:").append(lab.hubInterface()).append(':').append(peer.publicKey().base64()).append("]\nname = ")
                        .append(peer.name().orElseThrow()).append("\n");
            }
            Files.writeString(keyfile, text);
            bringUp(lab, NmKeyfileParser.parse(new ConfigText(keyfile.toString(), text.toString())));
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
        String sources = "[DEFAULT]\nconfig_sources = networkmanager\nnetworkmanager_config_dirs = " + connections + "\n\n" + names;
        try (Rig rig = Rig.start(lab, workDir, sources)) {
            rig.daemon.awaitLog(l -> l.contains(lab.hubInterface() + ": peers from NetworkManager keyfile " + keyfile + " (connection lab hub)"),
                    Duration.ofSeconds(20), "the keyfile to be found");
            assertMovedPeerIsRepaired(rig);
        }
    }

    @Test
    void peerWhoseEndpointOnlyWgtrackConfNamesIsRepairedLikeAWgQuickOne() throws Exception {
        Lab lab = Lab.up(2);
        StringBuilder extra = new StringBuilder("[DEFAULT]\nconfig_sources =\n");
        try {
            for (PeerConfig peer : hubPeers(lab)) {
                extra.append("\n[peer:").append(lab.hubInterface()).append(':').append(peer.publicKey().base64()).append("]\nname = ")
                        .append(peer.name().orElseThrow()).append("\nendpoint = ").append(peer.endpoint().orElseThrow()).append("\n");
            }
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
        try (Rig rig = Rig.start(lab, workDir, extra.toString())) {
            rig.daemon.awaitLog(l -> l.contains(lab.hubInterface() + ": no configuration sources; tracking its live state without configured endpoints"),
                    Duration.ofSeconds(20), "no source to be looked at");
            assertMovedPeerIsRepaired(rig);
        }
    }

    // ---------------------------------------------------------------- 2c. hooks

    @Test
    void hooksHearOneDownAndOneUpForAPeerThatDiesAndReturnsAndOneEndpointChangeForAMove() throws Exception {
        Path received = workDir.resolve("events.jsonl");
        Path script = workDir.resolve("record-event");
        Files.writeString(script, "#!/bin/sh\ncat >> '" + received + "'\n");
        script.toFile().setExecutable(true);
        String hook = "[hook:record]\ncommand = " + script + "\non = down, up, endpoint_changed\n";
        try (Rig rig = Rig.start(Lab.up(2), workDir, hook)) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
            Lab.Peer peer2 = lab.peer("peer2");
            lab.kill("peer2");
            rig.daemon.awaitLog(l -> l.contains(rig.marker(peer2) + peer2.publicKey().substring(0, 8) + "…): up:ok → down:waiting"),
                    CYCLE.multipliedBy(1 + PING_FAILAFTERNUM).plus(SLACK), "peer2 to go down");
            Thread.sleep(CYCLE.multipliedBy(3).toMillis());
            lab.revive("peer2");
            rig.awaitStatus(s -> allUp(s, 2), CYCLE.multipliedBy(CYCLES_SLOWCHECKINGPERIOD + 2).plus(SLACK), "peer2 up:ok again");
            lab.move("peer1", "10.99.0.111");
            Lab.Peer peer1 = lab.peer("peer1");
            Await.atMost(CYCLE.multipliedBy(1 + PING_FAILAFTERNUM + CYCLES_WAIT).plus(SLACK)).until("peer1's endpoint change",
                    () -> Files.exists(received) && Files.readString(received).contains("endpoint_changed"));
            Thread.sleep(CYCLE.multipliedBy(2).toMillis()); // room for a second, wrong, event to arrive

            List<Map<String, Object>> events = new ArrayList<>();
            for (String line : Files.readAllLines(received)) {
                events.add(JSON.std.mapFrom(line));
            }
            List<String> peer2Events = events.stream().filter(e -> peer2.publicKey().equals(e.get("peer")))
                    .map(e -> e.get("event") + " " + e.get("name")).toList();
            assertThat(peer2Events).containsExactly("down peer2", "up peer2");
            Map<String, Object> up = events.stream().filter(e -> "up".equals(e.get("event"))).findFirst().orElseThrow();
            assertThat(((Number) up.get("down_seconds")).longValue()).isBetween(3L, 3L + CYCLES_SLOWCHECKINGPERIOD + 10);
            assertThat(events.stream().filter(e -> peer1.publicKey().equals(e.get("peer")) && "endpoint_changed".equals(e.get("event"))))
                    .singleElement().satisfies(e -> {
                        assertThat(e).containsEntry("endpoint", "10.99.0.111:51820").containsEntry("old_endpoint", "10.99.0.11:51820");
                    });
            rig.assertHealthy();
        }
    }

    /** The hub's peers as the lab configured them (endpoints by hostname, names peerN). */
    private static List<PeerConfig> hubPeers(Lab lab) throws Exception {
        return WgQuickParser.parse(lab.hubConfig().toString(), Files.readString(lab.hubConfig())).peers();
    }

    private static String hubPrivateKey(Lab lab) throws IOException {
        return Files.readAllLines(lab.hubConfig()).stream().filter(l -> l.startsWith("PrivateKey"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
    }

    private static String joined(List<AllowedIp> ips) {
        return String.join(", ", ips.stream().map(AllowedIp::toString).toList());
    }

    /** Configures the hub's peers from a parsed file, as networkd or NetworkManager would: wg set resolves each hostname once. */
    private static void bringUp(Lab lab, InterfaceConfig config) {
        for (PeerConfig peer : config.peers()) {
            ProcessResult result = lab.execHub(List.of("wg", "set", lab.hubInterface(), "peer", peer.publicKey().base64(),
                    "endpoint", peer.endpoint().orElseThrow().toString(), "allowed-ips", joined(peer.allowedIps()).replace(" ", "")));
            if (!result.succeeded()) {
                throw new IllegalStateException("wg set failed: " + result.stderr());
            }
        }
    }

    // ---------------------------------------------------------------- 3. a peer dies

    @Test
    void deadPeerWalksTheScheduleAndDnsSeesIt() throws Exception {
        try (Rig rig = Rig.start(Lab.up(2), workDir, "")) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
            Lab.Peer peer2 = lab.peer("peer2");
            long queriesBefore = lab.dnsQueryCount(peer2.hostname());

            lab.kill("peer2");
            String marker = rig.marker(peer2);
            rig.daemon.awaitLog(l -> l.contains(marker + peer2.publicKey().substring(0, 8) + "…): up:ok → down:waiting"),
                    CYCLE.multipliedBy(1 + PING_FAILAFTERNUM).plus(SLACK), "peer2 to go down:waiting");
            Instant lost = rig.transitionTime(peer2, "down:waiting");
            // slow checking begins the cycle after the last back-off re-resolution (cycle 4)
            List<Integer> schedule = expectedResolutionCycles(40);
            int slowFrom = schedule.get(CYCLES_CHECKING) + 1;
            rig.daemon.awaitLog(l -> l.contains(marker + peer2.publicKey().substring(0, 8) + "…): down:backingoff → down:slowchecking"),
                    CYCLE.multipliedBy(slowFrom).plus(SLACK), "peer2 to reach down:slowchecking");
            assertThat(rig.daemon.transitions(marker)).containsExactly("undefined → up:ok", "up:ok → down:waiting",
                    "down:waiting → down:checking", "down:checking → down:backingoff", "down:backingoff → down:slowchecking");
            assertThat(Duration.between(lost, rig.transitionTime(peer2, "down:slowchecking")))
                    .isBetween(CYCLE.multipliedBy(slowFrom - 1), CYCLE.multipliedBy(slowFrom + 1));

            // sample the count half a cycle after cycle 14: the last re-resolution (12) is two
            // cycles back and the next (16) two ahead, so the count is exact despite jitter
            int sampleCycle = 14;
            sleepUntil(lost.plus(CYCLE.multipliedBy(sampleCycle)).plus(CYCLE.dividedBy(2)));
            long cyclesNow = Duration.between(lost, Instant.now()).toMillis() / CYCLE.toMillis();
            long a = lab.dnsQueryCount(peer2.hostname()) - queriesBefore;
            long aaaa = lab.dnsQueryCount(peer2.hostname(), "AAAA");
            long expected = schedule.stream().filter(c -> c <= cyclesNow).count();
            long low = schedule.stream().filter(c -> c <= cyclesNow - 1).count();
            long high = schedule.stream().filter(c -> c <= cyclesNow + 1).count();
            report("dead peer: %d A queries for %s in %d cycles after the loss, expected %d (re-resolutions at cycles %s); "
                    + "AAAA queries in all: %d; dnsmasq log:%n%s", a, peer2.hostname(), cyclesNow, expected,
                    schedule.stream().filter(c -> c <= cyclesNow).toList(), aaaa, rig.dnsLogFor(peer2.hostname()));
            assertThat(a).as("A queries after %d cycles (expected %d)", cyclesNow, expected).isBetween(low, high);
            assertThat(lab.hubEndpointOf(peer2)).contains(peer2.underlayAddress() + ":51820");

            // back at its old address: the next ping answers, nothing to re-resolve
            lab.revive("peer2");
            rig.awaitStatus(s -> state(s, peer2).equals("up:ok"), CYCLE.multipliedBy(2).plus(SLACK), "peer2 up:ok after revival");
            assertThat(rig.daemon.transitions(marker)).endsWith("down:slowchecking → up:ok");
            assertThat(peer(rig.status(), peer2.publicKey()).map(p -> number(p, "endpoint_updates"))).contains(0L);
            assertThat(rig.daemon.transitions(rig.marker(lab.peer("peer1")))).containsExactly("undefined → up:ok");
            assertThat(rig.daemon.log()).doesNotContain("longer than cycle_time");
            rig.assertHealthy();
        }
    }

    /** The re-resolution cycles of SPEC §3 for the timers above, the link lost at cycle 0, up to {@code last}. */
    static List<Integer> expectedResolutionCycles(int last) {
        return SpecSchedule.of(CYCLES_WAIT, CYCLES_CHECKING, CYCLES_CHECKPERIOD, CYCLES_SLOWCHECKINGPERIOD, last + 1).resolutions();
    }

    @Test
    void scheduleOfTheseTimersFollowsTheSpecArithmetic() {
        assertThat(expectedResolutionCycles(20)).containsExactly(1, 2, 4, 8, 12, 16, 20);
    }

    // ---------------------------------------------------------------- 4. DNS dies or hangs

    @Test
    void deadOrHangingDnsDelaysNoCycleAndResolutionResumes() throws Exception {
        try (Rig rig = Rig.start(Lab.up(2), workDir, "")) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
            Lab.Peer peer1 = lab.peer("peer1");

            // DNS stopped: lookups fail at once (port unreachable)
            lab.dnsStop();
            lab.move("peer1", "10.99.0.111");
            rig.daemon.awaitLog(l -> l.contains("cannot resolve peer1.lab.test"), CYCLE.multipliedBy(4).plus(SLACK),
                    "the failed lookup to be reported");
            rig.assertCyclesOnTime(Duration.ofSeconds(4));
            assertThat(lab.hubEndpointOf(peer1)).contains("10.99.0.11:51820");
            long dnsBack = System.nanoTime();
            lab.dnsStart();
            Duration fixed = awaitTrue(() -> lab.hubEndpointOf(peer1).equals(Optional.of("10.99.0.111:51820")),
                    CYCLE.multipliedBy(CYCLES_SLOWCHECKINGPERIOD).plus(SLACK), "peer1 re-resolved after DNS is back", dnsBack, rig);
            awaitTrue(() -> lab.hubPings(peer1), SLACK, "pings to peer1", dnsBack, rig);
            report("dns stopped: peer1 re-resolved %d ms after dnsmasq was started again", fixed.toMillis());

            // DNS hanging: dnsmasq frozen, every lookup waits for the resolver's 2 s timeout
            rig.awaitStatus(s -> state(s, peer1).equals("up:ok"), Duration.ofSeconds(5), "peer1 up:ok again");
            lab.dnsSlow();
            lab.move("peer1", "10.99.0.112");
            rig.daemon.awaitLog(l -> l.contains("down:waiting → down:checking")
                            && l.lastIndexOf("down:waiting → down:checking") > l.indexOf("10.99.0.111:51820 (peer1"),
                    CYCLE.multipliedBy(1 + PING_FAILAFTERNUM + CYCLES_WAIT).plus(SLACK), "peer1 to start checking again");
            rig.assertCyclesOnTime(Duration.ofSeconds(6));
            assertThat(lab.hubEndpointOf(peer1)).contains("10.99.0.111:51820");
            dnsBack = System.nanoTime();
            lab.dnsFast();
            // a lookup still hanging when its turn comes is not repeated, so allow two periods
            fixed = awaitTrue(() -> lab.hubEndpointOf(peer1).equals(Optional.of("10.99.0.112:51820")),
                    CYCLE.multipliedBy(2L * CYCLES_SLOWCHECKINGPERIOD).plus(SLACK), "peer1 re-resolved after DNS answers again", dnsBack, rig);
            awaitTrue(() -> lab.hubPings(peer1), SLACK, "pings to peer1", dnsBack, rig);
            report("dns frozen: peer1 re-resolved %d ms after dnsmasq was thawed", fixed.toMillis());
            assertThat(rig.daemon.log()).doesNotContain("longer than cycle_time");
            assertThat(rig.daemon.transitions(rig.marker(lab.peer("peer2")))).containsExactly("undefined → up:ok");
            rig.assertHealthy();
        }
    }

    // ---------------------------------------------------------------- 5. SIGHUP with a new peer

    @Test
    void reloadPicksUpANewPeerAndKeepsTheOthers() throws Exception {
        try (Rig rig = Rig.start(Lab.up(3), workDir, "")) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 3), Duration.ofSeconds(20), "all three peers up:ok");
            // one peer in the middle of its schedule, so that "keeps its state" means something
            Lab.Peer peer3 = lab.peer("peer3");
            lab.kill("peer3");
            String key = rig.hub("sh", "-c", "wg genkey | wg pubkey").strip();
            rig.hub("wg", "set", lab.hubInterface(), "peer", key, "allowed-ips", "10.10.0.50/32", "endpoint", "10.99.0.50:51820");
            // the live state alone makes it tracked, still without a name
            rig.awaitStatus(s -> peer(s, key).isPresent(), Duration.ofSeconds(5), "the new peer in the status");
            Files.writeString(lab.hubConfig(), """

                    [Peer]
                    # Name = newcomer
                    PublicKey = %s
                    AllowedIPs = 10.10.0.50/32
                    Endpoint = 10.99.0.50:51820
                    """.formatted(key), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            rig.awaitStatus(s -> state(s, peer3).equals("down:slowchecking"), Duration.ofSeconds(15), "peer3 down:slowchecking");
            int logBefore = rig.daemon.log().length();
            rig.daemon.signal("HUP");
            rig.daemon.awaitLog(l -> l.indexOf("configuration reloaded", logBefore) >= 0, Duration.ofSeconds(5), "the reload");
            Map<String, Object> status = rig.awaitStatus(s -> peer(s, key).map(p -> "newcomer".equals(p.get("name"))).orElse(false),
                    Duration.ofSeconds(5), "the new peer named from the re-read wg-quick file");
            Instant reloaded = takenAt(status);
            rig.awaitStatus(s -> takenAt(s).isAfter(reloaded.plus(CYCLE.multipliedBy(3))), Duration.ofSeconds(10), "three more cycles");

            Map<String, Object> newcomer = peer(rig.status(), key).orElseThrow();
            assertThat(newcomer.get("state")).isEqualTo("down"); // literal endpoint, never a handshake
            assertThat(newcomer.get("config_endpoint")).isEqualTo("10.99.0.50:51820");
            for (Lab.Peer peer : List.of(lab.peer("peer1"), lab.peer("peer2"))) {
                assertThat(state(rig.status(), peer)).isEqualTo("up:ok");
                assertThat(rig.daemon.transitions(rig.marker(peer))).containsExactly("undefined → up:ok");
            }
            assertThat(state(rig.status(), peer3)).isEqualTo("down:slowchecking");
            assertThat(rig.daemon.transitions(rig.marker(peer3))).endsWith("down:backingoff → down:slowchecking");
            // no state change at all since the reload: nobody started over from undefined
            String afterReload = rig.daemon.log().substring(logBefore);
            assertThat(afterReload).doesNotContain(" → ");
            assertThat(rig.influxPeerLines()).hasSize(4).anyMatch(l -> l.contains(",name=newcomer,peer=" + influxTag(key) + " "));
            rig.assertHealthy();
        }
    }

    // ---------------------------------------------------------------- 6. interface gone, wg failing

    @Test
    void interfaceRecreatedAndWgFailingAreReportedAndRecovered() throws Exception {
        try (Rig rig = Rig.start(Lab.up(2), workDir, "")) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");

            rig.hub("ip", "link", "del", lab.hubInterface());
            rig.awaitStatus(s -> Boolean.TRUE.equals(s.get("live_state_ok")) && peers(s).isEmpty(), Duration.ofSeconds(5),
                    "the peers to vanish with their interface");
            assertThat(rig.influxPeerLines()).isEmpty();
            assertThat(rig.metrics()).doesNotContain("wgtrack_peer_up{").contains("wgtrack_live_state_read_success 1.0");
            // the file is read again when the interface reappears: a new name proves it
            Files.writeString(lab.hubConfig(), Files.readString(lab.hubConfig()).replace("# Name = peer2\n", "# Name = peer2-renamed\n"));
            lab.recreateHub();
            // back, but with no handshake yet: the peers never dial and wgtrack pings only links
            // whose handshake is alive (SPEC §2), so until somebody sends they are down, correctly
            Map<String, Object> back = rig.awaitStatus(s -> peers(s).size() == 2
                            && peers(s).stream().allMatch(p -> "none".equals(p.get("handshake_status"))
                                    && String.valueOf(p.get("state")).startsWith("down:")),
                    Duration.ofSeconds(5), "both peers back, without a handshake");
            assertThat(peer(back, lab.peer("peer2").publicKey()).orElseThrow().get("name")).isEqualTo("peer2-renamed");
            assertThat(rig.daemon.log()).contains(rig.marker(lab.peer("peer1")) + lab.peer("peer1").publicKey().substring(0, 8)
                    + "…): undefined → down:checking (no handshake)", lab.hubInterface() + " peer2-renamed (");
            for (Lab.Peer peer : lab.peers()) {
                awaitTrue(() -> lab.hubPings(peer), SLACK, "traffic to " + peer.name() + " (the handshake)", System.nanoTime(), rig);
            }
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(5), "both peers up:ok once traffic flows");

            // wg failing: outputs must say so instead of showing the last good data
            Files.writeString(rig.wgFailFlag, "");
            Map<String, Object> failed = rig.awaitStatus(s -> Boolean.FALSE.equals(s.get("live_state_ok")), Duration.ofSeconds(5),
                    "the failure in the JSON output");
            assertThat(failed.get("live_state_error")).asString().contains("exit status 1", "simulated failure");
            assertThat(peers(failed)).isEmpty();
            assertThat(rig.metrics()).contains("wgtrack_live_state_read_success 0.0").doesNotContain("wgtrack_peer_up{");
            assertThat(Files.readString(rig.influx)).contains("live_state_ok=0i");
            Files.delete(rig.wgFailFlag);
            rig.awaitStatus(s -> Boolean.TRUE.equals(s.get("live_state_ok")) && allUp(s, 2), Duration.ofSeconds(5), "recovery");
            assertThat(rig.metrics()).contains("wgtrack_live_state_read_success 1.0");
            assertThat(rig.daemon.log()).contains("reading the live state failed", "reading the live state works again");
            rig.assertHealthy();
        }
    }

    // ---------------------------------------------------------------- 7. IPv6 endpoint

    @Test
    void ipv6OnlyPeerGetsABracketedIpv6Endpoint() throws Exception {
        Lab lab = Lab.up(2, true);
        String extra;
        try {
            extra = "[peer:%s:%s]\naddress_family = ipv6\n\n[peer:%s:%s]\naddress_family = ipv4\n".formatted(
                    lab.hubInterface(), lab.peer("peer1").publicKey(), lab.hubInterface(), lab.peer("peer2").publicKey());
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        try (Rig rig = Rig.start(lab, workDir, extra)) {
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
            Lab.Peer peer1 = lab.peer("peer1");
            Lab.Peer peer2 = lab.peer("peer2");
            String before = lab.hubEndpointOf(peer1).orElseThrow();

            // both names get an A and an AAAA record; peer1 is restricted to IPv6, peer2 to IPv4
            lab.move("peer1", "10.99.0.111"); // and fd99::111 (the lab derives it)
            lab.move("peer2", "10.99.0.112");
            assertThat(lab.peer("peer1").underlayAddress6()).contains("fd99::0:111");
            awaitTrue(() -> lab.hubEndpointOf(peer1).equals(Optional.of("[fd99::111]:51820")),
                    CYCLE.multipliedBy(1 + PING_FAILAFTERNUM + CYCLES_WAIT).plus(SLACK), "an IPv6 endpoint for peer1",
                    System.nanoTime(), rig);
            awaitTrue(() -> lab.hubPings(peer1), SLACK, "pings to peer1 over the IPv6 underlay", System.nanoTime(), rig);
            assertThat(rig.hub("wg", "show", lab.hubInterface())).contains("endpoint: [fd99::111]:51820");
            awaitTrue(() -> lab.hubEndpointOf(peer2).equals(Optional.of("10.99.0.112:51820")), SLACK,
                    "peer2 (address_family ipv4) re-resolved", System.nanoTime(), rig);
            rig.awaitStatus(s -> "[fd99::111]:51820".equals(peer(s, peer1.publicKey()).orElseThrow().get("endpoint"))
                    && state(s, peer1).equals("up:ok"), Duration.ofSeconds(5), "the JSON output to show the IPv6 endpoint");
            assertThat(rig.daemon.log()).contains("endpoint " + before + " → [fd99::111]:51820 (peer1.lab.test re-resolved)");
            rig.assertHealthy();
        }
    }

    // ---------------------------------------------------------------- 8. wgtrack status

    @Test
    void statusCommandShowsUpAndDownPeers() throws Exception {
        try (Rig rig = Rig.start(Lab.up(2), workDir, "")) {
            Lab lab = rig.lab;
            rig.awaitStatus(s -> allUp(s, 2), Duration.ofSeconds(20), "both peers up:ok");
            lab.kill("peer2");
            rig.awaitStatus(s -> state(s, lab.peer("peer2")).startsWith("down:"), CYCLE.multipliedBy(1 + PING_FAILAFTERNUM).plus(SLACK),
                    "peer2 down");

            ProcessResult table = rig.wgtrack("status");
            report("wgtrack status (exit %d):%n%s", table.exitCode(), table.stdout());
            assertThat(table.exitCode()).as(table.stderr()).isEqualTo(1);
            assertThat(table.stdout()).contains("the running daemon at http://127.0.0.1:" + PROMETHEUS_PORT + "/status");
            assertThat(row(table.stdout(), "peer1")).contains(lab.hubInterface(), "up:ok", "10.99.0.11:51820");
            assertThat(row(table.stdout(), "peer2")).contains(lab.hubInterface(), "down:", "10.99.0.12:51820");

            ProcessResult json = rig.wgtrack("status", "--json");
            assertThat(json.exitCode()).as(json.stderr()).isEqualTo(1);
            Map<String, Object> doc = JSON.std.mapFrom(json.stdout());
            assertThat(state(doc, lab.peer("peer1"))).isEqualTo("up:ok");
            assertThat(state(doc, lab.peer("peer2"))).startsWith("down:");

            rig.daemon.signal("TERM");
            assertThat(rig.daemon.awaitExit(Duration.ofSeconds(5))).as("exit status after SIGTERM").isZero();
            ProcessResult once = rig.wgtrack("status", "--once");
            report("wgtrack status --once (exit %d):%n%s", once.exitCode(), once.stdout());
            assertThat(once.exitCode()).as(once.stderr()).isEqualTo(1);
            assertThat(once.stdout()).contains("one cycle of its own");
            assertThat(row(once.stdout(), "peer1")).contains("up:ok");
            // one failed ping is fewer than ping_failafternum: one cycle cannot call it down yet
            assertThat(row(once.stdout(), "peer2")).doesNotContain("up:ok");

            ProcessResult onceJson = rig.wgtrack("status", "--once", "--json");
            Map<String, Object> onceDoc = JSON.std.mapFrom(onceJson.stdout());
            assertThat(state(onceDoc, lab.peer("peer1"))).isEqualTo("up:ok");
            assertThat(onceJson.exitCode()).isEqualTo(1);
            // status --once changes nothing: no lookups, no endpoint set
            assertThat(lab.hubEndpointOf(lab.peer("peer2"))).contains("10.99.0.12:51820");
        }
    }

    /** A public key as an Influx tag value: line protocol escapes the '=' of base64 padding. */
    private static String influxTag(String publicKey) {
        return publicKey.replace("=", "\\=");
    }

    private static String row(String table, String name) {
        return table.lines().filter(l -> l.contains(" " + name + " ") || l.contains(" " + name + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in:\n" + table));
    }

    // ---------------------------------------------------------------- the rig

    /** A lab, a config for it, and the daemon running in its hub namespace; closing removes all. */
    private static final class Rig implements AutoCloseable {
        final Lab lab;
        final Path dir;
        final Path config;
        final Path json;
        final Path influx;
        final Path wgFailFlag;
        DaemonProcess daemon;

        private Rig(Lab lab, Path dir) {
            this.lab = lab;
            this.dir = dir;
            this.config = dir.resolve("wgtrack.conf");
            this.json = dir.resolve("status.json");
            this.influx = dir.resolve("influx.out");
            this.wgFailFlag = dir.resolve("wg-fails");
        }

        /** Takes ownership of the lab: it is removed even when the daemon does not start. */
        static Rig start(Lab lab, Path dir, String extraConfig) throws Exception {
            Rig rig = new Rig(lab, dir);
            try {
                rig.writeConfig(extraConfig);
                rig.daemon = DaemonProcess.start(List.of("ip", "netns", "exec", lab.hubNamespace()), dir, Map.of(),
                        "-c", rig.config.toString());
                return rig;
            } catch (Exception | Error e) {
                rig.close();
                throw e;
            }
        }

        private void writeConfig(String extra) throws IOException {
            Path wrapper = dir.resolve("wg-wrapper");
            // wg as usual, except while the flag file exists: then it fails like a broken wg
            Files.writeString(wrapper, """
                    #!/bin/sh
                    if [ -e '%s' ]; then echo "wg-wrapper: simulated failure" >&2; exit 1; fi
                    exec wg "$@"
                    """.formatted(wgFailFlag));
            wrapper.toFile().setExecutable(true);
            Files.writeString(config, """
                    [general]
                    loglevel = info
                    wireguard_config_dir = %s
                    wg_command = %s
                    # wireguard-go's sockets are visible from every namespace: track the hub only
                    track = no
                    cycle_time = %d
                    ping_interval = 1
                    ping_timeout = 0.5
                    ping_failafternum = %d
                    cycles_wait = %d
                    cycles_checking = %d
                    cycles_checkperiod = %d
                    cycles_slowcheckingperiod = %d

                    [interface:%s]
                    track = yes

                    [output:json]
                    filename = %s

                    [output:influx]
                    filename = %s

                    [output:prometheus]
                    listen = 127.0.0.1
                    port = %d

                    %s
                    """.formatted(lab.wireguardConfigDir(), wrapper, CYCLE.toSeconds(), PING_FAILAFTERNUM, CYCLES_WAIT,
                    CYCLES_CHECKING, CYCLES_CHECKPERIOD, CYCLES_SLOWCHECKINGPERIOD, lab.hubInterface(), json, influx,
                    PROMETHEUS_PORT, extra));
        }

        /** "wgl-hub peer1 (" — how the log names a peer of the hub interface. */
        String marker(Lab.Peer peer) {
            return lab.hubInterface() + " " + peer.name() + " (";
        }

        String hub(String... command) {
            ProcessResult result = lab.execHub(List.of(command));
            if (!result.succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + result.stderr());
            }
            return result.stdout();
        }

        ProcessResult wgtrack(String... args) {
            List<String> command = new ArrayList<>(List.of(Path.of("bin/wgtrack").toAbsolutePath().toString(), "-c", config.toString()));
            command.addAll(List.of(args));
            return lab.execHub(command, Duration.ofSeconds(60));
        }

        /** {@code wg show <hub> dump} by public key: endpoint, handshake, rx, tx. */
        Map<String, Map<String, String>> hubDump() {
            Map<String, Map<String, String>> peers = new LinkedHashMap<>();
            List<String> lines = hub("wg", "show", lab.hubInterface(), "dump").lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                peers.put(f[0], Map.of("endpoint", f[2], "handshake", f[4], "rx", f[5], "tx", f[6]));
            }
            return peers;
        }

        String metrics() {
            return hub("curl", "-sf", "--max-time", "5", "http://127.0.0.1:" + PROMETHEUS_PORT + "/metrics");
        }

        List<String> influxPeerLines() throws IOException {
            return Files.readAllLines(influx).stream().filter(l -> l.startsWith("wgtrack,")).toList();
        }

        Map<String, Object> status() throws IOException {
            return JSON.std.mapFrom(Files.readString(json));
        }

        Map<String, Object> awaitStatus(Predicate<Map<String, Object>> condition, Duration timeout, String what) throws Exception {
            AtomicReference<Map<String, Object>> last = new AtomicReference<>();
            Await.atMost(timeout).every(Duration.ofMillis(100))
                    .describing(() -> "; last status:\n" + last.get() + "\nlog:\n" + daemon.log())
                    .until(what, () -> {
                        if (Files.exists(json)) {
                            last.set(status());
                            if (condition.test(last.get())) {
                                return true;
                            }
                        }
                        if (!daemon.isAlive()) {
                            throw new AssertionError("daemon exited while waiting for " + what + "; log:\n" + daemon.log());
                        }
                        return false;
                    });
            return last.get();
        }

        /** When the log said the peer entered {@code state}. */
        Instant transitionTime(Lab.Peer peer, String state) throws IOException {
            String needle = " → " + state + " (";
            return daemon.log().lines().filter(l -> l.contains(marker(peer)) && l.contains(needle))
                    .map(l -> Instant.parse(l.substring(0, l.indexOf(' '))))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no transition to " + state));
        }

        /**
         * For {@code span}: every cycle's taken_at (polled every 50 ms) follows the previous one by
         * about cycle_time, none is missing, and the log has no overrun warning. A cycle held up
         * by a lookup would show as a gap here, even though the loop catches up afterwards.
         */
        void assertCyclesOnTime(Duration span) throws Exception {
            int logBefore = daemon.log().length();
            List<Instant> cycles = new ArrayList<>();
            long end = System.nanoTime() + span.toNanos();
            while (System.nanoTime() < end) {
                Instant taken = takenAt(status());
                if (cycles.isEmpty() || !cycles.get(cycles.size() - 1).equals(taken)) {
                    cycles.add(taken);
                }
                Thread.sleep(50);
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < cycles.size(); i++) {
                gaps.add(Duration.between(cycles.get(i - 1), cycles.get(i)).toMillis());
            }
            long cycleMillis = CYCLE.toMillis();
            report("%d cycles in %d ms, %d to %d ms apart", cycles.size(), span.toMillis(),
                    gaps.stream().mapToLong(Long::longValue).min().orElse(-1), gaps.stream().mapToLong(Long::longValue).max().orElse(-1));
            assertThat(gaps).as("ms between cycles").hasSizeGreaterThanOrEqualTo((int) (span.toMillis() / cycleMillis) - 2)
                    .allSatisfy(g -> assertThat(g).isBetween(cycleMillis / 2, cycleMillis * 3 / 2));
            assertThat(daemon.log().substring(logBefore)).doesNotContain("longer than cycle_time", "cycle failed");
        }

        String dnsLogFor(String hostname) throws IOException {
            return String.join("\n", Files.readAllLines(lab.dnsLog()).stream().filter(l -> l.contains(" " + hostname + " ")).toList());
        }

        void assertHealthy() throws IOException {
            assertThat(daemon.isAlive()).as("daemon still running").isTrue();
            assertThat(daemon.log()).doesNotContain("cycle failed", "Exception");
        }

        @Override
        public void close() {
            try {
                if (daemon != null) {
                    daemon.close();
                }
            } finally {
                lab.close();
            }
        }
    }

    // ---------------------------------------------------------------- JSON helpers

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> peers(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("peers");
    }

    private static Optional<Map<String, Object>> peer(Map<String, Object> status, String publicKey) {
        return peers(status).stream().filter(p -> publicKey.equals(p.get("public_key"))).findFirst();
    }

    private static String state(Map<String, Object> status, Lab.Peer peer) {
        return peer(status, peer.publicKey()).map(p -> String.valueOf(p.get("state"))).orElse("(absent)");
    }

    private static boolean allUp(Map<String, Object> status, int count) {
        return Boolean.TRUE.equals(status.get("live_state_ok")) && peers(status).size() == count
                && peers(status).stream().allMatch(p -> "up:ok".equals(p.get("state")));
    }

    private static long number(Map<String, Object> peer, String field) {
        return ((Number) peer.get(field)).longValue();
    }

    private static Instant takenAt(Map<String, Object> status) {
        try {
            return Instant.parse(String.valueOf(status.get("taken_at")));
        } catch (DateTimeParseException e) {
            throw new AssertionError("bad taken_at in " + status, e);
        }
    }

    // ---------------------------------------------------------------- waiting

    /** Polls until the check holds; returns the time since {@code startNanos}. */
    private static Duration awaitTrue(Await.Check check, Duration timeout, String what, long startNanos, Rig rig) throws Exception {
        Await.atMost(timeout).every(Duration.ofMillis(100))
                .describing(() -> "; wg show:\n" + rig.lab.execHub(List.of("wg", "show", rig.lab.hubInterface())).stdout()
                        + "\nlog:\n" + rig.daemon.log())
                .until(what, check);
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Measured figures go to the test's stdout (target/failsafe-reports/…-output.txt). */
    private static void report(String format, Object... args) {
        System.out.println("[DaemonLabIT] " + String.format(format, args));
    }
}
