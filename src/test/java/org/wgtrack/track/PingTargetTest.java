package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wgtrack.wg.AllowedIp;

class PingTargetTest {

    private static List<AllowedIp> allowed(String... ips) {
        return java.util.Arrays.stream(ips).map(AllowedIp::parse).toList();
    }

    @Test
    void firstAllowedIpOfAFamilyTheInterfaceCarries() throws Exception {
        PingTarget target = PingTarget.choose(Optional.empty(), allowed("fd00::2/128", "10.10.0.2/32"), true, false);

        assertThat(target.address()).contains(InetAddress.getByName("10.10.0.2"));
    }

    @Test
    void ipv6TunnelPingsTheIpv6AllowedIp() throws Exception {
        PingTarget target = PingTarget.choose(Optional.empty(), allowed("10.10.0.2/32", "fd00::2/128"), false, true);

        assertThat(target.address()).contains(InetAddress.getByName("fd00::2"));
    }

    @Test
    void pingAddressWinsOverTheAllowedIps() throws Exception {
        PingTarget target = PingTarget.choose(Optional.of(InetAddress.getByName("192.168.7.1")), allowed("10.10.0.2/32"), true, true);

        assertThat(target.address()).contains(InetAddress.getByName("192.168.7.1"));
    }

    @Test
    void defaultRoutePeerIsNotPingable() {
        PingTarget target = PingTarget.choose(Optional.empty(), allowed("0.0.0.0/0", "::/0"), true, true);

        assertThat(target.pingable()).isFalse();
        assertThat(target.unpingableReason()).contains("allowed-ip 0.0.0.0/0 is unspecified (a default route); judging by handshake alone");
    }

    @Test
    void unspecifiedPingAddressIsNotPingable() throws Exception {
        PingTarget target = PingTarget.choose(Optional.of(InetAddress.getByName("::")), allowed("10.10.0.2/32"), true, true);

        assertThat(target.unpingableReason()).contains("ping_address is unspecified (a default route); judging by handshake alone");
    }

    @Test
    void noAllowedIpsOrNoneOfTheTunnelsFamily() {
        assertThat(PingTarget.choose(Optional.empty(), List.of(), true, true).unpingableReason())
                .contains("no allowed-ips to ping");
        assertThat(PingTarget.choose(Optional.empty(), allowed("fd00::2/128"), true, false).unpingableReason())
                .contains("no allowed-ip of an address family the interface carries");
    }
}
