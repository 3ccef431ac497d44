package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.FakeProcessRunner;

/** sd_notify(3) through systemd-notify: when it is on, what it runs, what a failure costs. */
class SystemdNotifyTest {

    private final FakeProcessRunner runner = new FakeProcessRunner(command -> new ProcessResult(0, "", ""));

    @AfterEach
    void restoreLog() {
        Log.install(new Log(System.err, false, LogLevel.INFO));
    }

    @Test
    void withoutNotifySocketNothingIsSent() {
        assertThat(SystemdNotify.fromEnvironment(Map.of(), 42, runner)).isSameAs(ServiceManager.NONE);
        assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", ""), 42, runner)).isSameAs(ServiceManager.NONE);
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
        assertThat(SystemdNotify.fromEnvironment(env, 42, runner).watchdogPeriod().map(Duration::toString))
                .isEqualTo(Optional.ofNullable(period));
    }

    @Test
    void everyMessageIsOneSystemdNotifyWithItsAssignments() {
        SystemdNotify notify = new SystemdNotify(runner, Optional.of(Duration.ofSeconds(30)));

        notify.ready("1 peers, 1 up, last cycle 0.02 s");
        notify.watchdog("1 peers, 0 up, last cycle 0.02 s");
        notify.reloading();
        notify.reloaded("a\nb");
        notify.stopping();

        assertThat(runner.commands()).containsExactly(
                List.of("systemd-notify", "READY=1", "WATCHDOG=1", "STATUS=1 peers, 1 up, last cycle 0.02 s"),
                List.of("systemd-notify", "WATCHDOG=1", "STATUS=1 peers, 0 up, last cycle 0.02 s"),
                List.of("systemd-notify", "RELOADING=1", "STATUS=reloading the configuration"),
                List.of("systemd-notify", "READY=1", "STATUS=a b"),
                List.of("systemd-notify", "STOPPING=1", "STATUS=stopping"));
    }

    @Test
    void withoutAWatchdogNoKeepAliveIsSent() {
        SystemdNotify notify = new SystemdNotify(runner, Optional.empty());

        notify.ready("s");
        notify.watchdog("s");

        assertThat(runner.commands()).containsExactly(List.of("systemd-notify", "READY=1", "STATUS=s"));
    }

    @Test
    void aMissingSystemdNotifyIsOneWarningNotAFailure() {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Log.install(new Log(new PrintStream(logged, true, StandardCharsets.UTF_8), true, LogLevel.INFO));
        FakeProcessRunner missing = new FakeProcessRunner(command -> {
            throw new IOException("Cannot run program \"systemd-notify\": error=2, No such file or directory");
        });
        SystemdNotify notify = new SystemdNotify(missing, Optional.of(Duration.ofSeconds(30)));

        for (int i = 0; i < 5; i++) {
            notify.watchdog("s");
        }

        assertThat(logged.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("could not tell systemd WATCHDOG=1: cannot run systemd-notify: Cannot run program");
    }
}
