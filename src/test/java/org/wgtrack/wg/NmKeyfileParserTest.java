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

/** NetworkManager WireGuard keyfiles as nm-settings-keyfile(5) and nm-settings-nmcli(5) describe them. */
class NmKeyfileParserTest {

    private static final String A = "Zt0GuvhVGBYi8xXFhY+2TZ9b9oWc8bkj2JlbMr/5f10=";
    private static final String B = "WJxjofidwjc0p8DS8woyRIniUxDPMmLvNcbzgFjX7To=";

    private static ConfigText fixture(String name) {
        return new ConfigText(name, TestResources.text("wg/nm/" + name));
    }

    private static InterfaceConfig parse(String text) throws WgConfigException {
        return NmKeyfileParser.parse(new ConfigText("wg.nmconnection", text));
    }

    private static List<AllowedIp> ips(String... texts) {
        return List.of(texts).stream().map(AllowedIp::parse).toList();
    }

    @Test
    void readsEveryKeyOfTheManual() throws WgConfigException {
        ConfigText file = fixture("office.nmconnection");
        InterfaceConfig config = NmKeyfileParser.parse(file);

        assertThat(NmKeyfileParser.identify(file).isWireGuard("wg1")).isTrue();
        assertThat(config.name()).contains("Office VPN");
        assertThat(config.interfaceAddresses()).isEqualTo(ips("10.20.0.2/24", "fd00:20::2/64"));
        assertThat(config.peers()).containsExactly(
                new PeerConfig(new PublicKey(A), Optional.of(Endpoint.parse("office.example.org:51820")),
                        ips("10.20.0.0/24", "192.168.20.0/24"), OptionalInt.of(25), Optional.empty(), 14),
                new PeerConfig(new PublicKey(B), Optional.of(Endpoint.parse("[2001:db8::20]:51820")),
                        ips("fd00:20::/64"), OptionalInt.empty(), Optional.empty(), 21));
        assertThat(config.toString()).doesNotContain("private", "preshared");
    }

    @Test
    void followsGlibKeyFileRules() throws WgConfigException {
        InterfaceConfig config = parse("""
                  # indented comment
                [connection]
                type = wireguard
                interface-name=wg0
                id=Home\\sVPN
                [wireguard-peer.%s]
                endpoint=a.example:1
                [connection]
                id=Home\\tagain
                [wireguard-peer.%s]
                endpoint=b.example:2
                allowed-ips=10.0.0.1/32
                """.formatted(A, A));
        assertThat(config.name()).as("a later key replaces an earlier one, in a group written twice").contains("Home\tagain");
        assertThat(config.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.endpoint()).contains(Endpoint.parse("b.example:2"));
            assertThat(peer.allowedIps()).isEqualTo(ips("10.0.0.1/32"));
        });
        assertThat(NmKeyfileParser.identify(new ConfigText("x", "[connection]\ntype=wireguard\ninterface-name=wg0\n")).isWireGuard("wg0")).isTrue();
        assertThat(NmKeyfileParser.identify(new ConfigText("x", "[connection]\ntype=vpn\ninterface-name=wg0\n")).isWireGuard("wg0")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[wireguard-peer.abc]|1|bad [wireguard-peer.…] group (expected the peer's public key of 44 base64 characters for 32 bytes after the dot, got abc)",
        "[wireguard-peer." + A + "]⏎endpoint=vpn.example.org|2|bad endpoint (expected host:port or [address]:port, got vpn.example.org)",
        "[wireguard-peer." + A + "]⏎allowed-ips=10.0.0.0/40;|2|bad allowed-ips prefix (expected 0..32, got 10.0.0.0/40)",
        "[wireguard-peer." + A + "]⏎persistent-keepalive=-1|2|bad persistent-keepalive (expected off or 0..65535, got -1)",
        "[wireguard]⏎private-key=short|2|bad private-key (expected 44 base64 characters for 32 bytes; value not shown)",
        "[ipv4]⏎address1=10.0.0.300/24|2|bad address1 (expected address/prefix, got 10.0.0.300/24)",
        "[connection|1|malformed group header (expected [group]; line not shown)",
        "[connection]⏎id Office|2|not a group, key=value line or comment (line not shown)",
        "id=Office|1|key before any group (expected [connection] first; line not shown)",
        "[connection]⏎id=Off\\xice|2|bad escape in a value (expected \\s, \\t, \\n, \\r or \\\\; line not shown)",
    })
    void refusesWhatNetworkManagerWouldNotReadWithFileLineAndValue(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("⏎", "\n")))
                .isInstanceOf(WgConfigException.class).hasMessage("wg.nmconnection:" + line + ": " + problem);
    }

    @Test
    void keysOnBrokenLinesAreNeverShown() {
        String secret = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
        for (String text : List.of("[wireguard]\n" + secret + "\n", "[wireguard " + secret + "\n", "[wireguard]\nprivate-key=" + secret + "x\n",
                secret + "=x\n", "[connection]\rtype=wireguard\r[wireguard]\rprivate-key=" + secret + "\r")) {
            String seen;
            try {
                seen = parse(text).toString();
            } catch (WgConfigException e) {
                seen = e.getMessage();
            }
            assertThat(seen).as("what comes out of %s", text).doesNotContain(secret.substring(0, 16));
        }
    }
}
