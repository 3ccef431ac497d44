package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TerminalSafeTest {

    @Test
    void jsonKeepsItsMeaningAndLosesItsControlCharacters() throws IOException {
        // Jackson escapes C0 controls itself; C1 controls and format characters it writes as they are.
        String json = "{\n  \"name\" : \"\\u001B]0;x\\u0007\u009b2J\u2028\u202e\"\n}";

        String safe = TerminalSafe.json(json);

        assertThat(safe).isEqualTo("{\n  \"name\" : \"\\u001B]0;x\\u0007\\u009B2J\\u2028\\u202E\"\n}");
        assertThat(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(safe)).isEqualTo(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(json));
    }

    @Test
    void plainJsonAndTextStayAsTheyAre() {
        String json = "{\n  \"name\" : \"Zürich 🚀\"\n}";
        assertThat(TerminalSafe.json(json)).isSameAs(json);
        assertThat(TerminalSafe.text("Zürich")).isEqualTo("Zürich");
        assertThat(TerminalSafe.text("a\u001b[2Jb")).isEqualTo("a\\x1b[2Jb");
    }

    @Test
    void randomStringsComeOutPrintableAndMeanTheSame() throws IOException {
        Random random = new Random(17);
        for (int i = 0; i < 500; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = 0; j < 12; j++) {
                name.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x30) + 0x80 : random.nextInt(0x2100));
            }
            String json = com.fasterxml.jackson.jr.ob.JSON.std.asString(java.util.Map.of("name", name.toString()));
            String safe = TerminalSafe.json(json);
            assertThat(org.wgtrack.log.Shown.isPlain(safe)).as("seed 17, #%d", i).isTrue();
            assertThat(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(safe)).isEqualTo(com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(json));
        }
    }
}
