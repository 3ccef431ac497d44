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

    // Base64 digit values by character, -1 for characters outside the alphabet.
    private static final byte[] BASE64_VALUES = new byte[128];

    static {
        java.util.Arrays.fill(BASE64_VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64_VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    /**
     * Whether {@code text[from, to)} is a key as wg(8) accepts it: 43 base64 characters and
     * {@code =}. 43 characters carry 258 bits for 32 bytes, so the last one must leave its low
     * 2 bits zero; wg rejects keys that do not, and checking that by character class is exact
     * (it decodes canonically to 32 bytes iff this returns true) without decoding anything.
     * The dump parser calls this for every peer line: a table and no branch per character,
     * because random key characters defeat branch prediction (measured 10x slower).
     */
    public static boolean isValid(CharSequence text, int from, int to) {
        if (to - from != 44 || text.charAt(to - 1) != '=') {
            return false;
        }
        int all = 0;
        int wide = 0;
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            wide |= c;
            all |= BASE64_VALUES[c & 0x7f];
        }
        return wide < 128 && all >= 0 && (BASE64_VALUES[text.charAt(to - 2) & 0x7f] & 3) == 0;
    }

    /** The first 8 characters, as logs show keys ({@code k8YzRPdd…}). */
    public String shortForm() {
        return base64.substring(0, 8) + "…";
    }

    // equals and hashCode written out, with the values the record's generated ones have: those
    // go through method handles that C1 (the launcher's -XX:TieredStopAtLevel=1) does not
    // inline, and every cycle hashes every peer's key several times (CycleBench: 10,000 peers).
    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey key && base64.equals(key.base64);
    }

    @Override
    public int hashCode() {
        return base64.hashCode();
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
