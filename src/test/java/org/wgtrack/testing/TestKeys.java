package org.wgtrack.testing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.wgtrack.wg.PublicKey;

/**
 * WireGuard keys for tests: 32 bytes in base64, as wg prints private, preshared and public keys.
 * Random ones come from the caller's seeded {@link Random}, so a failure reproduces; each draws
 * exactly 32 bytes from it.
 */
public final class TestKeys {

    private TestKeys() {
    }

    public static String randomBase64(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static PublicKey randomPublic(Random random) {
        return new PublicKey(randomBase64(random));
    }

    /** Key number {@code n}: its first two bytes hold n (low byte first), the rest are zero; distinct for n below 65,536. */
    public static PublicKey numbered(int n) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) n;
        bytes[1] = (byte) (n >> 8);
        return new PublicKey(Base64.getEncoder().encodeToString(bytes));
    }

    /** A key whose 32 bytes all equal {@code b}: easy to tell apart in golden files ({@code AQEB…}, {@code AgIC…}). */
    public static PublicKey repeating(int b) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) b);
        return new PublicKey(Base64.getEncoder().encodeToString(bytes));
    }
}
