package org.wgtrack.daemon;

import org.wgtrack.log.Log;
import org.wgtrack.system.ChildProcesses;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP reloads; SIGTERM and SIGINT stop the loop so the daemon exits 0 within a cycle's
 * output write (the JVM's default handlers would exit 143 and cut outputs off mid-write).
 * sun.misc.Signal is the JDK's supported-in-practice way (module jdk.unsupported) to do this.
 * <p>
 * The handlers are installed first thing in {@code main}, before the command line, the
 * configuration and the daemon exist, so a {@code systemctl reload} or stop right after the
 * start is not met by the JVM's defaults (SIGHUP would kill it, SIGTERM exit 143). Until the
 * daemon is {@linkplain #attach(Daemon) attached} a request is only recorded: a stop is
 * served when it is attached (it exits 0 without running a cycle), a reload that arrived
 * after the configuration was read is served before the first cycle, and one before that has
 * nothing to reload. Before {@code main} runs (the JVM's own start, some tens of ms) the
 * kernel's defaults apply; README, "Signals", has the figures.
 */
public final class Signals {

    /** What had been asked for when the daemon was attached. */
    public record Handover(boolean stopRequested, boolean reloadRequested, boolean earlyReloadIgnored) {
    }

    private static Daemon daemon;
    private static boolean stopPending;
    private static boolean reloadPending;
    private static boolean configRead;
    private static boolean earlyReloadIgnored;

    private Signals() {
    }

    /** Installs the handlers; nothing is attached yet, so requests are only recorded. */
    public static void install() {
        Signal.handle(new Signal("HUP"), HANDLER);
        Signal.handle(new Signal("TERM"), HANDLER);
        Signal.handle(new Signal("INT"), HANDLER);
    }

    /** A class, not lambdas: the first lambda costs the JVM about 10 ms of bootstrap, in the window where signals kill. */
    private static final class Handler implements SignalHandler {
        @Override
        public void handle(Signal signal) {
            if (signal.getName().equals("HUP")) {
                reload();
            } else {
                stop();
            }
        }
    }

    private static final SignalHandler HANDLER = new Handler();

    /**
     * For a command that is not the daemon ({@code status}, {@code install}): the JVM's default
     * handlers again, and a stop that came during start-up ends it as the default would have.
     */
    public static void restoreDefaults() {
        boolean stop;
        synchronized (Signals.class) {
            stop = stopPending;
        }
        Signal.handle(new Signal("HUP"), SignalHandler.SIG_DFL);
        Signal.handle(new Signal("TERM"), SignalHandler.SIG_DFL);
        Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
        if (stop) {
            System.exit(143);
        }
    }

    /** The configuration is about to be read: a reload asked for from now on has something to do. */
    public static synchronized void configReading() {
        configRead = true;
    }

    /** Whether a stop came before the daemon was attached (start-up can end early). */
    public static synchronized boolean stopPending() {
        return stopPending;
    }

    /** Hands the daemon the requests recorded so far; later ones go to it directly. */
    public static synchronized Handover attach(Daemon target) {
        daemon = target;
        if (stopPending) {
            target.requestStop();
        }
        if (reloadPending) {
            target.requestReload();
        }
        Handover handover = new Handover(stopPending, reloadPending, earlyReloadIgnored);
        stopPending = false;
        reloadPending = false;
        return handover;
    }

    static synchronized void reload() {
        if (daemon != null) {
            daemon.requestReload();
        } else if (configRead) {
            reloadPending = true;
        } else {
            earlyReloadIgnored = true;
        }
    }

    /**
     * Asks the loop to end, and makes sure the process is gone within the grace time even if a
     * child hangs: then every process it started is killed, so none outlives the daemon.
     */
    static synchronized void stop() {
        if (daemon != null) {
            daemon.requestStop();
        } else {
            stopPending = true;
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Log.warning("current cycle did not finish within " + STOP_GRACE_MILLIS + " ms of the stop signal; exiting anyway");
            ChildProcesses.killAll(running -> Log.warning("killing what is still running: " + running));
            Runtime.getRuntime().halt(0);
        }, "stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static final long STOP_GRACE_MILLIS = 4000;
}
