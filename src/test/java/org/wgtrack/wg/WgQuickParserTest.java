package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.TestResources;

class WgQuickParserTest {

    static String fixture(String name) {
        return TestResources.text("wg/quick/" + name);
    }

    static InterfaceConfig parse(String name) throws WgConfigException {
        return WgQuickParser.parse(name, fixture(name));
    }

    static PublicKey key(String base64) {
        return new PublicKey(base64);
    }

    static List<AllowedIp> ips(String... texts) {
        return List.of(texts).stream().map(AllowedIp::parse).toList();
    }

    @Test
    void readsHubFileWithEveryTolerance() throws WgConfigException {
        InterfaceConfig config = parse("hub.conf");

        assertThat(config).isEqualTo(new InterfaceConfig("hub.conf",
                ips("10.10.0.1/24", "fd00::1/64", "10.20.0.1/24"), List.of(
                new PeerConfig(key("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="),
                        Optional.of(new Endpoint("vpn.example.net", 51820)),
                        ips("10.10.0.2/32", "192.168.2.0/24", "192.168.3.0/24"), OptionalInt.of(25),
                        Optional.of("branch-office"), 18),
                new PeerConfig(key("TrMvSoP4jYQlY6RIzBgbssQqY3vxI2Pi+y71lOWWXX0="),
                        Optional.of(new Endpoint("2001:db8::7", 51821)),
                        ips("fd00::2/128", "10.10.0.3/32"), OptionalInt.empty(), Optional.of("laptop"), 27),
                new PeerConfig(key("HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw="), Optional.empty(),
                        ips("10.10.0.4/32"), OptionalInt.empty(), Optional.empty(), 34),
                new PeerConfig(key("7G2Su3fgK1aUZ6RyT5xQf4R5ouxtE6TeJjAtZY+fPVI="),
                        Optional.of(new Endpoint("198.51.100.20", 4500)), List.of(), OptionalInt.empty(),
                        Optional.of("spaced out"), 41))));
    }

    @Test
    void readsWhatWgShowconfWrites() throws WgConfigException {
        InterfaceConfig config = parse("real-wg-showconf.conf");

        assertThat(config.interfaceAddresses()).isEmpty();
        assertThat(config.peers()).containsExactly(
                new PeerConfig(key("/NNHU4EXVl8n7/bceqN71DgWfoBf6vNgvKRnvWdXq2I="),
                        Optional.of(new Endpoint("192.0.2.7", 51820)), ips("10.10.0.2/32", "192.168.2.0/24"),
                        OptionalInt.of(25), Optional.empty(), 6),
                new PeerConfig(key("rU4WJZc9ulvEpkAvNklb+hoa9afjVFM7mYUR5NSyZwo="),
                        Optional.of(new Endpoint("2001:db8::7", 51821)), ips("fd00::2/128", "10.10.0.3/32"),
                        OptionalInt.empty(), Optional.empty(), 13),
                new PeerConfig(key("EmB9Blu9pvVg9y6xYU2lzWdM1Wo3+EBSm9qU6897X1s="), Optional.empty(), List.of(),
                        OptionalInt.empty(), Optional.empty(), 18));
    }

    @Test
    void emptyFileAndCommentsOnlyHaveNoPeers() throws WgConfigException {
        assertThat(WgQuickParser.parse("empty.conf", "")).isEqualTo(new InterfaceConfig("empty.conf", List.of(), List.of()));
        assertThat(WgQuickParser.parse("c.conf", "\uFEFF# only\r\n\r\n  # comments\n").peers()).isEmpty();
    }

    @Test
    void readsCrlfFiles() throws WgConfigException {
        InterfaceConfig config = WgQuickParser.parse("crlf.conf",
                "[Peer]\r\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\r\nAllowedIPs = 10.0.0.2/32\r\n");
        assertThat(config.peers().get(0).allowedIps()).isEqualTo(ips("10.0.0.2/32"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# Name = office|office",
        "#Name=office|office",
        "#   nAmE   =   the office  |the office",
        "# Name = office # not a comment here|office # not a comment here",
        "# Name =|",
        "# Names = office|",
        "# Name: office|",
        "# Nameserver = 10.0.0.1|",
    })
    void takesFriendlyNameFromNameComment(String comment, String expected) throws WgConfigException {
        InterfaceConfig config = WgQuickParser.parse("n.conf",
                "[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n" + comment + "\n");
        assertThat(config.peers().get(0).name()).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void firstNameCommentOfAPeerCountsAndInterfaceNamesAreIgnored() throws WgConfigException {
        InterfaceConfig config = WgQuickParser.parse("n.conf", "# Name = file\n[Interface]\n# Name = hub\n"
                + "[Peer]\n# Name = first\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n# Name = second\n");
        assertThat(config.peers().get(0).name()).contains("first");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "error-key-before-section.conf|1|Address before any section (expected [Interface] or [Peer] first)",
        "error-line-without-equals.conf|2|not a section, key or comment (expected Key = Value, got a line without '=')",
        "error-malformed-key.conf|2|malformed key before '=' (expected letters and digits, got something else; line not shown)",
        "error-pasted-key-without-section.conf|2|malformed key before '=' (expected letters and digits, got something else; line not shown)",
        "error-unknown-section.conf|3|unknown section (expected [Interface] or [Peer], got [Peers])",
        "error-malformed-section-header.conf|1|malformed section header (expected [Interface] or [Peer], got [Interface)",
        "error-peer-without-publickey.conf|4|[Peer] has no PublicKey (expected a PublicKey = … line in the section)",
        "error-last-peer-without-publickey.conf|4|[Peer] has no PublicKey (expected a PublicKey = … line in the section)",
        "error-duplicate-publickey.conf|8|duplicate PublicKey xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg= (first at line 3)",
        "error-second-publickey-in-peer.conf|3|second PublicKey in one [Peer] (first at line 2)",
        "error-bad-publickey.conf|2|bad PublicKey (expected 44 base64 characters for 32 bytes, got [hidden])",
        "error-empty-publickey.conf|2|bad PublicKey (expected 44 base64 characters for 32 bytes, got nothing)",
        "error-bad-presharedkey.conf|3|bad PresharedKey (expected 44 base64 characters for 32 bytes; value not shown)",
        "error-bad-privatekey.conf|2|bad PrivateKey (expected 44 base64 characters for 32 bytes; value not shown)",
        "error-bad-endpoint.conf|3|bad Endpoint (expected host:port or [address]:port, got vpn.example.net)",
        "error-bad-endpoint-port.conf|3|bad Endpoint (expected host:port or [address]:port, got vpn.example.net:65536)",
        "error-bad-endpoint-unbracketed-ipv6.conf|3|bad Endpoint (expected host:port or [address]:port, got 2001:db8::7:51820)",
        "error-bad-endpoint-bracketed-hostname.conf|3|bad Endpoint (expected host:port or [address]:port, got [vpn.example.net]:51820)",
        "error-bad-endpoint-space-in-host.conf|3|bad Endpoint (expected host:port or [address]:port, got vpn example.net:51820)",
        "error-bad-allowedips.conf|4|bad AllowedIPs (expected address/prefix, got 10.10.0.300/32)",
        "error-bad-allowedips-prefix.conf|3|bad AllowedIPs prefix (expected 0..128, got fd00::2/129)",
        "error-bad-address.conf|2|bad Address (expected address/prefix, got vpn.example.net)",
        "error-bad-keepalive.conf|3|bad PersistentKeepalive (expected off or 0..65535, got 65536)",
        "error-bad-keepalive-word.conf|3|bad PersistentKeepalive (expected off or 0..65535, got never)",
    })
    void rejectsEachMalformedFileWithOneWholeMessage(String file, int line, String problem) {
        assertThatThrownBy(() -> parse(file))
                .isInstanceOfSatisfying(WgConfigException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(file + ":" + line + ": " + problem);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.source()).isEqualTo(file);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[Peer]|[Peer]",
        "[peer]|[peer]",
        "  [ PEER ]  # comment|[ PEER ]",
    })
    void sectionNamesAreCaseInsensitiveAndMayBeCommented(String header, String ignored) throws WgConfigException {
        InterfaceConfig config = WgQuickParser.parse("s.conf", header + "\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n");
        assertThat(config.peers()).hasSize(1);
    }

    static IntStream seeds() {
        return IntStream.range(0, 50);
    }

    /**
     * Random files with real and broken private and preshared keys in all the places a person
     * might put them; whatever the outcome, neither the message nor the records show a secret.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void noPrivateOrPresharedKeyEverReachesAMessageOrARecord(int seed) {
        Random random = new Random(seed);
        List<String> secrets = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String privateKey = secret(random, secrets);
        text.append("[Interface]\n").append(secretLine(random, "PrivateKey", privateKey)).append("Address = 10.0.0.1/24\n");
        int peers = 1 + random.nextInt(5);
        for (int p = 0; p < peers; p++) {
            text.append(random.nextBoolean() ? "[Peer]\n" : "[peer]\n");
            text.append("PublicKey = ").append(TestKeys.randomBase64(random)).append('\n');
            if (random.nextBoolean()) {
                text.append(secretLine(random, random.nextBoolean() ? "PresharedKey" : "presharedkey", secret(random, secrets)));
            }
            text.append("AllowedIPs = 10.0.").append(p).append(".0/24\n");
        }
        String result;
        try {
            result = WgQuickParser.parse("random.conf", text.toString()).toString();
        } catch (WgConfigException e) {
            result = e.getMessage();
        }
        for (String secret : secrets) {
            assertThat(result).doesNotContain(secret.substring(0, 16));
        }
    }

    private static String secret(Random random, List<String> secrets) {
        String key = TestKeys.randomBase64(random);
        secrets.add(key);
        return key;
    }

    /** A secret written well, or in one of the ways that make the file unreadable. */
    private static String secretLine(Random random, String key, String secret) {
        return switch (random.nextInt(8)) {
            case 0 -> key + " = " + secret.substring(0, 30) + "\n";
            case 1 -> key + " " + secret + "\n";
            case 2 -> secret + "\n";
            case 3 -> key + " = " + secret + "x\n";
            case 4 -> key + ": " + secret + "\n";
            case 5 -> key + " = " + secret.replace('=', '!') + "\n";
            default -> key + " = " + secret + "  # keep safe\n";
        };
    }
}
