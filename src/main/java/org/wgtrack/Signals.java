package org.wgtrack;

import sun.misc.Signal;

/**
 * SIGHUP reloads; SIGTERM and SIGINT stop the loop so the daemon exits 0 within a cycle's
 * output write (the JVM's default handlers would exit 143 and cut outputs off mid-write).
 * sun.misc.Signal is the JDK's supported-in-practice way (module jdk.unsupported) to do this.
 */
final class Signals {

    private Signals() {
    }

    static void install(Daemon daemon) {
        Signal.handle(new Signal("HUP"), signal -> daemon.requestReload());
        Signal.handle(new Signal("TERM"), signal -> stop(daemon));
        Signal.handle(new Signal("INT"), signal -> stop(daemon));
    }

    /** Asks the loop to end, and makes sure the process is gone within 5 s even if a child hangs. */
    private static void stop(Daemon daemon) {
        daemon.requestStop();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            org.wgtrack.log.Log.warning("current cycle did not finish within " + STOP_GRACE_MILLIS + " ms of the stop signal; exiting anyway");
            Runtime.getRuntime().halt(0);
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static final long STOP_GRACE_MILLIS = 4000;
}
