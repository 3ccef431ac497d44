package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * AllowedIp and Endpoint keep their text: still a record's equality and hash code (what they
 * were), the text they printed, built once.
 */
class ValueTextTest {

    @Test
    void allowedIpEqualsAndHashesByItsComponentsAndKeepsItsText() throws Exception {
        AllowedIp ip = AllowedIp.parse("fd00:0:0::2/128");
        AllowedIp same = new AllowedIp(InetAddress.getByName("fd00::2"), 128);

        assertThat(ip).isEqualTo(same).isNotEqualTo(AllowedIp.parse("fd00::2/127")).isNotEqualTo(AllowedIp.parse("fd00::3/128"));
        assertThat(ip.hashCode()).isEqualTo(same.hashCode()).isEqualTo(31 * Objects.hashCode(ip.address()) + 128);
        assertThat(ip.toString()).isEqualTo("fd00::2/128").isSameAs(ip.toString());
        assertThat(AllowedIp.parse("10.0.0.1")).hasToString("10.0.0.1/32");
    }

    @Test
    void endpointEqualsAndHashesByItsComponentsAndKeepsItsText() {
        Endpoint endpoint = new Endpoint("2001:db8::1", 51820);
        Endpoint same = Endpoint.parse("[2001:db8::1]:51820");

        assertThat(endpoint).isEqualTo(same).isNotEqualTo(new Endpoint("2001:db8::1", 51821))
                .isNotEqualTo(new Endpoint("2001:db8::2", 51820)).isNotEqualTo("[2001:db8::1]:51820");
        assertThat(endpoint.hashCode()).isEqualTo(same.hashCode()).isEqualTo(31 * "2001:db8::1".hashCode() + 51820);
        assertThat(endpoint.toString()).isEqualTo("[2001:db8::1]:51820").isSameAs(endpoint.toString());
        assertThat(new Endpoint("vpn.example.org", 1)).hasToString("vpn.example.org:1");
    }
}
