package org.wgtrack.wg;

import java.util.Base64;

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
        if (text == null || text.length() != 44 || text.charAt(43) != '=') {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
