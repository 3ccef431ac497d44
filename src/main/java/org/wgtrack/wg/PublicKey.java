package org.wgtrack.wg;

/**
 * A WireGuard public key in wg(8)'s base64 form (44 characters, 32 bytes).
 * Public keys identify peers and may appear in logs and outputs; private and
 * preshared keys never get a type of their own because wgtrack never keeps them.
 */
public record PublicKey(String base64) implements Comparable<PublicKey> {

    public PublicKey {
        if (!isValid(base64)) {
            throw new IllegalArgumentException("not a WireGuard public key (expected 44 base64 characters for 32 bytes)");
        }
    }

    public static boolean isValid(String text) {
        return text != null && isValid(text, 0, text.length());
    }

    /**
     * Whether {@code text[from, to)} is a key as wg(8) accepts it: 43 base64 characters and
     * {@code =}. 43 characters carry 258 bits for 32 bytes, so the last one must leave its low
     * 2 bits zero; wg rejects keys that do not, and checking that by character class is exact
     * (it decodes to 32 bytes iff this returns true) without decoding anything. The dump
     * parser calls this for every peer line, so it allocates nothing.
     */
    public static boolean isValid(CharSequence text, int from, int to) {
        if (to - from != 44 || text.charAt(to - 1) != '=') {
            return false;
        }
        for (int i = from; i < to - 2; i++) {
            if (base64Value(text.charAt(i)) < 0) {
                return false;
            }
        }
        int last = base64Value(text.charAt(to - 2));
        return last >= 0 && (last & 3) == 0;
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }

    /** The first 8 characters, as logs show keys ({@code k8YzRPdd…}). */
    public String shortForm() {
        return base64.substring(0, 8) + "…";
    }

    @Override
    public int compareTo(PublicKey other) {
        return base64.compareTo(other.base64);
    }

    @Override
    public String toString() {
        return base64;
    }
}
