package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.wgtrack.log.Log;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.log.Shown;

/**
 * Tells systemd how the daemon is doing by running {@code systemd-notify VAR=VALUE…} (an
 * argument array, no shell): the JDK has no Unix datagram sockets, which {@code NOTIFY_SOCKET}
 * is. systemd-notify is a child process, so the unit needs {@code NotifyAccess=all}; it waits
 * until systemd has processed the message (its default, a barrier), so the message is never
 * lost because the sender exited first.
 *
 * <p>{@code WATCHDOG=1} is sent only when systemd set {@code WATCHDOG_USEC} (for this process,
 * if {@code WATCHDOG_PID} says which), as sd_watchdog_enabled(3) decides; the loop then sends
 * it after every cycle and, while waiting for the next one, every half of that interval.
 */
public final class SystemdNotify implements ServiceManager {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProcessRunner runner;
    private final Optional<Duration> watchdogPeriod;
    private final RateLimiter failures = new RateLimiter(Duration.ofMinutes(10), System::nanoTime);

    SystemdNotify(ProcessRunner runner, Optional<Duration> watchdogPeriod) {
        this.runner = runner;
        this.watchdogPeriod = watchdogPeriod;
    }

    /** The service manager of this process's environment: {@link ServiceManager#NONE} without NOTIFY_SOCKET. */
    public static ServiceManager fromEnvironment(Map<String, String> env, long pid, ProcessRunner runner) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return NONE;
        }
        return new SystemdNotify(runner, watchdogPeriod(env, pid));
    }

    /** Half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises; empty when not set or not for this PID. */
    static Optional<Duration> watchdogPeriod(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null || !usec.matches("[0-9]{1,15}") || Long.parseLong(usec) == 0) {
            return Optional.empty();
        }
        if (forPid != null && !forPid.equals(Long.toString(pid))) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Long.parseLong(usec) * 1000 / 2));
    }

    @Override
    public void ready(String status) {
        if (watchdogPeriod.isPresent()) {
            send("READY=1", "WATCHDOG=1", "STATUS=" + status);
        } else {
            send("READY=1", "STATUS=" + status);
        }
    }

    @Override
    public void watchdog(String status) {
        if (watchdogPeriod.isPresent()) {
            send("WATCHDOG=1", "STATUS=" + status);
        }
    }

    @Override
    public void reloading() {
        send("RELOADING=1", "STATUS=reloading the configuration");
    }

    @Override
    public void reloaded(String status) {
        send("READY=1", "STATUS=" + status);
    }

    @Override
    public void stopping() {
        send("STOPPING=1", "STATUS=stopping");
    }

    @Override
    public Optional<Duration> watchdogPeriod() {
        return watchdogPeriod;
    }

    private void send(String... assignments) {
        List<String> command = new ArrayList<>(List.of("systemd-notify"));
        for (String assignment : assignments) {
            command.add(assignment.replace('\n', ' '));
        }
        String what = assignments[0];
        try {
            ProcessResult result = runner.run(command, TIMEOUT);
            if (!result.succeeded()) {
                failed(what, "systemd-notify exited " + result.exitCode() + ": " + Shown.value(result.stderr().strip()));
            }
        } catch (IOException e) {
            failed(what, "cannot run systemd-notify: " + Shown.value(String.valueOf(e.getMessage())));
        } catch (TimeoutException e) {
            failed(what, "systemd-notify did not finish within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String what, String why) {
        if (failures.allow(what)) {
            Log.warning("could not tell systemd " + what + ": " + why);
        }
    }
}
