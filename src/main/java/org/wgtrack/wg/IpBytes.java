package org.wgtrack.wg;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 and IPv6 literals to addresses without {@code InetAddress.getByName}, for the dump
 * parser's hot path ({@code 10.10.0.2}, {@code fd00::1}, {@code ::ffff:192.0.2.1}).
 *
 * <p>The grammar is inet_pton(3)'s, which is what wg(8) prints with: IPv4 is four decimal
 * octets without leading zeros; IPv6 has at most eight groups of one to four hex digits, one
 * {@code ::}, and may end in a dotted IPv4 quad. Every literal accepted here means the same
 * address to {@code InetAddress.getByName}; the JDK additionally accepts leading zeros
 * ({@code 010.0.0.1}, {@code 00000::1}), which inet_pton and this class reject.
 * IPv4-mapped IPv6 literals become {@code Inet4Address}, as with the JDK.
 */
final class IpBytes {

    // Hex digit values by character, -1 for others; Character.digit also takes non-ASCII digits.
    private static final byte[] HEX_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUES["0123456789abcdef".charAt(i)] = (byte) i;
            HEX_VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    private IpBytes() {
    }

    /** The address of {@code text[from, to)}, or null if it is not a literal. */
    static InetAddress address(CharSequence text, int from, int to) {
        return address(text, from, to, new byte[16], new byte[4]);
    }

    /**
     * As {@link #address(CharSequence, int, int)}, with scratch arrays of 16 and 4 bytes that
     * the caller reuses: InetAddress copies what it keeps, so the dump parser allocates no
     * temporary array per address.
     */
    static InetAddress address(CharSequence text, int from, int to, byte[] scratch16, byte[] scratch4) {
        int length = parse(text, from, to, scratch16);
        if (length == 0) {
            return null;
        }
        byte[] bytes = scratch16;
        if (length == 4) {
            System.arraycopy(scratch16, 0, scratch4, 0, 4);
            bytes = scratch4;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }

    /** 4 or 16 bytes for a literal, null otherwise. */
    static byte[] parse(CharSequence text, int from, int to) {
        byte[] out = new byte[16];
        int length = parse(text, from, to, out);
        return length == 0 ? null : java.util.Arrays.copyOf(out, length);
    }

    /** Writes the address of a literal to {@code out[0, 4)} or {@code out[0, 16)} and returns 4 or 16; 0 if not a literal. */
    static int parse(CharSequence text, int from, int to, byte[] out) {
        // The first ':' or '.' tells the family: an IPv6 literal has a ':' before any dotted tail.
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return parseIpv6(text, from, to, out) ? 16 : 0;
            }
            if (c == '.') {
                break;
            }
        }
        return parseIpv4(text, from, to, out, 0) ? 4 : 0;
    }

    private static boolean parseIpv4(CharSequence text, int from, int to, byte[] out, int offset) {
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            out[offset + octets++] = (byte) value;
            if (octets == 4) {
                return i == to;
            }
            if (i >= to || text.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    // Follows inet_pton6 from glibc (itself from BIND): groups are written left to right,
    // "::" remembers where it was, and the tail is moved right at the end.
    private static boolean parseIpv6(CharSequence text, int from, int to, byte[] out) {
        java.util.Arrays.fill(out, (byte) 0);
        int i = from;
        if (i < to && text.charAt(i) == ':') {
            if (i + 1 >= to || text.charAt(i + 1) != ':') {
                return false;
            }
            i++;
        }
        int written = 0;
        int gap = -1;
        int groupStart = i;
        int value = 0;
        int digits = 0;
        boolean dottedTail = false;
        while (i < to) {
            char c = text.charAt(i++);
            int hex = c < 128 ? HEX_VALUES[c] : -1;
            if (hex >= 0) {
                if (digits == 4) {
                    return false;
                }
                value = (value << 4) | hex;
                digits++;
                continue;
            }
            if (c == ':') {
                groupStart = i;
                if (digits == 0) {
                    if (gap >= 0) {
                        return false;
                    }
                    gap = written;
                    continue;
                }
                if (i == to || written + 2 > 16) {
                    return false;
                }
                out[written++] = (byte) (value >> 8);
                out[written++] = (byte) value;
                value = 0;
                digits = 0;
                continue;
            }
            if (c == '.' && written + 4 <= 16) {
                if (!parseIpv4(text, groupStart, to, out, written)) {
                    return false;
                }
                written += 4;
                digits = 0;
                dottedTail = true;
                break;
            }
            return false;
        }
        if (digits > 0 && !dottedTail) {
            if (written + 2 > 16) {
                return false;
            }
            out[written++] = (byte) (value >> 8);
            out[written++] = (byte) value;
        }
        if (gap >= 0) {
            if (written == 16) {
                return false;
            }
            int tail = written - gap;
            for (int k = 1; k <= tail; k++) {
                out[16 - k] = out[gap + tail - k];
                out[gap + tail - k] = 0;
            }
            written = 16;
        }
        return written == 16;
    }
}
