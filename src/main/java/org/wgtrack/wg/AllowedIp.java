package org.wgtrack.wg;

import java.net.Inet4Address;
import java.net.InetAddress;

/** One allowed-ip as wg(8) prints it: {@code 10.10.0.2/32}, {@code fd00::/64}. */
public record AllowedIp(InetAddress address, int prefixLength) {

    public AllowedIp {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length out of range (expected 0.." + max + ", got " + prefixLength + ")");
        }
    }

    /** Parses {@code address/prefix} or a bare address (host route); IllegalArgumentException with a reason. */
    public static AllowedIp parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addressText = slash < 0 ? s : s.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressText)
                .orElseThrow(() -> new IllegalArgumentException("bad allowed-ip (expected address/prefix, got " + text + ")"));
        int max = address instanceof Inet4Address ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad allowed-ip prefix (expected 0.." + max + ", got " + text + ")");
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("bad allowed-ip prefix (expected 0.." + max + ", got " + text + ")");
            }
        }
        return new AllowedIp(address, prefix);
    }

    @Override
    public String toString() {
        return IpText.format(address) + "/" + prefixLength;
    }
}
