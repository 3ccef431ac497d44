package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.WgtrackConf;

/**
 * {@code bin/wgtrack} (its shipped JVM flags, {@code -Xmx64m}) against a {@code wg} that
 * misbehaves on request: one that forks a sleeping child and hangs (100 time-outs must leave
 * the daemon's threads and file descriptors flat: before, each time-out left two drain threads
 * waiting on the pipes the child kept open), and one that prints 200 MB on stdout or on
 * stderr (before, an OutOfMemoryError ended the daemon). Each fault is reported, and the
 * daemon recovers when {@code wg} behaves again. Needs no root and no network.
 */
class DaemonWgFaultsIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    /** Modes are files in its directory: {@code hang}, {@code flood-stdout}, {@code flood-stderr}. */
    private static final String SCRIPT = """
            #!/bin/bash
            dir='%s'
            if [ -e "$dir/hang" ]; then
                echo call >> "$dir/hangs"
                sleep 300 &
                sleep 300
                exit 0
            fi
            if [ -e "$dir/flood-stdout" ]; then
                head -c 200000000 /dev/zero
                exit 0
            fi
            if [ -e "$dir/flood-stderr" ]; then
                yes 'fake wg: flood' | head -c 200000000 >&2
                exit 1
            fi
            now=$(date +%%s)
            printf 'wg0\\tyAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\\t%s\\t51820\\toff\\n'
            printf 'wg0\\t%s\\t(none)\\t10.0.0.1:51820\\t10.10.0.2/32\\t%%s\\t1000\\t2000\\toff\\n' $((now - 3))
            """;

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeSetup() throws IOException {
        Path script = dir.resolve("wg");
        Files.writeString(script, SCRIPT.formatted(dir, HUB_KEY, KEY), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = WgtrackConf.write(dir, "0.1", script, """
                [DEFAULT]
                ping_interval = 0
                """);
    }

    @Test
    void hundredTimeOutsOfAForkingWgLeaveThreadsAndFileDescriptorsFlat() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of("WGTRACK_JAVA_OPTS", "-Dwgtrack.wg-timeout-ms=100"),
                "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");

            Files.writeString(dir.resolve("hang"), "");
            awaitHangs(daemon, 10);
            int threadsBefore = count(daemon.pid(), "task");
            int descriptorsBefore = count(daemon.pid(), "fd");
            awaitHangs(daemon, 110);
            int threadsAfter = count(daemon.pid(), "task");
            int descriptorsAfter = count(daemon.pid(), "fd");

            System.out.println("daemon threads after 10 and 110 time-outs: " + threadsBefore + " -> " + threadsAfter + ", file descriptors " + descriptorsBefore + " -> " + descriptorsAfter);
            assertThat(daemon.log()).contains("reading the live state failed: " + dir.resolve("wg")
                    + " show all did not finish within 100 ms (retrying every cycle)");
            assertThat(threadsAfter).as("threads after 10 and after 110 time-outs").isLessThanOrEqualTo(threadsBefore + 2);
            assertThat(descriptorsAfter).as("file descriptors after 10 and after 110 time-outs")
                    .isLessThanOrEqualTo(descriptorsBefore + 2);

            Files.delete(dir.resolve("hang"));
            daemon.awaitLog(l -> l.contains("reading the live state works again"), Duration.ofSeconds(10), "recovery");
            assertThat(ProcessHandle.of(daemon.pid()).orElseThrow().descendants().count())
                    .as("children left behind").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void sigtermDuringAHangingWgLeavesNoProcessOfTheDaemonsBehind() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            Files.writeString(dir.resolve("hang"), "");
            awaitHangs(daemon, 1);
            java.util.List<ProcessHandle> children = ProcessHandle.of(daemon.pid()).orElseThrow().descendants().toList();
            assertThat(children).as("the hanging wg and its sleeping children").hasSizeGreaterThanOrEqualTo(2);

            daemon.signal("TERM");

            assertThat(daemon.awaitExit(Duration.ofSeconds(10))).isZero();
            Await.atMost(Duration.ofSeconds(5)).until("the daemon's children to be gone",
                    () -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(daemon.log()).contains("killing what is still running: ");
        }
    }

    @Test
    void twoHundredMegabytesOnStdoutOrStderrAreReportedAndSurvived() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            String stdoutError = "reading the live state failed: " + dir.resolve("wg")
                    + " show all dump printed more than 32 MiB; killed it and dropped its output";

            Files.writeString(dir.resolve("flood-stdout"), "");
            daemon.awaitLog(l -> l.contains(stdoutError), Duration.ofSeconds(20), "the stdout flood to be reported");
            Thread.sleep(1000);
            Files.delete(dir.resolve("flood-stdout"));
            daemon.awaitLog(l -> l.contains("reading the live state works again"), Duration.ofSeconds(20), "recovery");
            assertThat(occurrences(daemon.log(), stdoutError)).isEqualTo(1);

            Files.writeString(dir.resolve("flood-stderr"), "");
            String stderrError = "reading the live state failed: " + dir.resolve("wg")
                    + " show all failed with exit status 1: fake wg: flood (retrying every cycle)";
            daemon.awaitLog(l -> l.contains(stderrError), Duration.ofSeconds(20), "the stderr flood to be reported");
            Thread.sleep(1000);
            Files.delete(dir.resolve("flood-stderr"));
            daemon.awaitLog(l -> occurrences(l, "reading the live state works again") == 2, Duration.ofSeconds(20), "recovery");

            assertThat(occurrences(daemon.log(), stderrError)).isEqualTo(1);
            assertThat(daemon.log()).doesNotContain("OutOfMemoryError");
            assertThat(daemon.isAlive()).isTrue();
        }
    }

    private void awaitHangs(DaemonProcess daemon, int calls) throws Exception {
        Path hangs = dir.resolve("hangs");
        daemon.awaitLog(l -> {
            try {
                return Files.exists(hangs) && Files.readAllLines(hangs).size() >= calls;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofSeconds(90), calls + " hanging wg calls");
    }

    private static int count(long pid, String what) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), what))) {
            return (int) entries.count();
        }
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
