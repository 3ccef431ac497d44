package org.wgtrack.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.wgtrack.config.ConfigException;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.config.OutputSettings;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventHistory;
import org.wgtrack.notify.HookFactory;
import org.wgtrack.notify.Hooks;
import org.wgtrack.notify.JdkWebhookClient;
import org.wgtrack.notify.ProcessHookCommand;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.output.Output;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.OutputSet;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.sources.ConfigSources;
import org.wgtrack.system.InterfaceAddresses;
import org.wgtrack.system.Pinger;
import org.wgtrack.system.ServiceManager;
import org.wgtrack.system.Wg;
import org.wgtrack.text.PlainDecimal;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.PeerId;

/**
 * The composition root and the cycle loop. Cycles start at a fixed rate, {@code cycle_time}
 * after the previous start (no drift); an overrun starts the next cycle at once and is logged
 * the first time, then counted ({@link CycleOverruns}).
 * A reload request (SIGHUP) is served between cycles: a broken configuration is reported and
 * the running one kept. A stop request (SIGTERM) abandons the wait and ends the loop.
 */
public final class Daemon {

    /** Reads wgtrack's configuration (the file given at start-up), validating everything. */
    @FunctionalInterface
    public interface ConfigSource {
        WgtrackConfig load() throws ConfigException;

        /** A log level the command line gave, overriding the configuration's. */
        default Optional<LogLevel> logLevel() {
            return Optional.empty();
        }
    }

    /** Validates the output sections of a configuration without opening anything. */
    @FunctionalInterface
    public interface OutputValidator {
        OutputPlan validate(List<OutputSettings> sections) throws ConfigException;
    }

    /** Monotonic time and waiting, injectable so tests can run cycles without real sleeps. */
    public interface Ticker {
        long nanoTime();

        /** Waits until {@code deadline} (nanoTime scale) or until woken; returns early when woken. */
        void waitUntil(long deadlineNanos, Object monitor) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void waitUntil(long deadlineNanos, Object monitor) throws InterruptedException {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining > 0) {
                    monitor.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                }
            }
        };
    }

    private final ConfigSource configSource;
    private final Function<GeneralSettings, Wg> wgFactory;
    private final OutputValidator outputValidator;
    private final RateLimiter outputErrors = new RateLimiter(Duration.ofMinutes(1), System::nanoTime);
    private final Ticker ticker;
    private final CycleOverruns overruns = new CycleOverruns();
    private final Tracker tracker;
    private final WgConfigStore wgConfigs;
    private final EndpointUpdater updater;
    private final Pinger pinger;
    private final Object wakeup = new Object();
    private final AtomicBoolean reloadRequested = new AtomicBoolean();
    private volatile boolean stopRequested;

    private final Optional<LogLevel> logLevelOverride;
    private final ServiceManager serviceManager;
    /** READY=1 has been sent: from then on reloads are announced (RELOADING=1, READY=1). */
    private boolean ready;
    /** The last cycle's STATUS= line, repeated with the watchdog keep-alives between cycles. */
    private String status = "starting";
    private WgtrackConfig config;
    /** The events of the cycle running, for the hooks at its end (cycle thread only). */
    private final List<Event> cycleEvents = new ArrayList<>();
    private final Hooks hooks;
    private final EventHistory history = new EventHistory();
    /** The peers down after the last cycle that read the live state, for down_after while it cannot be read. */
    private Set<PeerId> down = Set.of();
    private volatile Wg wg;
    private OutputSet outputs;

    /** Starts with an already loaded and validated configuration and output plan. */
    public Daemon(WgtrackConfig config, Optional<LogLevel> logLevelOverride, OutputPlan outputPlan, ConfigSource configSource,
                  Function<GeneralSettings, Wg> wgFactory, OutputValidator outputValidator,
                  Pinger pinger, Lookups lookups, InterfaceAddresses interfaceAddresses, Clock clock, Ticker ticker) {
        this(config, logLevelOverride, outputPlan, configSource, wgFactory, outputValidator, pinger, lookups,
                interfaceAddresses, clock, ticker, ServiceManager.NONE);
    }

    /** As above, telling {@code serviceManager} (systemd) when it is ready, reloading, alive and stopping. */
    public Daemon(WgtrackConfig config, Optional<LogLevel> logLevelOverride, OutputPlan outputPlan, ConfigSource configSource,
                  Function<GeneralSettings, Wg> wgFactory, OutputValidator outputValidator,
                  Pinger pinger, Lookups lookups, InterfaceAddresses interfaceAddresses,
                  Clock clock, Ticker ticker, ServiceManager serviceManager) {
        this.serviceManager = serviceManager;
        this.config = config;
        this.logLevelOverride = logLevelOverride;
        this.configSource = configSource;
        this.wgFactory = wgFactory;
        this.outputValidator = outputValidator;
        this.ticker = ticker;
        this.wg = wgFactory.apply(config.general());
        this.outputs = OutputSet.empty().reconfigure(outputPlan);
        this.wgConfigs = new WgConfigStore(ConfigSources.of(config.general()));
        this.updater = new EndpointUpdater(lookups, () -> wg, clock);
        this.pinger = pinger;
        this.tracker = new Tracker(pinger, interfaceAddresses, updater, wgConfigs, clock, true, cycleEvents::add);
        this.hooks = new Hooks(new ProcessHookCommand(), new JdkWebhookClient());
        try {
            hooks.reconfigure(HookFactory.validate(config.hooks()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("hooks not validated before start: " + e.getMessage(), e);
        }
    }

    /** Asks for a reload before the next cycle (safe from a signal handler). */
    public void requestReload() {
        reloadRequested.set(true);
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    /** Asks the loop to end; the current wait is abandoned at once. */
    public void requestStop() {
        stopRequested = true;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    /** Runs cycles until {@link #requestStop()}; {@code maxCycles} ≤ 0 means no limit. */
    public void run(long maxCycles) {
        long cycles = 0;
        long nextStart = ticker.nanoTime();
        Optional<Duration> previousCycle = Optional.empty();
        while (!stopRequested && (maxCycles <= 0 || cycles < maxCycles)) {
            if (reloadRequested.getAndSet(false)) {
                reload();
            }
            long start = ticker.nanoTime();
            Snapshot snapshot;
            try {
                snapshot = runCycle(previousCycle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            cycles++;
            long end = ticker.nanoTime();
            previousCycle = Optional.of(Duration.ofNanos(end - start));
            // Only here, after a cycle, and in the wait below: a loop stuck in a cycle sends nothing.
            status = statusLine(snapshot, end - start);
            if (ready) {
                serviceManager.watchdog(status);
            } else {
                serviceManager.ready(status);
                ready = true;
            }
            long cycleNanos = config.general().cycleTime().toNanos();
            nextStart += cycleNanos;
            if (end > nextStart) {
                overruns.overran(end, end - start, config.general().cycleTime()).ifPresent(Log::warning);
                nextStart = end;
            } else {
                overruns.onTime(end, config.general().cycleTime()).ifPresent(Log::warning);
                if ((maxCycles <= 0 || cycles < maxCycles) && !waitForNextStart(nextStart)) {
                    break;
                }
            }
        }
        overruns.remaining(ticker.nanoTime(), config.general().cycleTime()).ifPresent(Log::warning);
        if (stopRequested) {
            serviceManager.stopping();
        }
        close();
    }

    /** systemd's STATUS= line: "12 peers, 11 up, last cycle 0.02 s". */
    static String statusLine(Snapshot snapshot, long cycleNanos) {
        String cycle = "last cycle " + PlainDecimal.seconds(Duration.ofNanos(cycleNanos)) + " s";
        if (snapshot == null) {
            return "cycle failed (see the log), " + cycle;
        }
        if (!snapshot.liveStateOk()) {
            return "live state unreadable (see the log), " + cycle;
        }
        int up = 0;
        for (PeerSnapshot peer : snapshot.peers()) {
            if (peer.isUp()) {
                up++;
            }
        }
        return snapshot.peers().size() + " peers, " + up + " up, " + cycle;
    }

    /** One cycle and its outputs; a bug in it is logged and does not end the daemon. */
    Snapshot runCycle(Optional<Duration> previousCycle) throws InterruptedException {
        cycleEvents.clear();
        try {
            Snapshot tracked = tracker.runCycle(config, wg, previousCycle);
            List<Event> changes = List.copyOf(cycleEvents);
            history.add(changes);
            Snapshot snapshot = tracked.withEvents(changes, history.recent()).withHookEvents(hooks.counts());
            writeOutputs(snapshot);
            if (snapshot.liveStateOk()) {
                down = downPeers(snapshot);
            }
            hooks.cycle(changes, down);
            return snapshot;
        } catch (RuntimeException e) {
            // A bug must not end tracking of every other peer: report it whole and go on.
            cycleEvents.clear();
            Log.error("cycle failed: " + e);
            for (StackTraceElement frame : e.getStackTrace()) {
                Log.debug("    at " + frame);
            }
            return null;
        }
    }

    /**
     * The peers judged down (not those still undefined). A loop, not a stream: code run once a
     * cycle stays interpreted for a hundred cycles or more, and a stream is many JDK methods.
     */
    private static Set<PeerId> downPeers(Snapshot snapshot) {
        Set<PeerId> down = new HashSet<>();
        for (PeerSnapshot p : snapshot.peers()) {
            if (!p.isUp() && p.state() != PeerState.UNDEFINED) {
                down.add(new PeerId(p.interfaceName(), p.publicKey()));
            }
        }
        return Collections.unmodifiableSet(down);
    }

    /** Writes every output; a failing one is logged once a minute while it keeps failing. */
    private void writeOutputs(Snapshot snapshot) {
        List<OutputSet.Failure> failures = outputs.writeAll(snapshot);
        for (Output output : outputs.outputs()) {
            if (!failed(failures, output.name())) {
                outputErrors.reset(output.name());
            }
        }
        for (OutputSet.Failure failure : failures) {
            if (outputErrors.allow(failure.outputName())) {
                Log.error(failure + " (retrying every cycle)");
            }
        }
    }

    private static boolean failed(List<OutputSet.Failure> failures, String outputName) {
        for (OutputSet.Failure failure : failures) {
            if (failure.outputName().equals(outputName)) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps until the next cycle; a reload request is served during the wait. False on interrupt. */
    private boolean waitForNextStart(long nextStart) {
        long watchdogNanos = serviceManager.watchdogPeriod().map(Duration::toNanos).orElse(0L);
        long nextWatchdog = ticker.nanoTime() + watchdogNanos;
        synchronized (wakeup) {
            while (!stopRequested && ticker.nanoTime() < nextStart) {
                if (reloadRequested.getAndSet(false)) {
                    reload();
                    continue;
                }
                long until = nextStart;
                if (watchdogNanos > 0) {
                    // A long cycle_time must not look like a stuck loop: keep-alives while waiting.
                    if (ticker.nanoTime() >= nextWatchdog) {
                        serviceManager.watchdog(status);
                        nextWatchdog = ticker.nanoTime() + watchdogNanos;
                    }
                    until = Math.min(nextStart, nextWatchdog);
                }
                try {
                    ticker.waitUntil(until, wakeup);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** A reload, announced to the service manager once the daemon is ready (RELOADING=1, then READY=1). */
    private void reload() {
        if (ready) {
            serviceManager.reloading();
        }
        applyReload();
        if (ready) {
            serviceManager.reloaded(status);
        }
    }

    private void applyReload() {
        Log.info("reloading configuration");
        WgtrackConfig next;
        OutputPlan plan;
        HookFactory.HookPlan hookPlan;
        try {
            next = configSource.load();
            plan = outputValidator.validate(next.outputs());
            hookPlan = HookFactory.validate(next.hooks());
        } catch (ConfigException e) {
            Log.error("configuration not reloaded, keeping the previous one:\n" + e.getMessage());
            return;
        }
        next.warnings().forEach(w -> Log.warning(w.toString()));
        plan.warnings().forEach(w -> Log.warning(w.toString()));
        hookPlan.warnings().forEach(w -> Log.warning(w.toString()));
        config = next;
        Log.get().setThreshold(logLevelOverride.orElse(next.general().logLevel()));
        wg = wgFactory.apply(next.general());
        wgConfigs.reload(ConfigSources.of(next.general()));
        outputs = outputs.reconfigure(plan);
        hooks.reconfigure(hookPlan);
        try {
            pinger.redetect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.info("configuration reloaded");
    }

    void close() {
        updater.close();
        outputs.close();
        hooks.close();
    }
}
