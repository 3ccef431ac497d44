package org.wgtrack.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wgtrack.system.ProcessResult;

/**
 * Proves the lab itself, so that a failing daemon IT points at the daemon: the tunnel works,
 * the hub resolves through the lab DNS, the controls do what they say, and down leaves
 * nothing behind. Each test builds its own lab (about a second).
 */
class LabIT {

    @BeforeAll
    static void needsRoot() {
        Lab.requireRoot();
    }

    @Test
    void hubPingsEveryPeerThroughTheTunnel() {
        try (Lab lab = Lab.up(3)) {
            assertThat(lab.peers()).extracting(Lab.Peer::tunnelAddress)
                    .containsExactly("10.10.0.11", "10.10.0.12", "10.10.0.13");
            for (Lab.Peer peer : lab.peers()) {
                ProcessResult ping = lab.execHub(
                        List.of("ping", "-n", "-c1", "-W1", "-I", lab.hubInterface(), peer.tunnelAddress()));
                assertThat(ping.exitCode()).as(peer.name() + ": " + ping.stdout()).isZero();
                assertThat(lab.hubEndpointOf(peer)).contains(peer.underlayAddress() + ":51820");
            }
            assertThat(lab.wgShowHub()).contains("interface: " + lab.hubInterface(), "latest handshake");
        }
    }

    @Test
    void hubConfigNamesPeersByHostname() throws IOException {
        try (Lab lab = Lab.up(2)) {
            String conf = Files.readString(lab.hubConfig());
            assertThat(lab.hubConfig().getParent()).isEqualTo(lab.wireguardConfigDir());
            assertThat(lab.hubConfig().getFileName()).hasToString(lab.hubInterface() + ".conf");
            assertThat(conf).contains(
                    "# Name = peer1\n",
                    "Endpoint = peer1.lab.test:51820\n",
                    "AllowedIPs = 10.10.0.12/32\n",
                    "PublicKey = " + lab.peer("peer2").publicKey() + "\n");
        }
    }

    @Test
    void hubResolvesPeerNamesThroughTheLabDns() {
        try (Lab lab = Lab.up(2)) {
            long before = lab.dnsQueryCount("peer2.lab.test");

            ProcessResult lookup = lab.execHub(List.of("getent", "hosts", "peer2.lab.test"));

            assertThat(lookup.stdout()).startsWith("10.99.0.12 ");
            assertThat(lab.dnsQueryCount("peer2.lab.test")).isEqualTo(before + 1);
            assertThat(lab.dnsQueryCount("peer1.lab.test")).isEqualTo(1); // wg setconf, at up
        }
    }

    @Test
    void movedPeerIsUnreachableUntilTheHubReResolvesIt() {
        try (Lab lab = Lab.up(2)) {
            Lab.Peer before = lab.peer("peer1");
            lab.move("peer1", "10.99.1.11");

            Lab.Peer after = lab.peer("peer1");
            assertThat(after.underlayAddress()).isEqualTo("10.99.1.11");
            assertThat(lab.execHub(List.of("getent", "hosts", "peer1.lab.test")).stdout())
                    .startsWith("10.99.1.11 ");
            // the hub still sends to the old address and the peer never dials in: the link is down
            assertThat(lab.hubEndpointOf(after)).contains(before.underlayAddress() + ":51820");
            assertThat(lab.hubPings(after)).isFalse();
            assertThat(lab.hubPings(lab.peer("peer2"))).isTrue();

            // what wgtrack will do: resolve the name anew and set the endpoint
            ProcessResult set = lab.execHub(List.of("wg", "set", lab.hubInterface(), "peer", after.publicKey(),
                    "endpoint", "peer1.lab.test:51820"));
            assertThat(set.exitCode()).as(set.stderr()).isZero();
            assertThat(lab.hubEndpointOf(after)).contains("10.99.1.11:51820");
            assertThat(pingsWithin(lab, after, 5)).isTrue();
        }
    }

    @Test
    void killedPeerIsUnreachableAndRevivedPeerIsBack() {
        try (Lab lab = Lab.up(2)) {
            Lab.Peer peer = lab.peer("peer2");
            lab.kill("peer2");
            assertThat(lab.hubPings(peer)).isFalse();
            assertThat(lab.hubPings(lab.peer("peer1"))).isTrue();

            lab.revive("peer2");
            assertThat(pingsWithin(lab, peer, 5)).isTrue();
        }
    }

    @Test
    void stoppedOrFrozenDnsFailsLookupsAndStartRestoresThem() {
        try (Lab lab = Lab.up(1)) {
            List<String> lookup = List.of("getent", "hosts", "peer1.lab.test");

            lab.dnsStop();
            assertThat(lab.execHub(lookup).exitCode()).isNotZero();

            lab.dnsStart();
            assertThat(lab.execHub(lookup).stdout()).startsWith("10.99.0.11 ");

            lab.dnsSlow();
            long started = System.nanoTime();
            ProcessResult slow = lab.execHub(lookup, Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // netem: the answer comes after 3 s, later than the resolver's 2 s timeout per try;
            // without netem dnsmasq is frozen. Either way the lookup takes at least 2 s.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(slow.exitCode()).isNotZero();

            lab.dnsFast();
            assertThat(lab.execHub(lookup).stdout()).startsWith("10.99.0.11 ");
        }
    }

    @Test
    void ipv6LabServesAaaaRecordsAndMovesBothAddresses() {
        try (Lab lab = Lab.up(1, true)) {
            assertThat(lab.peer("peer1").underlayAddress6()).contains("fd99::11");
            assertThat(lab.execHub(List.of("getent", "ahostsv6", "peer1.lab.test")).stdout())
                    .startsWith("fd99::11 ");
            assertThat(lab.execHub(List.of("ping", "-6", "-c1", "-W2", "fd99::11")).exitCode()).isZero();

            lab.move("peer1", "10.99.2.3");

            assertThat(lab.peer("peer1").underlayAddress6()).contains("fd99::2:3");
            assertThat(lab.execHub(List.of("getent", "ahostsv6", "peer1.lab.test")).stdout())
                    .startsWith("fd99::2:3 ");
            assertThat(lab.dnsQueryCount("peer1.lab.test", "AAAA")).isPositive();
        }
    }

    @Test
    void downLeavesNoNamespaceProcessOrFileBehind() throws IOException {
        Lab lab = Lab.up(2);
        List<String> namespaces = lab.namespaces();
        List<Long> pids = lab.processIds();
        List<String> interfaces = List.of(lab.hubInterface(), lab.peer("peer1").interfaceName(),
                lab.peer("peer2").interfaceName());
        Path dir = lab.dir();
        assertThat(namespaces).hasSize(5);
        assertThat(pids).hasSize(4).allMatch(LabIT::running);

        lab.close();

        assertThat(netnsList()).doesNotContainAnyElementsOf(namespaces);
        assertThat(pids).noneMatch(LabIT::running);
        assertThat(namespaces).noneMatch(ns -> Files.exists(Path.of("/etc/netns", ns)));
        assertThat(interfaces).noneMatch(i -> Files.exists(Path.of("/var/run/wireguard", i + ".sock")));
        assertThat(wireguardGoCommandLines()).noneMatch(cmd -> interfaces.stream().anyMatch(cmd::endsWith));
        assertThat(dir).doesNotExist();

        lab.close(); // idempotent
    }

    private static boolean pingsWithin(Lab lab, Lab.Peer peer, int tries) {
        for (int i = 0; i < tries; i++) {
            if (lab.hubPings(peer)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> netnsList() {
        ProcessResult list = Lab.run(List.of("ip", "netns", "list"), Duration.ofSeconds(10));
        return list.stdout().lines().map(line -> line.split(" ")[0]).toList();
    }

    // Alive and not a zombie: where PID 1 does not reap orphans, killed daemons linger as zombies.
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> wireguardGoCommandLines() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ').strip();
                        } catch (IOException e) {
                            return ""; // gone while we looked
                        }
                    })
                    .filter(cmd -> cmd.contains("wireguard-go"))
                    .toList();
        }
    }
}
