package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OsProcessRunnerTest {

    private final OsProcessRunner runner = new OsProcessRunner();

    @Test
    void returnsStatusAndBothStreams() throws Exception {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10));

        assertThat(result).isEqualTo(new ProcessResult(3, "out\n", "err\n"));
    }

    @Test
    void argumentsReachTheProgramUnchangedWithoutAShell() throws Exception {
        ProcessResult result = runner.run(List.of("/bin/echo", "a b", "$HOME", ";", "`id`"), Duration.ofSeconds(10));

        assertThat(result.stdout()).isEqualTo("a b $HOME ; `id`\n");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotBlock() throws Exception {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; head -c 300000 /dev/zero >&2"),
                Duration.ofSeconds(20));

        assertThat(result.stdout()).hasSize(3_000_000);
        assertThat(result.stderr()).hasSize(300_000);
    }

    @Test
    void hangingProgramIsKilledAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("/bin/sleep", "30"), Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("/bin/sleep did not finish within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void missingProgramIsAnIoException() {
        assertThatThrownBy(() -> runner.run(List.of("/nonexistent/wg"), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/nonexistent/wg");
    }
}
