package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void largeOutputOnBothStreamsDoesNotBlockAndStderrKeepsItsHead() throws Exception {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; head -c 300000 /dev/zero | tr '\\0' e >&2"),
                Duration.ofSeconds(20));

        assertThat(result.stdout()).hasSize(3_000_000);
        assertThat(result.stderr()).isEqualTo("e".repeat(OsProcessRunner.MAX_STDERR_BYTES) + "\n[stderr cut after 64 KiB]");
    }

    /** The size expected only sizes the first buffer: output shorter, as long or longer than it reads the same. */
    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 1000, 96_896, 96_897, 96_898, 500_000, Integer.MAX_VALUE})
    void anExpectedSizeChangesNothingButTheBuffer(int expected) throws Exception {
        List<String> command = List.of("/bin/sh", "-c", "seq 1 18000; echo é");
        String whole = runner.run(command, Duration.ofSeconds(10)).stdout();

        ProcessResult result = runner.run(command, Duration.ofSeconds(10), expected);

        assertThat(whole).hasSize(96_896).endsWith("18000\né\n");
        assertThat(result).isEqualTo(new ProcessResult(0, whole, ""));
    }

    @Test
    void stdoutBeyondTheCapKillsTheChildAndFails() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "head -c 200000000 /dev/zero; sleep 60"), Duration.ofSeconds(20)))
                .isInstanceOf(OutputTooLargeException.class)
                .hasMessage("/bin/sh printed more than 32 MiB on stdout and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFloodOnStderrIsDrainedAndCut() throws Exception {
        long start = System.nanoTime();
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "yes 'wg: flood' | head -c 200000000 >&2; echo done"),
                Duration.ofSeconds(30));

        assertThat(result.stdout()).isEqualTo("done\n");
        assertThat(result.stderr()).startsWith("wg: flood\nwg: flood\n").endsWith("\n[stderr cut after 64 KiB]")
                .hasSize(OsProcessRunner.MAX_STDERR_BYTES + "\n[stderr cut after 64 KiB]".length());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("took about 0.5 s here").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stdoutExactlyAtTheCapIsAccepted() throws Exception {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "head -c " + OsProcessRunner.MAX_STDOUT_BYTES + " /dev/zero"),
                Duration.ofSeconds(20));

        assertThat(result.stdout()).hasSize(OsProcessRunner.MAX_STDOUT_BYTES);
    }

    /** 12 MB is a 100,000-peer dump; reading it must not be slower than the polling allows (it took 40–65 ms here). */
    @Test
    void aDumpOfAHundredThousandPeersIsReadQuickly() throws Exception {
        long start = System.nanoTime();
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "yes 'wg0 xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg= (none) 10.0.0.1:51820 10.10.0.2/32 1795608018 1000 2000 off' | head -c 12000000"),
                Duration.ofSeconds(20));

        assertThat(result.stdout()).hasSize(12_000_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void timeOutKillsTheChildrenOfTheChildToo(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "sleep 60 & echo $! > \"$1\"; wait", "sh", pidFile.toString()),
                Duration.ofMillis(500)))
                .isInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));

        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElse(null);
        if (child != null) {
            assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    /** A grandchild that left the tree (its parent exited) and holds the pipes must not hold the call. */
    @Test
    void escapedGrandchildHoldingThePipesDoesNotBlockTheCall(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        long start = System.nanoTime();
        try {
            ProcessResult result = runner.run(List.of("/bin/sh", "-c", "(sleep 20 & echo $! > \"$1\"); echo done", "sh", pidFile.toString()),
                    Duration.ofSeconds(10));
            assertThat(result.stdout()).isEqualTo("done\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

            assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "(sleep 20 &); sleep 60"), Duration.ofMillis(300)))
                    .isInstanceOf(TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void manyTimeOutsOfAForkingChildLeaveThreadCountFlat() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        runOnceTimingOut();
        int before = threads.getThreadCount();
        for (int i = 0; i < 30; i++) {
            runOnceTimingOut();
        }
        Thread.sleep(200);
        assertThat(threads.getThreadCount()).isLessThanOrEqualTo(before + 2);
    }

    private void runOnceTimingOut() {
        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "sleep 60 & sleep 60"), Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class);
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
