package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1,          10.0.0.1",
        "fd00::1,           fd00::1",
        "fe80::1%eth0,      fe80::1",
        "::ffff:192.0.2.1,  192.0.2.1",
        "0.0.0.0,           0.0.0.0",
        "::,                ::",
    })
    void literalsParse(String text, String address) {
        assertThat(IpLiteral.parse(text).map(IpText::format)).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "999.1.1.1", "1.2.3", "127.1", "0x7f.0.0.1", "00000::1", "1::2::3",
        "vpn.example.net", "localhost", "1.2.3.4%eth0", "%eth0", " 10.0.0.1"})
    void whatInetPtonRefusesIsNoLiteral(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }

    @Test
    void acceptsExactlyWhatTheDumpParserAccepts() {
        Random random = new Random(7);
        String alphabet = "0123456789abcdef.:";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(16); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String literal = text.toString();
            Optional<InetAddress> viaDump = Optional.ofNullable(IpBytes.address(literal, 0, literal.length()));
            assertThat(IpLiteral.parse(literal)).as(literal).isEqualTo(viaDump);
        }
    }
}
