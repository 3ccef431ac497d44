package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTextTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:0:0:0:2, 2001:db8::2",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "fd00:0:0:0:0:0:0:0, fd00::",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:0:0:1:0:0:1:1, 2001::1:0:0:1:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:1, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
        "fe80:0:0:0:0:0:0:1%1, fe80::1",
        "10.10.0.2, 10.10.0.2",
    })
    void formatsAsRfc5952(String input, String expected) throws Exception {
        assertThat(IpText.format(InetAddress.getByName(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void formattedTextParsesBackToTheSameAddress(long seed) throws Exception {
        Random random = new Random(seed);
        for (int n = 0; n < 2000; n++) {
            byte[] raw = new byte[16];
            for (int i = 0; i < 16; i += 2) {
                if (random.nextInt(3) > 0) {
                    raw[i] = (byte) random.nextInt(256);
                    raw[i + 1] = (byte) random.nextInt(256);
                }
            }
            InetAddress address = InetAddress.getByAddress(raw);
            String text = IpText.format(address);
            assertThat(InetAddress.getByName(text)).isEqualTo(address);
            assertThat(text).doesNotContain(":::").matches("[0-9a-f:.]+");
            assertThat(text.split("::", -1).length).isLessThanOrEqualTo(2);
        }
    }
}
