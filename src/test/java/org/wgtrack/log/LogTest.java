package org.wgtrack.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Log log = new Log(new PrintStream(captured, true, StandardCharsets.UTF_8), true, LogLevel.DEBUG);

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNameThatTriesToForgeALineStaysOnItsOwnLineEscaped() {
        log.log(LogLevel.INFO, "wg0 evil\r2026-12-02T00:00:00Z INFO wg0 x: down → up:ok\u001b[2K\u2028\u202e (k8YzRPdd…): up:ok → down");

        assertThat(output()).isEqualTo("<6>wg0 evil\\r2026-12-02T00:00:00Z INFO wg0 x: down → up:ok\\x1b[2K\\u2028\\u202e"
                + " (k8YzRPdd…): up:ok → down\n");
    }

    @Test
    void aMultiLineMessageKeepsItsIndentedContinuationLines() {
        log.log(LogLevel.ERROR, "configuration not reloaded:\nwgtrack.conf:3: bad\ttab\nwgtrack.conf:4: bell\u0007");

        assertThat(output()).isEqualTo("<3>configuration not reloaded:\n    wgtrack.conf:3: bad\\ttab\n    wgtrack.conf:4: bell\\x07\n");
    }

    @Test
    void plainMessagesAreWrittenAsTheyAre() {
        log.log(LogLevel.WARNING, "wg0 peer1 (k8YzRPdd…): not pinging: allowed-ip 0.0.0.0/0 is a default route");

        assertThat(output()).isEqualTo("<4>wg0 peer1 (k8YzRPdd…): not pinging: allowed-ip 0.0.0.0/0 is a default route\n");
    }
}
