package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.testing.TestResources;

/** systemd-networkd {@code .netdev} files as systemd.netdev(5) and systemd.syntax(7) describe them. */
class NetdevParserTest {

    private static final String A = "Lm0timpUhmZY4ePR9P+Cr6+TE3TTHSp11Gn9Pf8n/1Y=";
    private static final String B = "kcZwgx2Y/SJQh8lvouBiEH/0swTAt5VH8X3Q5G02IBQ=";
    private static final String C = "ovf1u2mcmbEyZ10oDLM/xHnuRuQGP8d1fkgLSIrbEGg=";

    static String fixture(String name) {
        return TestResources.text("wg/netdev/" + name);
    }

    private static InterfaceConfig parse(String... texts) throws WgConfigException {
        return NetdevParser.parse(files(texts));
    }

    private static List<ConfigText> files(String... texts) {
        return java.util.stream.IntStream.range(0, texts.length)
                .mapToObj(i -> new ConfigText(i == 0 ? "50-wg0.netdev" : "50-wg0.netdev.d/" + i + ".conf", texts[i])).toList();
    }

    private static List<AllowedIp> ips(String... texts) {
        return List.of(texts).stream().map(AllowedIp::parse).toList();
    }

    @Test
    void readsEveryKeyOfTheManual() throws WgConfigException {
        InterfaceConfig config = NetdevParser.parse(List.of(new ConfigText("hub.netdev", fixture("hub.netdev"))));

        assertThat(config.source()).isEqualTo("hub.netdev");
        assertThat(config.interfaceAddresses()).isEmpty();
        assertThat(config.peers()).containsExactly(
                new PeerConfig(new PublicKey(A), Optional.of(Endpoint.parse("branch.example.org:51820")),
                        ips("10.10.0.2/32", "192.168.2.0/24", "192.168.3.0/24", "fd00:2::/64"), OptionalInt.of(25),
                        Optional.of("branch-office"), 16),
                new PeerConfig(new PublicKey(B), Optional.of(Endpoint.parse("[2001:db8::7]:51820")),
                        ips("10.10.0.33/32", "10.10.0.34/32"), OptionalInt.empty(), Optional.of("laptop"), 24),
                new PeerConfig(new PublicKey(C), Optional.empty(), ips("10.10.0.4/32"), OptionalInt.empty(), Optional.empty(), 36));
        assertThat(config.toString()).as("no secret kept").doesNotContain("PrivateKey", "Preshared");
        assertThat(NetdevParser.identify(List.of(new ConfigText("hub.netdev", fixture("hub.netdev")))).isWireGuard("wg0")).isTrue();
    }

    @Test
    void dropInsAddPeersAndMayNameTheInterface() throws WgConfigException {
        List<ConfigText> files = files("[NetDev]\nKind=wireguard\nName=wg9\n",
                "[NetDev]\nName=wg0\n\n[WireGuardPeer]\nPublicKey=" + A + "\nAllowedIPs=10.0.0.2/32\n",
                "# friendly_json = {\"name\": \"carol\"}\n[WireGuardPeer]\nPublicKey=" + B + "\n");
        assertThat(NetdevParser.identify(files)).isEqualTo(new NetdevParser.Identity(Optional.of("wireguard"), Optional.of("wg0")));
        assertThat(NetdevParser.parse(files).peers()).extracting(p -> p.publicKey().base64(), p -> p.name().orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, null), org.assertj.core.groups.Tuple.tuple(B, "carol"));
    }

    @Test
    void aDropInStartsOutsideAnySection() throws WgConfigException {
        // An assignment before the drop-in's first header belongs to no section, as in systemd: ignored.
        InterfaceConfig config = parse("[WireGuardPeer]\nPublicKey=" + A + "\n", "Endpoint=vpn.example.org:51820\n");
        assertThat(config.peers().get(0).endpoint()).isEmpty();
    }

    @Test
    void sectionsAndKeysAreCaseSensitive() throws WgConfigException {
        assertThat(parse("[wireguardpeer]\nPublicKey=" + A + "\n").peers()).isEmpty();
        assertThatThrownBy(() -> parse("[WireGuardPeer]\npublickey=" + A + "\n"))
                .hasMessage("50-wg0.netdev:1: [WireGuardPeer] has no PublicKey= (expected a PublicKey= line in the section)");
        assertThat(NetdevParser.identify(files("[NetDev]\nKind=WireGuard\nName=wg0\n")).isWireGuard("wg0")).isFalse();
    }

    @Test
    void continuationJoinsLinesAndSkipsCommentsInside() throws WgConfigException {
        InterfaceConfig config = parse("[WireGuardPeer]\nPublicKey=" + A + "\nAllowedIPs=10.0.0.1/32 \\\n# a comment\n  10.0.0.2/32,\\\n10.0.0.3/32\n");
        assertThat(config.peers().get(0).allowedIps()).isEqualTo(ips("10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"));
        assertThat(NetdevParser.identify(files("[NetDev]\nName=wg0\\\\\nKind=wireguard\n")))
                .as("an escaped backslash does not continue the line")
                .isEqualTo(new NetdevParser.Identity(Optional.of("wireguard"), Optional.of("wg0\\\\")));
    }

    @Test
    void aLaterPublicKeyInOneSectionReplacesTheEarlierOne() throws WgConfigException {
        assertThat(parse("[WireGuardPeer]\nPublicKey=" + A + "\nPublicKey=" + B + "\n").peers())
                .extracting(p -> p.publicKey().base64()).containsExactly(B);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[WireGuardPeer]⏎PublicKey=abc|2|bad PublicKey= (expected 44 base64 characters for 32 bytes, got abc)",
        "[WireGuardPeer]⏎Endpoint=vpn.example.org:51820|1|[WireGuardPeer] has no PublicKey= (expected a PublicKey= line in the section)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎Endpoint=vpn example:51820|3|bad Endpoint= (expected host:port or [address]:port, got vpn example:51820)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎AllowedIPs=10.0.0.0/33|3|bad AllowedIPs= prefix (expected 0..32, got 10.0.0.0/33)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎AllowedIPs=router.lan|3|bad AllowedIPs= (expected address/prefix, got router.lan)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎PersistentKeepalive=forever|3|bad PersistentKeepalive= (expected off or 0..65535, got forever)",
        "[WireGuard]⏎PrivateKey=short|2|bad PrivateKey= (expected 44 base64 characters for 32 bytes; value not shown)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎PresharedKey=short|3|bad PresharedKey= (expected 44 base64 characters for 32 bytes; value not shown)",
        "[NetDev⏎Name=wg0|1|malformed section header (expected [Section]; line not shown)",
        "[NetDev]⏎Name wg0|2|not a section, assignment or comment (expected Key=Value, got a line without '='; line not shown)",
        "[WireGuardPeer]⏎PublicKey=" + A + "⏎[WireGuardPeer]⏎PublicKey=" + A + "|4|duplicate PublicKey= " + A + " (first at 50-wg0.netdev:2)",
    })
    void refusesWhatNetworkdWouldNotUseWithFileLineAndValue(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("⏎", "\n")))
                .isInstanceOf(WgConfigException.class).hasMessage("50-wg0.netdev:" + line + ": " + problem);
    }

    @Test
    void keysOnBrokenLinesAreNeverShown() {
        String secret = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
        for (String text : List.of("[WireGuard]\n" + secret + "\n", "[WireGuard " + secret + "\n", "[WireGuard]\nPrivateKey=" + secret + "x\n",
                "[NetDev]\rName=wg0\r[WireGuard]\rPrivateKey=" + secret + "\r[WireGuardPeer\r")) {
            String seen;
            try {
                seen = parse(text).toString();
            } catch (WgConfigException e) {
                seen = e.getMessage();
            }
            assertThat(seen).as("what comes out of %s", text).doesNotContain(secret.substring(0, 16));
        }
        assertThat(NetdevParser.identify(files("[NetDev]\rName=wg0\rKind=wireguard\r")).isWireGuard("wg0"))
                .as("bare CR is no line end for systemd either").isFalse();
    }
}
