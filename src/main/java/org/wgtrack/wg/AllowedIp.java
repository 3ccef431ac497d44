package org.wgtrack.wg;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * One allowed-ip as wg(8) prints it: {@code 10.10.0.2/32}, {@code fd00::/64}.
 *
 * <p>A value class with a record's API and equality; not a record because it keeps its text:
 * every output writes every peer's allowed-ips every cycle, and the dump parser hands on the
 * same instances while they stay unchanged, so the text is built once instead of per cycle.
 */
public final class AllowedIp {

    private final InetAddress address;
    private final int prefixLength;
    /** {@link #toString}, built on first use; a race builds an equal String twice, which is harmless. */
    private String text;

    public AllowedIp(InetAddress address, int prefixLength) {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length out of range (expected 0.." + max + ", got " + prefixLength + ")");
        }
        this.address = address;
        this.prefixLength = prefixLength;
    }

    public InetAddress address() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
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
    public boolean equals(Object o) {
        return o instanceof AllowedIp other && address.equals(other.address) && prefixLength == other.prefixLength;
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + prefixLength;
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = IpText.format(address) + "/" + prefixLength;
            text = t;
        }
        return t;
    }
}
