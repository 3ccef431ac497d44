package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.wgtrack.log.Log;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.log.Shown;

/**
 * Tells systemd how the daemon is doing: one datagram per message to {@code NOTIFY_SOCKET},
 * newline-separated {@code VAR=VALUE} assignments (sd_notify(3)), sent from this process
 * ({@link UnixDatagramSender}). A failure to send is logged (once per 10 minutes per kind) and
 * never stops the daemon.
 *
 * <p>{@code WATCHDOG=1} is sent only when systemd set {@code WATCHDOG_USEC} (for this process,
 * if {@code WATCHDOG_PID} says which), as sd_watchdog_enabled(3) decides; the loop then sends
 * it after every cycle and, while waiting for the next one, every half of that interval.
 */
public final class SystemdNotify implements ServiceManager {

    /** Where the messages go: one call, one datagram. */
    @FunctionalInterface
    interface Sender {
        void send(String message) throws IOException;
    }

    private final Sender sender;
    private final Optional<Duration> watchdogPeriod;
    private final RateLimiter failures = new RateLimiter(Duration.ofMinutes(10), System::nanoTime);

    SystemdNotify(Sender sender, Optional<Duration> watchdogPeriod) {
        this.sender = sender;
        this.watchdogPeriod = watchdogPeriod;
    }

    /** The service manager of this process's environment: {@link ServiceManager#NONE} without NOTIFY_SOCKET. */
    public static ServiceManager fromEnvironment(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return NONE;
        }
        Optional<Duration> watchdog = watchdogPeriod(env, pid);
        try {
            return new SystemdNotify(new UnixDatagramSender(socket), watchdog);
        } catch (IOException e) {
            Log.warning("not telling systemd anything: " + e.getMessage());
            return NONE;
        }
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
        StringBuilder message = new StringBuilder();
        for (String assignment : assignments) {
            message.append(assignment.replace('\n', ' ')).append('\n');
        }
        try {
            sender.send(message.toString());
        } catch (IOException e) {
            failed(assignments[0], Shown.value(String.valueOf(e.getMessage())));
        }
    }

    private void failed(String what, String why) {
        if (failures.allow(what)) {
            Log.warning("could not tell systemd " + what + ": " + why);
        }
    }
}
