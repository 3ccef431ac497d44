package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.testing.WgDumps;

/**
 * IpBytes against the JDK. InetAddress.getByName is only ever handed strings it treats as
 * literals (they contain ':' and start with a hex digit or ':'), so no test does a lookup.
 */
class IpBytesTest {

    private static final Pattern IPV4_REFERENCE =
            Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    static InetAddress jdk(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static InetAddress ours(String text) {
        return IpBytes.address(text, 0, text.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.10.0.2|10.10.0.2",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255",
        "fd00::2|fd00::2",
        "::|::",
        "::1|::1",
        "1::|1::",
        "2001:DB8::7|2001:db8::7",
        "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
        "::ffff:192.0.2.1|192.0.2.1",
        "64:ff9b::192.0.2.1|64:ff9b::c000:201",
        "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
    })
    void readsLiteralsAsTheJdkDoes(String text, String same) {
        assertThat(ours(text)).isEqualTo(jdk(same)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.4.",
        ".1.2.3", "a.b.c.d", "1.2.3.-4", "١.2.3.4", ":", ":::", "1:", ":1", "1:::2", "1::2::3", "12345::1",
        "00000::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "1::2:3:4:5:6:7:8", "::1.2.3", "::1.2.3.4.5",
        "::01.2.3.4", "1.2.3.4::", "::1.2.3.4:1", "1:2:3:4:5:6:7:1.2.3.4", "g::1", "fe80::1%eth0", "[::1]",
        "::１"})
    void rejectsWhatInetPtonRejects(String text) {
        assertThat(IpBytes.parse(text, 0, text.length())).isNull();
    }

    /** Random addresses in every way inet_ntop and people write them: all agree with the JDK. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomAddressesInEveryNotationMatchTheJdk(int seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 2_000; n++) {
            InetAddress address = WgDumps.randomAddress(random, random.nextBoolean() ? 4 : 16);
            for (String text : notations(address, random)) {
                assertThat(ours(text)).as(text).isEqualTo(address);
            }
        }
    }

    /** Random strings over the literal alphabet: accepted exactly when the JDK (or the IPv4 reference) accepts. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomStringsAgreeWithTheJdkExceptForLeadingZeros(int seed) {
        Random random = new Random(100 + seed);
        String alphabet = "0123456789abcdefABCDEF:.:::..0011fF";
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check(text.toString());
        }
    }

    /** Random edits of valid literals, which land near the edge of the grammar far more often. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedLiteralsAgreeWithTheJdkExceptForLeadingZeros(int seed) {
        Random random = new Random(200 + seed);
        String alphabet = "0123456789abcdef:.";
        for (int n = 0; n < 10_000; n++) {
            InetAddress address = WgDumps.randomAddress(random, random.nextBoolean() ? 4 : 16);
            StringBuilder text = new StringBuilder(notations(address, random)[random.nextInt(4)]);
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        InetAddress ours = ours(text);
        boolean literalToJdk = text.indexOf(':') >= 0 && !text.isEmpty()
                && (text.charAt(0) == ':' || Character.digit(text.charAt(0), 16) >= 0);
        if (literalToJdk) {
            InetAddress jdk = jdk(text);
            if (ours != null) {
                assertThat(jdk).as(text).isEqualTo(ours);
            } else if (jdk != null) {
                // The one known difference: inet_pton refuses leading zeros the JDK reads.
                assertThat(hasLeadingZeros(text)).as(text + " accepted by the JDK as " + jdk).isTrue();
            }
        } else if (text.indexOf(':') < 0) {
            boolean reference = IPV4_REFERENCE.matcher(text).matches()
                    && text.chars().filter(c -> c == '.').count() == 3
                    && java.util.Arrays.stream(text.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
            assertThat(ours != null).as(text).isEqualTo(reference);
            if (ours != null) {
                assertThat(ours).isInstanceOf(Inet4Address.class).isEqualTo(jdk(text));
            }
        } else {
            assertThat(ours).as(text).isNull();
        }
    }

    private static boolean hasLeadingZeros(String text) {
        for (String group : text.split("[:.]")) {
            boolean dottedPart = text.indexOf('.') >= 0;
            if (group.length() > 4 || (dottedPart && group.length() > 1 && group.charAt(0) == '0')) {
                return true;
            }
        }
        return false;
    }

    /** inet_ntop form, JDK full form, upper case, and zero-padded groups. */
    private static String[] notations(InetAddress address, Random random) {
        String compressed = WgDumps.literal(address);
        String full = address.getHostAddress();
        if (address instanceof Inet4Address) {
            return new String[] {compressed, full, full, "::ffff:" + full};
        }
        StringBuilder padded = new StringBuilder();
        for (String group : full.split(":")) {
            padded.append(padded.length() > 0 ? ":" : "").append("0".repeat(random.nextInt(5 - group.length())))
                    .append(group);
        }
        return new String[] {compressed, full, compressed.toUpperCase(java.util.Locale.ROOT), padded.toString()};
    }
}
