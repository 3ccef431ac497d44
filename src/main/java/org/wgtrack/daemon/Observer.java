package org.wgtrack.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.log.Log;
import org.wgtrack.output.Snapshot;
import org.wgtrack.sources.ConfigSources;
import org.wgtrack.system.JdkInterfaceAddresses;
import org.wgtrack.system.OsProcessRunner;
import org.wgtrack.system.Pinger;
import org.wgtrack.system.Pingers;
import org.wgtrack.system.SystemResolver;
import org.wgtrack.system.WgCommand;

/**
 * The daemon's machinery for one look, changing nothing ({@code wgtrack status --once}): one
 * cycle against the real system that reads the live state and the WireGuard config files,
 * judges and pings, but never re-resolves, never calls {@code wg set} and writes no output.
 */
public final class Observer {

    private Observer() {
    }

    public static Snapshot observeOnce(WgtrackConfig config) throws InterruptedException {
        OsProcessRunner runner = new OsProcessRunner();
        WgCommand wg = new WgCommand(config.general().wgCommand(), runner, Log::warning);
        Pinger pinger = Pingers.detect(runner).pinger();
        pinger.unavailable().ifPresent(reason -> Log.warning(reason + ": judging every peer by its handshake alone"));
        try (EndpointUpdater updater = new EndpointUpdater(Lookups.on(new SystemResolver(), Duration.ZERO), () -> wg, Clock.systemUTC())) {
            Tracker tracker = new Tracker(pinger, new JdkInterfaceAddresses(), updater,
                    new WgConfigStore(ConfigSources.of(config.general())), Clock.systemUTC(), false, event -> { });
            return tracker.runCycle(config, wg, Optional.empty());
        }
    }
}
