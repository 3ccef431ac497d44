package org.wgtrack.wg;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A WireGuard public key in wg(8)'s base64 form (44 characters, 32 bytes).
 * Public keys identify peers and may appear in logs and outputs; private and
 * preshared keys never get a type of their own because wgtrack never keeps them.
 */
public final class PublicKey implements Comparable<PublicKey> {

    private final String base64;
    /**
     * The key's 32 bytes as four words, for {@link #equals}: every cycle looks each live peer's
     * key up in its interface's configuration, whose keys are other instances, and comparing
     * the 44 characters there under C1 cost 6 % of a 10,000-peer cycle (CycleBench, text dump,
     * no outputs: 13.1–13.7 ms with the text, 12.3–12.6 ms with the words), for 32 bytes more per
     * key. Since only canonical base64 is accepted, equal words mean equal text.
     */
    private final long word0;
    private final long word1;
    private final long word2;
    private final long word3;

    public PublicKey(String base64) {
        if (!isValid(base64)) {
            throw new IllegalArgumentException("not a WireGuard public key (expected 44 base64 characters for 32 bytes)");
        }
        this.base64 = base64;
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        this.word0 = bytes.getLong();
        this.word1 = bytes.getLong();
        this.word2 = bytes.getLong();
        this.word3 = bytes.getLong();
    }

    /** The key in wg(8)'s base64 form, as given. */
    public String base64() {
        return base64;
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

    // Equal iff the base64 text is; hashCode is the text's (cached by String), the value it had as a record.
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (other == null || other.getClass() != PublicKey.class) { // a final class
            return false;
        }
        PublicKey key = (PublicKey) other;
        return word0 == key.word0 && word1 == key.word1 && word2 == key.word2 && word3 == key.word3;
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
