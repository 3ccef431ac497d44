package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.LogCapture;

/** sd_notify(3): when it is on, what each message says, what a failure costs. */
class SystemdNotifyTest {

    private final List<String> sent = new java.util.ArrayList<>();
    private final SystemdNotify.Sender recorder = sent::add;

    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);

    @Test
    void withoutNotifySocketNothingIsSent() {
        assertThat(SystemdNotify.fromEnvironment(Map.of(), 42)).isSameAs(ServiceManager.NONE);
        assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", ""), 42)).isSameAs(ServiceManager.NONE);
    }

    @ParameterizedTest(name = "WATCHDOG_USEC={0} WATCHDOG_PID={1}: {2}")
    @CsvSource(nullValues = "-", value = {
        "60000000, -,  PT30S",
        "60000000, 42, PT30S",
        "60000000, 43, -",
        "0,        -,  -",
        "-,        -,  -",
        "sixty,    -,  -",
    })
    void watchdogIsHalfOfWatchdogUsecForThisProcess(String usec, String pid, String period) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"));
        if (usec != null) {
            env.put("WATCHDOG_USEC", usec);
        }
        if (pid != null) {
            env.put("WATCHDOG_PID", pid);
        }
        assertThat(SystemdNotify.fromEnvironment(env, 42).watchdogPeriod().map(Duration::toString))
                .isEqualTo(Optional.ofNullable(period));
    }

    @Test
    void everyMessageIsOneDatagramOfNewlineSeparatedAssignments() {
        SystemdNotify notify = new SystemdNotify(recorder, Optional.of(Duration.ofSeconds(30)));

        notify.ready("1 peers, 1 up, last cycle 0.02 s");
        notify.watchdog("1 peers, 0 up, last cycle 0.02 s");
        notify.reloading();
        notify.reloaded("a\nb");
        notify.stopping();

        assertThat(sent).containsExactly(
                "READY=1\nWATCHDOG=1\nSTATUS=1 peers, 1 up, last cycle 0.02 s\n",
                "WATCHDOG=1\nSTATUS=1 peers, 0 up, last cycle 0.02 s\n",
                "RELOADING=1\nSTATUS=reloading the configuration\n",
                "READY=1\nSTATUS=a b\n",
                "STOPPING=1\nSTATUS=stopping\n");
    }

    @Test
    void withoutAWatchdogNoKeepAliveIsSent() {
        SystemdNotify notify = new SystemdNotify(recorder, Optional.empty());

        notify.ready("s");
        notify.watchdog("s");

        assertThat(sent).containsExactly("READY=1\nSTATUS=s\n");
    }

    @Test
    void aFailingSendIsOneWarningNotAFailure() {
        SystemdNotify notify = new SystemdNotify(message -> {
            throw new IOException("errno 111 (connection refused)");
        }, Optional.of(Duration.ofSeconds(30)));

        for (int i = 0; i < 5; i++) {
            notify.watchdog("s");
        }

        assertThat(logged.lines()).singleElement().asString()
                .contains("could not tell systemd WATCHDOG=1: errno 111 (connection refused)");
    }

    @Test
    void aSocketPathTooLongForSockaddrUnIsRefusedAtStart() {
        assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(200)), 42))
                .isSameAs(ServiceManager.NONE);
    }
}
