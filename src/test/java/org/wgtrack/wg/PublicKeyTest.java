package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.testing.TestKeys;

class PublicKeyTest {

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }

    /** What wg accepts: base64 that decodes to 32 bytes and encodes back to the same text. */
    static boolean reference(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return text.length() == 44 && bytes.length == 32 && Base64.getEncoder().encodeToString(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void characterClassCheckAgreesWithDecodingOnRandomNearKeys(int seed) {
        Random random = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ é";
        for (int n = 0; n < 5_000; n++) {
            char[] key = TestKeys.randomBase64(random).toCharArray();
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                // Mostly the 43rd character, where only 16 of 64 values are allowed.
                int at = random.nextBoolean() ? 42 : random.nextInt(key.length);
                key[at] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = random.nextInt(20) == 0 ? new String(key, 0, random.nextInt(44)) : new String(key);
            assertThat(PublicKey.isValid(text)).as(text).isEqualTo(reference(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrB=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-=", ""})
    void rejectsNonCanonicalAndMisshapenKeysWithoutEchoingThem(String text) {
        assertThat(PublicKey.isValid(text)).isFalse();
        assertThatThrownBy(() -> new PublicKey(text))
                .hasMessage("not a WireGuard public key (expected 44 base64 characters for 32 bytes)");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRandomKeyIsValidAlsoAsARange(int seed) {
        Random random = new Random(seed);
        String key = TestKeys.randomBase64(random);
        String padded = "\t" + key + "\t";
        assertThat(PublicKey.isValid(key)).isTrue();
        assertThat(PublicKey.isValid(padded, 1, 45)).isTrue();
        assertThat(Arrays.asList(PublicKey.isValid(padded, 0, 44), PublicKey.isValid(padded, 2, 46))).containsOnly(false);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keysAreEqualExactlyWhenTheirTextIsAlsoOneBitApart(int seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String text = Base64.getEncoder().encodeToString(bytes);
            PublicKey key = new PublicKey(text);
            PublicKey same = new PublicKey(new String(text.toCharArray())); // another String instance
            assertThat(key).isEqualTo(same).hasSameHashCodeAs(same).hasToString(text);
            assertThat(key.compareTo(same)).isZero();

            byte[] flipped = bytes.clone();
            int bit = random.nextInt(256);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            PublicKey other = new PublicKey(Base64.getEncoder().encodeToString(flipped));
            assertThat(key).as("bit %d flipped", bit).isNotEqualTo(other);
            assertThat(key.compareTo(other)).isNotZero();
        }
    }
}
