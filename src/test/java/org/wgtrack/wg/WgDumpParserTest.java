package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.testing.TestResources;
import org.wgtrack.testing.WgDumps;

class WgDumpParserTest {

    static String fixture(String name) {
        return TestResources.text("wg/dump/" + name);
    }

    static List<String> warningsOf(String dump) {
        List<String> warnings = new ArrayList<>();
        WgDumpParser.parse(dump, warnings::add);
        return warnings;
    }

    static AllowedIp ip(String text) {
        return AllowedIp.parse(text);
    }

    static PublicKey key(String base64) {
        return new PublicKey(base64);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsDumpCapturedFromWireguardGo() {
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(fixture("real-wireguard-go.dump"), warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(state).isEqualTo(new LiveState(List.of(
                new InterfaceStatus("wgt1", Optional.empty(), OptionalInt.of(40722), OptionalLong.empty(), List.of()),
                new InterfaceStatus("wgt0", Optional.of(key("oj9/Vb+HJr5xdXWtoMTyvE2n6M/oahkgy61gjYVLGwE=")),
                        OptionalInt.of(51820), OptionalLong.of(0x1a2b), List.of(
                        new PeerStatus("wgt0", key("/NNHU4EXVl8n7/bceqN71DgWfoBf6vNgvKRnvWdXq2I="),
                                Optional.of(new Endpoint("192.0.2.7", 51820)),
                                List.of(ip("10.10.0.2/32"), ip("192.168.2.0/24")), 0, 0, 0, OptionalInt.of(25)),
                        new PeerStatus("wgt0", key("rU4WJZc9ulvEpkAvNklb+hoa9afjVFM7mYUR5NSyZwo="),
                                Optional.of(new Endpoint("2001:db8::7", 51821)),
                                List.of(ip("fd00::2/128"), ip("10.10.0.3/32")), 0, 0, 0, OptionalInt.empty()),
                        new PeerStatus("wgt0", key("EmB9Blu9pvVg9y6xYU2lzWdM1Wo3+EBSm9qU6897X1s="),
                                Optional.empty(), List.of(), 0, 0, 0, OptionalInt.empty()))))));
    }

    @Test
    void readsHubDumpWithHandshakesIpv6ScopesAndInterfacesWithoutKey() {
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(fixture("hub.dump"), warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(state).isEqualTo(new LiveState(List.of(
                new InterfaceStatus("wg0", Optional.of(key("oJXyD5OVZQz5OAuO2yJKaySKHpJOj9CuLhqUkqMwXxg=")),
                        OptionalInt.of(51820), OptionalLong.empty(), List.of(
                        new PeerStatus("wg0", key("unJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH8="),
                                Optional.of(new Endpoint("192.0.2.7", 51820)),
                                List.of(ip("10.10.0.2/32"), ip("192.168.2.0/24")), 1732531200L, 9216, 4128, OptionalInt.of(25)),
                        new PeerStatus("wg0", key("lMx0EdcX8UV5sqoQD7uzT6WT/q7Scki3YuOrWAXwdlo="),
                                Optional.of(new Endpoint("2001:db8::7", 51820)),
                                List.of(ip("fd00::2/128"), ip("10.10.0.3/32")), 1732531150L, 123456789012L, 98765432109L,
                                OptionalInt.empty()),
                        new PeerStatus("wg0", key("K5wdfg83xEkhvT9lZOrffxQqcmaMR+Ij0W7djEe0avw="),
                                Optional.empty(), List.of(), 0, 0, 0, OptionalInt.empty()),
                        new PeerStatus("wg0", key("W67iYfU7JhUtJjuoOwN81JYuQ0gBJWuIXpyQUfMgsNs="),
                                Optional.of(new Endpoint("fe80::1%eth0", 51820)),
                                List.of(ip("10.10.0.4/32")), 1732530000L, 1, 2, OptionalInt.empty()))),
                new InterfaceStatus("wg1", Optional.of(key("3Rey2EKEXegqW8U5iIrHgFSiOZzPyfzC2jHOPdFmvc0=")),
                        OptionalInt.of(51821), OptionalLong.of(0xca6c), List.of(
                        new PeerStatus("wg1", key("g/Oep629DXTm3sfz367Mj2RlZmQae6JmDzAR/DVwKRw="),
                                Optional.of(new Endpoint("198.51.100.20", 4500)),
                                List.of(ip("0.0.0.0/0"), ip("::/0")), 1732531199L, 42, 43, OptionalInt.of(15)))),
                new InterfaceStatus("wg2", Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), List.of()))));
    }

    @Test
    void skipsEachMalformedLineWithOneWarningAndUsesTheRest() {
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(fixture("malformed.dump"), warnings::add);

        assertThat(String.join("\n", warnings) + "\n").isEqualTo(fixture("malformed.warnings"));
        assertThat(state.interfaces()).extracting(InterfaceStatus::name).containsExactly("wg0");
        assertThat(state.interfaces().get(0).peers()).extracting(p -> p.publicKey().base64()).containsExactly(
                "HiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=",
                "RcdYirLyhYCd/8EoZNnKs+c5Fmnu5LhjIXN0MqDj6AE=");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "malformed.dump|malformed.secrets",
        "hub.dump|hub.secrets",
        "real-wireguard-go.dump|real-wireguard-go.secrets",
    })
    void noPrivateOrPresharedKeyFromFixturesAppearsInWarningsOrRecords(String dump, String secrets) {
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(fixture(dump), warnings::add);
        String everything = String.join("\n", warnings) + state;

        for (String secret : fixture(secrets).split("\n")) {
            assertThat(everything).doesNotContain(secret.substring(0, 16));
        }
    }

    @Test
    void toleratesEmptyInputEmptyLinesAndCrlf() {
        assertThat(WgDumpParser.parse("", w -> { throw new AssertionError(w); })).isEqualTo(new LiveState(List.of()));
        assertThat(WgDumpParser.parse("\n\n", w -> { throw new AssertionError(w); })).isEqualTo(new LiveState(List.of()));
        LiveState state = WgDumpParser.parse("\nwg0\t(none)\t(none)\t0\toff\r\n\r\n", w -> { throw new AssertionError(w); });
        assertThat(state.interfaces()).extracting(InterfaceStatus::name).containsExactly("wg0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x0|0",
        "0xffffffff|4294967295",
        "0XCA6C|51820",
        "1234|1234",
    })
    void readsFwmarkInHexAndDecimal(String text, long expected) {
        LiveState state = WgDumpParser.parse("wg0\t(none)\t(none)\t0\t" + text + "\n", w -> { throw new AssertionError(w); });
        assertThat(state.interfaces().get(0).fwmark()).isEqualTo(OptionalLong.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x100000000|bad fwmark (expected off or 0x0..0xffffffff, got 0x100000000)",
        "0x|bad fwmark (expected off or 0x0..0xffffffff, got 0x)",
        "OFF|bad fwmark (expected off or 0x0..0xffffffff, got OFF)",
    })
    void warnsAboutBadFwmark(String text, String problem) {
        assertThat(warningsOf("wg0\t(none)\t(none)\t0\t" + text + "\n")).containsExactly(
                "wg show all dump:1: " + problem + "; line skipped: wg0 (none) (none) 0 " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[2001:db8::1]|bad endpoint (expected address:port or [address]:port, got [2001:db8::1])",
        "[2001:db8::1]51820|bad endpoint (expected address:port or [address]:port, got [2001:db8::1]51820)",
        "2001:db8::1:51820|bad endpoint (expected address:port or [address]:port, got 2001:db8::1:51820)",
        "[192.0.2.1]:51820|bad endpoint (expected address:port or [address]:port, got [192.0.2.1]:51820)",
        "[fe80::1%]:51820|bad endpoint (expected address:port or [address]:port, got [fe80::1%]:51820)",
        "vpn.example.net:51820|bad endpoint (expected address:port or [address]:port, got vpn.example.net:51820)",
        "192.0.2.1:|bad endpoint (expected address:port or [address]:port, got 192.0.2.1:)",
        ":51820|bad endpoint (expected address:port or [address]:port, got :51820)",
    })
    void warnsAboutEndpointsWgWouldNeverPrint(String endpoint, String problem) {
        String peer = "wg0\tHiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=\t(none)\t" + endpoint + "\t(none)\t0\t0\t0\toff\n";
        assertThat(warningsOf("wg0\t(none)\t(none)\t0\toff\n" + peer)).containsExactly(
                "wg show all dump:2: " + problem + "; line skipped: wg0 HiI/tBkC… (none) "
                        + endpoint + " (none) 0 0 0 off");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1|10.0.0.1",
        "10.0.0.1/|10.0.0.1/",
        "10.0.0.256/32|10.0.0.256/32",
        "fd00::1/129|fd00::1/129",
        "10.0.0.1/32,,10.0.0.2/32|''",
        "10.0.0.1/32,|''",
    })
    void warnsAboutBadAllowedIps(String ips, String bad) {
        String peer = "wg0\tHiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=\t(none)\t(none)\t" + ips + "\t0\t0\t0\toff\n";
        assertThat(warningsOf("wg0\t(none)\t(none)\t0\toff\n" + peer)).containsExactly(
                "wg show all dump:2: bad allowed ip (expected address/prefix, got " + bad + "); line skipped: wg0 "
                        + "HiI/tBkC… (none) (none) " + ips + " 0 0 0 off");
    }

    @Test
    void keepaliveZeroMeansOffAsWgPrintsIt() {
        String dump = "wg0\t(none)\t(none)\t0\toff\n"
                + "wg0\tHiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=\t(none)\t(none)\t(none)\t0\t0\t0\t0\n";
        LiveState state = WgDumpParser.parse(dump, w -> { throw new AssertionError(w); });
        assertThat(state.interfaces().get(0).peers().get(0).persistentKeepaliveSeconds()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void peersOfAnEarlierInterfaceStillFindIt() {
        String dump = "wg0\t(none)\t(none)\t0\toff\n"
                + "wg1\t(none)\t(none)\t0\toff\n"
                + "wg0\tHiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=\t(none)\t(none)\t(none)\t0\t0\t0\toff\n";
        LiveState state = WgDumpParser.parse(dump, w -> { throw new AssertionError(w); });
        assertThat(state.interfaces().get(0).peers()).hasSize(1);
        assertThat(state.interfaces().get(1).peers()).isEmpty();
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomStatesSurviveRenderingAndParsing(int seed) {
        Random random = new Random(seed);
        WgDumps.Generated generated = WgDumps.generate(random, 1 + random.nextInt(4), random.nextInt(60));

        LiveState parsed = WgDumpParser.parse(generated.text(), w -> { throw new AssertionError(w); });

        assertThat(parsed).isEqualTo(generated.state());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void corruptedRandomDumpsNeverShowASecret(int seed) {
        Random random = new Random(1000 + seed);
        WgDumps.Generated generated = WgDumps.generate(random, 1 + random.nextInt(3), 1 + random.nextInt(30));
        String[] lines = generated.text().split("\n");
        // One fault per line: a third of the lines, each corrupted once.
        List<Integer> order = new ArrayList<>(IntStream.range(0, lines.length).boxed().toList());
        java.util.Collections.shuffle(order, random);
        for (int i : order.subList(0, 1 + lines.length / 3)) {
            lines[i] = corrupt(lines[i], random);
        }
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(String.join("\n", lines), warnings::add);

        assertThat(warnings).isNotEmpty();
        String everything = String.join("\n", warnings) + state;
        for (String secret : generated.secrets()) {
            assertThat(everything).doesNotContain(secret.substring(0, 16));
        }
    }

    /** One of the ways a line can go wrong: a field dropped, garbled, cut, doubled, emptied, or a secret moved. */
    private static String corrupt(String line, Random random) {
        List<String> fields = new ArrayList<>(List.of(line.split("\t", -1)));
        int f = random.nextInt(fields.size());
        switch (random.nextInt(6)) {
            case 0 -> fields.remove(f);
            case 1 -> fields.set(f, fields.get(f) + "x");
            case 2 -> fields.set(f, fields.get(f).substring(0, fields.get(f).length() / 2));
            case 3 -> fields.add(f, fields.get(f));
            case 4 -> {
                // A secret column slips into a non-key column (ifname or 4th and later).
                int secret = fields.size() == 5 ? 1 : 2;
                int g = random.nextBoolean() ? 0 : 3 + random.nextInt(fields.size() - 3);
                String moved = fields.get(secret);
                fields.set(secret, fields.get(g));
                fields.set(g, moved);
            }
            default -> fields.set(f, "");
        }
        return String.join("\t", fields);
    }
    @Test
    void secondLineForTheSamePeerIsSkippedAndTheFirstWins() {
        String key = "HiI/tBkCD3fMfC2ujzBygjD8u8Qha6RiHWVr/TYARd0=";
        String dump = "wg0\t(none)\t(none)\t0\toff\n"
                + "wg0\t" + key + "\t(none)\t192.0.2.1:51820\t10.0.0.2/32\t100\t1\t2\toff\n"
                + "wg1\t(none)\t(none)\t0\toff\n"
                + "wg1\t" + key + "\t(none)\t(none)\t(none)\t0\t0\t0\toff\n"
                + "wg0\t" + key + "\t(none)\t192.0.2.9:51820\t10.0.0.9/32\t200\t3\t4\toff\n";
        List<String> warnings = new ArrayList<>();
        LiveState state = WgDumpParser.parse(dump, warnings::add);

        assertThat(warnings).containsExactly("wg show all dump:5: second line for peer " + key.substring(0, 8)
                + "… of wg0 (expected one line per peer; the first one is used); line skipped: wg0 " + key.substring(0, 8) + "…"
                + " (none) 192.0.2.9:51820 10.0.0.9/32 200 3 4 off");
        assertThat(state.interfaces().get(0).peers()).singleElement()
                .satisfies(p -> assertThat(p.endpoint()).contains(new Endpoint("192.0.2.1", 51820)));
        assertThat(state.interfaces().get(1).peers()).hasSize(1);
    }

    @Test
    void moreThanTheLimitOfPeersFailsTheWholeDumpNamingHowMany() {
        Random random = new Random(9);
        StringBuilder dump = new StringBuilder("wg0\t(none)\t(none)\t0\toff\n");
        for (int i = 0; i < 25; i++) {
            dump.append(WgDumps.render(WgDumps.randomPeer(random, "wg0"), "(none)"));
        }
        assertThat(WgDumpParser.parse(dump.toString(), w -> { }, 25).interfaces().get(0).peers()).hasSize(25);
        dump.append("\n").append(WgDumps.render(WgDumps.randomPeer(random, "wg0"), "(none)"))
                .append(WgDumps.render(WgDumps.randomPeer(random, "wg0"), "(none)").strip());

        assertThatThrownBy(() -> WgDumpParser.parse(dump.toString(), w -> { }, 25))
                .isInstanceOf(TooManyPeersException.class)
                .hasMessage("live state has 27 peers, more than the 25 wgtrack tracks; no peer is judged or exported while there are more");
    }

    /** What did not change since the last dump is shared with it; what did is read anew; the result equals a fresh parse. */
    @Test
    void sharesUnchangedValuesWithThePreviousDump() {
        Random random = new Random(5);
        WgDumps.Generated first = WgDumps.generate(random, 2, 50);
        WgDumpParser.Reading before = WgDumpParser.read(first.text(), w -> { }, WgDumpParser.Reading.NONE);
        List<String> lines = new ArrayList<>(first.text().lines().toList());
        String moved = lines.get(3);
        lines.set(3, lines.get(4));
        lines.set(4, moved.replaceFirst("\t[0-9]+\t[0-9]+\t[0-9]+\t", "\t1800000000\t5\t6\t"));
        lines.remove(10);
        String text = String.join("\n", lines) + "\n";

        LiveState after = WgDumpParser.read(text, w -> { }, before).state();

        assertThat(after).isEqualTo(WgDumpParser.parse(text, w -> { }));
        PeerStatus unchanged = after.interfaces().get(0).peers().get(1);
        assertThat(before.state().interfaces().get(0).peers()).anySatisfy(p -> assertThat(p).isSameAs(unchanged));
        PeerStatus changed = after.interfaces().get(0).peers().get(3);
        PeerStatus old = before.state().interfaces().get(0).peers().stream()
                .filter(p -> p.publicKey().equals(changed.publicKey())).findFirst().orElseThrow();
        assertThat(changed).isNotEqualTo(old);
        assertThat(changed.publicKey()).isSameAs(old.publicKey());
        assertThat(changed.allowedIps()).isSameAs(old.allowedIps());
        assertThat(changed.latestHandshakeEpochSeconds()).isEqualTo(1_800_000_000L);
    }

    /**
     * Reading a dump against the last reading gives what a fresh parse gives, with the same
     * warnings, whatever changed between them: seeded random edits of lines (a column replaced
     * by another peer's, a line broken, swapped, dropped or repeated, an interface renamed).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void readingAgainstTheLastReadingEqualsAFreshParse(long seed) {
        Random random = new Random(seed);
        WgDumps.Generated generated = WgDumps.generate(random, 1 + random.nextInt(3), 1 + random.nextInt(30));
        List<String> lines = new ArrayList<>(generated.text().lines().toList());
        WgDumpParser.Reading last = WgDumpParser.Reading.NONE;
        for (int round = 0; round < 12; round++) {
            String text = String.join("\n", lines) + "\n";
            List<String> freshWarnings = new ArrayList<>();
            List<String> readWarnings = new ArrayList<>();
            LiveState fresh = WgDumpParser.parse(text, freshWarnings::add);
            last = WgDumpParser.read(text, readWarnings::add, last);
            assertThat(last.state()).as("round %d", round).isEqualTo(fresh);
            assertThat(readWarnings).as("round %d", round).isEqualTo(freshWarnings);
            edit(lines, random);
        }
    }

    /** One random edit of a dump's lines. */
    private static void edit(List<String> lines, Random random) {
        int at = random.nextInt(lines.size());
        int other = random.nextInt(lines.size());
        String[] fields = lines.get(at).split("\t", -1);
        String[] donor = lines.get(other).split("\t", -1);
        switch (random.nextInt(7)) {
            case 0 -> { // one column from another line (an endpoint, allowed ips, a key, a counter)
                int column = 1 + random.nextInt(Math.min(fields.length, donor.length) - 1);
                fields[column] = donor[column];
                lines.set(at, String.join("\t", fields));
            }
            case 1 -> { // a column broken
                int column = random.nextInt(fields.length);
                fields[column] = fields[column].isEmpty() ? "x" : fields[column].substring(1);
                lines.set(at, String.join("\t", fields));
            }
            case 2 -> Collections.swap(lines, at, other);
            case 3 -> {
                if (lines.size() > 1) {
                    lines.remove(at);
                }
            }
            case 4 -> lines.add(other, lines.get(at));
            case 5 -> { // counters and handshake move on, as every cycle
                if (fields.length == 9 && fields[5].matches("[0-9]{1,18}") && fields[6].matches("[0-9]{1,18}")) { // not a broken one
                    fields[5] = Long.toString(Long.parseLong(fields[5]) + 1);
                    fields[6] = Long.toString(Long.parseLong(fields[6]) + random.nextInt(1000));
                    lines.set(at, String.join("\t", fields));
                }
            }
            default -> { // interface renamed on this line
                fields[0] = "wg" + random.nextInt(4);
                lines.set(at, String.join("\t", fields));
            }
        }
    }
}
