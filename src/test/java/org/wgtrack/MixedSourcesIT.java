package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.system.OsProcessRunner;
import org.wgtrack.system.ProcessResult;

/**
 * A host whose four WireGuard interfaces were configured four ways: wg0 by a wg-quick file, wg1
 * by a systemd-networkd {@code .netdev}, wg2 by a NetworkManager keyfile, wg3 by {@code wg set}
 * alone, its endpoint named in wgtrack.conf. Through {@code bin/wgtrack}, every output and
 * {@code wgtrack status} show each peer's name and configured endpoint from the right place.
 */
class MixedSourcesIT {

    private static final String PRIVATE = "0FIuxkGwWcPUYtUF90e+NtGOT3jI5af1Bgiu3giJ720=";
    private static final String QUICK = "huCMNVnKxMPpAg4MLuUoZKpZVqIP0jKXIWdKo0YZ300=";
    private static final String NETWORKD = "ua87imazEBqOkiATAQayZYOMKa+TFlaNCoLoxBk+ZlM=";
    private static final String MANAGER = "x7wPzR5IIHGPYqYEXHA83bnWX0PhCtlO77p3T/512Uc=";
    private static final String BY_HAND = "JxTuVu9SXNZTTc+La8XVNtP1F1EoW0ntT5DhuL1nzxQ=";
    private static final String UNKNOWN = "7oBiZxSf4AFINQddpSdxUqhxZAIFtBRhNvA7pLX6SUk=";

    @TempDir
    Path dir;

    @Test
    void everyOutputShowsNamesAndEndpointsFromEachInterfacesSource() throws Exception {
        Path wireguard = Files.createDirectories(dir.resolve("wireguard"));
        Files.writeString(wireguard.resolve("wg0.conf"), "[Interface]\nPrivateKey = " + PRIVATE
                + "\n\n# Name = quick-peer\n[Peer]\nPublicKey = " + QUICK + "\nEndpoint = quick.example:51820\nAllowedIPs = 10.0.0.2/32\n");
        Path networkd = Files.createDirectories(dir.resolve("network"));
        Files.writeString(networkd.resolve("50-wg1.netdev"), "[NetDev]\nName=wg1\nKind=wireguard\n\n[WireGuard]\nPrivateKey=" + PRIVATE
                + "\n\n[WireGuardPeer]\n# friendly_name = networkd-peer\nPublicKey=" + NETWORKD + "\nEndpoint=networkd.example:51820\n"
                + "AllowedIPs=10.0.1.2/32\n");
        Path connections = Files.createDirectories(dir.resolve("system-connections"));
        Files.writeString(connections.resolve("office.nmconnection"), "[connection]\nid=Office\ntype=wireguard\ninterface-name=wg2\n\n"
                + "[wireguard]\nprivate-key=" + PRIVATE + "\n\n[wireguard-peer." + MANAGER + "]\nendpoint=192.0.2.3:51820\n"
                + "allowed-ips=10.0.2.2/32;\n");
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.9:51820");
        wg.serve(FakeWg.row("wg0", PRIVATE, "L+CQQ6T4uTsFKs3O+MNKWvdzQ7DbsziCPk3H5FeGtgc=", 51820, "off")
                + FakeWg.row("wg0", QUICK, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-3@", 10, 20, "off")
                + FakeWg.row("wg1", PRIVATE, "A1a/VlNAhRMXNShYiSr85sDGOGxSXp6uLnTzHycK+14=", 51821, "off")
                + FakeWg.row("wg1", NETWORKD, "(none)", "192.0.2.2:51820", "10.0.1.2/32", "@NOW-3@", 10, 20, "off")
                + FakeWg.row("wg2", PRIVATE, "L0Vj+Fzl3xeJJt7+LR/+uaEYfeEnHhJBw39Ps2Y/8gE=", 51822, "off")
                + FakeWg.row("wg2", MANAGER, "(none)", "192.0.2.3:51820", "10.0.2.2/32", "@NOW-3@", 10, 20, "off")
                + FakeWg.row("wg3", PRIVATE, "U+/m2eHwZ/4rywFXGCCEqva94Poi11PxgXYZMKofZTY=", 51823, "off")
                + FakeWg.row("wg3", BY_HAND, "(none)", "192.0.2.4:51820", "10.0.3.2/32", "@NOW-3@", 10, 20, "off")
                + FakeWg.row("wg3", UNKNOWN, "(none)", "192.0.2.5:51820", "10.0.3.3/32", "@NOW-3@", 10, 20, "off"));
        Path json = dir.resolve("status.json");
        Path influx = dir.resolve("influx.out");
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, """
                [general]
                cycle_time = 0.3
                wg_command = %s
                wireguard_config_dir = %s
                networkd_config_dirs = %s
                networkmanager_config_dirs = %s

                [DEFAULT]
                ping_interval = 0

                [peer:wg2:%s]
                name = nm-peer

                [peer:wg3:%s]
                name = by-hand
                endpoint = by-hand.example:51820

                [output:json]
                filename = %s

                [output:influx]
                filename = %s
                """.formatted(wg.command(), wireguard, networkd, connections, MANAGER, BY_HAND, json, influx));

        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("by-hand (") && l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peers to come up");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The json output is written before the influx one: wait for both.
            while (!(Files.exists(json) && Files.exists(influx)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String log = daemon.log();
            assertThat(log).contains("wg0: peers from wg-quick file " + wireguard.resolve("wg0.conf"),
                    "wg1: peers from systemd-networkd file " + networkd.resolve("50-wg1.netdev"),
                    "wg2: peers from NetworkManager keyfile " + connections.resolve("office.nmconnection") + " (connection Office)",
                    "wg3: no " + wireguard.resolve("wg3.conf") + ", no systemd-networkd .netdev with Name=wg3, "
                            + "no NetworkManager keyfile with interface-name=wg3; tracking its live state without configured endpoints");
            assertThat(log).doesNotContain(PRIVATE.substring(0, 16));
            assertThat(log).as("no output failed to be written").doesNotContain(" ERROR ");

            Map<String, Object> document = JSON.std.mapFrom(Files.readString(json));
            @SuppressWarnings("unchecked")
            Map<String, List<Object>> byKey = ((List<Map<String, Object>>) document.get("peers")).stream().collect(Collectors.toMap(
                    p -> (String) p.get("public_key"), p -> java.util.Arrays.asList(p.get("name"), p.get("config_endpoint"))));
            assertThat(byKey).containsEntry(QUICK, List.of("quick-peer", "quick.example:51820"))
                    .containsEntry(NETWORKD, List.of("networkd-peer", "networkd.example:51820"))
                    .containsEntry(MANAGER, List.of("nm-peer", "192.0.2.3:51820"))
                    .containsEntry(BY_HAND, List.of("by-hand", "by-hand.example:51820"))
                    .containsEntry(UNKNOWN, java.util.Arrays.asList(null, null));
            String lines = Files.readString(influx);
            assertThat(lines).contains("interface=wg0,name=quick-peer,", "interface=wg1,name=networkd-peer,",
                    "interface=wg2,name=nm-peer,", "interface=wg3,name=by-hand,");

            ProcessResult status = new OsProcessRunner().run(List.of(Path.of("bin/wgtrack").toAbsolutePath().toString(),
                    "-c", config.toString(), "status", "--once"), Duration.ofSeconds(60));
            assertThat(status.stdout()).as(status.stderr()).contains("quick-peer", "networkd-peer", "nm-peer", "by-hand");
        }
    }
}
