package org.wgtrack.track;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.wgtrack.wg.AllowedIp;

/**
 * Where to send a peer's echo request (SPEC §2): {@code ping_address} if set, else the first
 * allowed-ip of an address family the interface itself carries. An unspecified address
 * ({@code 0.0.0.0}, {@code ::}, a default-route peer) cannot be pinged: the hub would answer
 * its own echo request, so such a peer is judged by its handshake alone.
 *
 * @param unpingableReason why {@code address} is empty, for a one-time warning
 */
public record PingTarget(Optional<InetAddress> address, Optional<String> unpingableReason) {

    public boolean pingable() {
        return address.isPresent();
    }

    /**
     * @param interfaceHasIpv4 whether the peer's interface carries an IPv4 address (if it
     *                         carries none at all, pass true for both families)
     */
    public static PingTarget choose(Optional<InetAddress> pingAddress, List<AllowedIp> allowedIps,
                                    boolean interfaceHasIpv4, boolean interfaceHasIpv6) {
        if (pingAddress.isPresent()) {
            return checked(pingAddress.get(), null);
        }
        for (AllowedIp allowedIp : allowedIps) {
            boolean ipv4 = allowedIp.address() instanceof Inet4Address;
            if (ipv4 ? interfaceHasIpv4 : interfaceHasIpv6) {
                return checked(allowedIp.address(), allowedIp);
            }
        }
        return new PingTarget(Optional.empty(), Optional.of(allowedIps.isEmpty()
                ? "no allowed-ips to ping"
                : "no allowed-ip of an address family the interface carries"));
    }

    /**
     * @param allowedIp where the address came from, null for ping_address: its text is built only
     *                  for the rare warning, not for every peer in every cycle
     */
    private static PingTarget checked(InetAddress address, AllowedIp allowedIp) {
        if (address.isAnyLocalAddress()) {
            String origin = allowedIp == null ? "ping_address" : "allowed-ip " + allowedIp;
            return new PingTarget(Optional.empty(),
                    Optional.of(origin + " is unspecified (a default route); judging by handshake alone"));
        }
        return new PingTarget(Optional.of(address), Optional.empty());
    }
}
