package org.wgtrack.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.log.LogLevel;
import org.wgtrack.wg.ConfigFormat;
import org.wgtrack.wg.PeerConfig;

/** Finding an interface's file the way systemd-networkd and NetworkManager find theirs. */
class ConfigSourcesTest {

    private static final String A = "Lm0timpUhmZY4ePR9P+Cr6+TE3TTHSp11Gn9Pf8n/1Y=";
    private static final String B = "kcZwgx2Y/SJQh8lvouBiEH/0swTAt5VH8X3Q5G02IBQ=";
    private static final TextFileReader FILES = new TextFileReader(TextFileReader.SYSTEM);

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String netdev(String name, String key) {
        return "[NetDev]\nName=" + name + "\nKind=wireguard\n\n[WireGuardPeer]\nPublicKey=" + key + "\nEndpoint=" + name + ".example:51820\n";
    }

    private NetworkdSource networkd() {
        return new NetworkdSource(List.of(root.resolve("etc"), root.resolve("run"), root.resolve("usr")), FILES);
    }

    @Test
    void networkdFindsTheNetdevNamingTheInterfaceWithItsDropInsInOrder() throws Exception {
        write("usr/10-other.netdev", netdev("wg1", A));
        write("usr/50-wg0.netdev", netdev("wg0", A));
        write("usr/50-wg0.netdev.d/20-more.conf", "[WireGuardPeer]\nPublicKey=" + B + "\n");
        write("run/50-wg0.netdev.d/10-endpoint.conf", "ignored: masked by the same name in etc\n");
        write("etc/50-wg0.netdev.d/10-endpoint.conf", "# empty of peers\n[NetDev]\nDescription=hub\n");

        ConfigSource.Found found = networkd().find("wg0").orElseThrow();

        assertThat(found.config().peers()).extracting(p -> p.publicKey().base64()).containsExactly(A, B);
        assertThat(found.description()).isEqualTo("systemd-networkd file " + root.resolve("usr/50-wg0.netdev") + " with drop-ins "
                + root.resolve("etc/50-wg0.netdev.d/10-endpoint.conf") + ", " + root.resolve("usr/50-wg0.netdev.d/20-more.conf"));
        assertThat(networkd().find("wg7")).isEmpty();
    }

    @Test
    void anEarlierDirectoryMasksTheSameFileNameAndDevNullMasksIt() throws Exception {
        write("usr/50-wg0.netdev", netdev("wg0", A));
        write("etc/50-wg0.netdev", netdev("wg0", B));
        assertThat(networkd().find("wg0").orElseThrow().config().peers()).extracting(p -> p.publicKey().base64()).containsExactly(B);

        Files.delete(root.resolve("etc/50-wg0.netdev"));
        Files.createSymbolicLink(root.resolve("etc/50-wg0.netdev"), Path.of("/dev/null"));
        assertThat(networkd().find("wg0")).as("masked").isEmpty();
        Files.delete(root.resolve("etc/50-wg0.netdev")); // JUnit warns about links out of its directory
    }

    @Test
    void aBrokenNetdevIsReportedOnlyWhenItIsTheInterfaces() throws Exception {
        write("etc/40-broken.netdev", "[NetDev]\nName=wg1\nKind=wireguard\n[WireGuardPeer]\nPublicKey=short\n");
        write("etc/50-wg0.netdev", netdev("wg0", A));
        assertThat(networkd().find("wg0")).isPresent();
        assertThatThrownBy(() -> networkd().find("wg1")).isInstanceOf(SourceException.class)
                .hasMessage(root.resolve("etc/40-broken.netdev") + ":5: bad PublicKey= (expected 44 base64 characters for 32 bytes, got short)")
                .extracting(e -> ((SourceException) e).kind()).isEqualTo(SourceException.Kind.MALFORMED);
    }

    @Test
    void networkManagerFindsTheKeyfileOfTheInterfaceAndSkipsWhatItWouldSkip() throws Exception {
        String keyfile = "[connection]\nid=%s\ntype=wireguard\ninterface-name=wg0\n\n[wireguard-peer.%s]\nendpoint=nm.example:51820\n";
        write("nm-etc/wg0.nmconnection~", keyfile.formatted("backup", B));
        write("nm-etc/.hidden", keyfile.formatted("hidden", B));
        write("nm-etc/a-vpn.nmconnection", "[connection]\nid=other\ntype=vpn\ninterface-name=wg0\n");
        write("nm-etc/b-home.nmconnection", keyfile.formatted("Home", A));
        write("nm-run/a-wg0.nmconnection", keyfile.formatted("volatile", B));
        NetworkManagerSource source = new NetworkManagerSource(List.of(root.resolve("nm-etc"), root.resolve("nm-run")), FILES);

        ConfigSource.Found found = source.find("wg0").orElseThrow();

        assertThat(found.config().peers()).extracting(p -> p.publicKey().base64()).containsExactly(B);
        assertThat(found.description()).isEqualTo("NetworkManager keyfile " + root.resolve("nm-run/a-wg0.nmconnection")
                + " (connection volatile)");
        assertThat(source.absence("wg0")).isEqualTo("no NetworkManager keyfile with interface-name=wg0");
    }

    @Test
    void sourcesComeInTheConfiguredOrderWithTheirDirectories() throws Exception {
        write("wireguard/wg0.conf", "[Peer]\nPublicKey = " + A + "\nEndpoint = quick.example:51820\n");
        write("etc/50-wg0.netdev", netdev("wg0", B));
        GeneralSettings general = new GeneralSettings(Duration.ofSeconds(1), LogLevel.INFO, root.resolve("wireguard"), "wg",
                List.of(ConfigFormat.NETWORKD, ConfigFormat.WG_QUICK), List.of(root.resolve("etc")), List.of(root.resolve("nm")));

        List<ConfigSource> sources = ConfigSources.of(general, FILES);

        assertThat(sources).hasExactlyElementsOfTypes(NetworkdSource.class, WgQuickSource.class);
        assertThat(sources.get(0).find("wg0").orElseThrow().config().peers()).extracting(PeerConfig::endpoint)
                .containsExactly(Optional.of(org.wgtrack.wg.Endpoint.parse("wg0.example:51820")));
        assertThat(sources.get(1).find("wg0").orElseThrow().description()).isEqualTo("wg-quick file " + root.resolve("wireguard/wg0.conf"));
    }

    /** A wg-quick file of {@code peers} peers as a hub has it, names and endpoints included. */
    private static String hubFile(int peers) {
        StringBuilder text = new StringBuilder("[Interface]\nAddress = 10.0.0.1/16\n");
        java.util.Random random = new java.util.Random(7);
        byte[] key = new byte[32];
        for (int i = 0; i < peers; i++) {
            random.nextBytes(key);
            text.append("\n[Peer]\n# Name = peer ").append(i).append("\nPublicKey = ")
                    .append(java.util.Base64.getEncoder().encodeToString(key)).append("\nAllowedIPs = 10.")
                    .append(1 + i / 250).append('.').append(i % 250).append(".2/32\nEndpoint = 198.51.")
                    .append(i / 250).append('.').append(i % 250).append(":51820\n");
        }
        return text.toString();
    }

    @Test
    void theDaemonsSourcesReadAHubsFileOfTensOfThousandsOfPeersAndRefuseOneOver32MiB() throws Exception {
        GeneralSettings general = new GeneralSettings(Duration.ofSeconds(1), LogLevel.INFO, root.resolve("wireguard"), "wg");
        write("wireguard/wg0.conf", hubFile(20_000));
        assertThat(Files.size(root.resolve("wireguard/wg0.conf"))).isGreaterThan(2L << 20);
        Path big = write("wireguard/wg1.conf", "[Interface]\n" + "#".repeat(TextFileReader.WIREGUARD_MAX_BYTES));

        ConfigSource wgQuick = ConfigSources.of(general).get(0);

        ConfigSource.Found found = wgQuick.find("wg0").orElseThrow();
        assertThat(found.config().peers()).hasSize(20_000);
        assertThat(found.config().peers().get(19_999).name()).contains("peer 19999");
        assertThatExceptionOfType(SourceException.class).isThrownBy(() -> wgQuick.find("wg1"))
                .withMessage(big + ": larger than 32 MiB");
    }
}
