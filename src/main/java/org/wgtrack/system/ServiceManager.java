package org.wgtrack.system;

import java.time.Duration;
import java.util.Optional;

/**
 * The service manager that started wgtrack, told how the daemon is doing (systemd's sd_notify(3)
 * protocol, {@code Type=notify}): {@code READY=1} once the first cycle is done, {@code WATCHDOG=1}
 * from the cycle loop, {@code RELOADING=1} and {@code READY=1} around a reload, {@code STOPPING=1},
 * each with a one-line {@code STATUS=} ("12 peers, 11 up, last cycle 0.02 s"). Without one (no
 * {@code NOTIFY_SOCKET}) it is {@link #NONE}, and nothing is sent.
 */
public interface ServiceManager {

    /** The first cycle is done: the daemon is up. */
    void ready(String status);

    /** A cycle is done, or the loop is waiting for the next one: it is not stuck. */
    void watchdog(String status);

    /** A reload (SIGHUP) begins. */
    void reloading();

    /** A reload ended, applied or refused: running again. */
    void reloaded(String status);

    /** The loop ends. */
    void stopping();

    /** How often the loop must call {@link #watchdog}: empty when nobody watches (no WATCHDOG_USEC). */
    Optional<Duration> watchdogPeriod();

    /** No service manager listens: every call does nothing. */
    ServiceManager NONE = new ServiceManager() {
        @Override
        public void ready(String status) {
        }

        @Override
        public void watchdog(String status) {
        }

        @Override
        public void reloading() {
        }

        @Override
        public void reloaded(String status) {
        }

        @Override
        public void stopping() {
        }

        @Override
        public Optional<Duration> watchdogPeriod() {
            return Optional.empty();
        }
    };
}
