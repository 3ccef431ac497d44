package org.wgtrack.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.testing.TestKeys;

class ShownTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vpn.example.net:51820|vpn.example.net:51820",
        "10.0.0.1/33|10.0.0.1/33",
        "[2001:db8::1]:51820|[2001:db8::1]:51820",
        "branch-office Zürich|branch-office Zürich",
    })
    void ordinaryValuesAreShownAsTheyAre(String input, String shown) {
        assertThat(Shown.value(input)).isEqualTo(shown);
    }

    @Test
    void controlAndLineBreakingCharactersAreEscaped() {
        assertThat(Shown.escaped("a\rb\nc\td\u001b[31me\u007ff\u0085g\u2028h\u2029i\u202ej\u200bk"))
                .isEqualTo("a\\rb\\nc\\td\\x1b[31me\\x7ff\\x85g\\u2028h\\u2029i\\u202ej\\u200bk");
    }

    @Test
    void loneSurrogatesAreEscapedAndPairsKept() {
        assertThat(Shown.escaped("x\ud800y\udc00z")).isEqualTo("x\\ud800y\\udc00z");
        assertThat(Shown.escaped("emoji \ud83d\ude00")).isEqualTo("emoji \ud83d\ude00");
        assertThat(Shown.escaped("tag \udb40\udc41")).isEqualTo("tag \\U000e0041");
    }

    @Test
    void plainTextIsReturnedUnchanged() {
        String text = "wg0 peer1 (k8YzRPdd…): up:ok → down:waiting (no handshake for 182 s)";
        assertThat(Shown.escaped(text)).isSameAs(text);
        assertThat(Shown.isPlain(text)).isTrue();
        assertThat(Shown.isPlain("a\rb")).isFalse();
    }

    @Test
    void aKeyAnywhereInAValueIsHidden() {
        String key = TestKeys.randomBase64(new SecureRandom());
        assertThat(Shown.value(key)).isEqualTo("[hidden]");
        assertThat(Shown.value("10.0.0.2/32, " + key + " # x")).isEqualTo("10.0.0.2/32, [hidden] # x");
        assertThat(Shown.value("[Interface]\rPrivateKey = " + key + "\rAddress = 10.0.0.1/24"))
                .isEqualTo("[Interface]\\rPrivateKey = [hidden]\\rAddr…");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 20, 30, 43})
    void aKeyFragmentOfSixteenOrMoreCharactersIsHidden(int length) {
        String fragment = TestKeys.randomBase64(new SecureRandom()).substring(0, length);
        assertThat(Shown.value("x " + fragment + " y")).isEqualTo("x [hidden] y");
    }

    @Test
    void fifteenBase64CharactersAreStillShown() {
        assertThat(Shown.value("abcdefghijklmno")).isEqualTo("abcdefghijklmno");
    }

    @Test
    void longValuesAreCutAfterFortyCharacters() {
        assertThat(Shown.value("a.".repeat(30))).isEqualTo("a.".repeat(20) + "…");
        assertThat(Shown.value("ü.".repeat(20))).isEqualTo("ü.".repeat(20));
        assertThat(Shown.value("\r".repeat(30))).isEqualTo("\\r".repeat(20) + "…");
    }

    @Test
    void noSixteenCharactersOfAPlantedKeyEverShow() {
        Random random = new Random(20261202);
        for (int round = 0; round < 2_000; round++) {
            String key = TestKeys.randomBase64(random);
            StringBuilder input = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                input.append(random.nextBoolean() ? key.substring(random.nextInt(20)) : "\r.,= \u0000/".charAt(random.nextInt(7)));
            }
            String shown = Shown.value(input) + Shown.value(input.reverse());
            for (int i = 0; i + Shown.KEY_LIKE_RUN <= key.length(); i++) {
                assertThat(shown).doesNotContain(key.substring(i, i + Shown.KEY_LIKE_RUN));
            }
        }
    }
}
