package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.config.AddressFamily;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.log.LogLevel;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.system.ServiceManager;
import org.wgtrack.testing.FakePinger;
import org.wgtrack.testing.FakeResolver;
import org.wgtrack.testing.FakeWgBackend;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.testing.ManualTicker;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerStatus;
import org.wgtrack.wg.PublicKey;

/** What the cycle loop tells systemd, and when, on a clock the test moves. */
class DaemonNotifyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final long SECOND = 1_000_000_000L;
    private static final OutputPlan EMPTY_PLAN = new OutputPlan(List.of(), List.of());
    private static final PublicKey ALPHA = new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=");

    @TempDir
    Path dir;

    private final ManualTicker ticker = new ManualTicker();
    private final FakeWgBackend wg = new FakeWgBackend();
    private final FakeResolver resolver = new FakeResolver(wg::dumps);
    private Daemon daemon;

    /** Every message with the ticker's time in seconds: "10 WATCHDOG 1 peers, 1 up, last cycle 0.1 s". */
    private final class Recording implements ServiceManager {
        final List<String> messages = new ArrayList<>();
        private final Optional<Duration> period;

        Recording(Optional<Duration> period) {
            this.period = period;
        }

        private void add(String message) {
            messages.add(ticker.nanoTime() / SECOND + " " + message);
        }

        @Override
        public void ready(String status) {
            add("READY " + status);
        }

        @Override
        public void watchdog(String status) {
            add("WATCHDOG " + status);
        }

        @Override
        public void reloading() {
            add("RELOADING");
        }

        @Override
        public void reloaded(String status) {
            add("READY " + status);
        }

        @Override
        public void stopping() {
            add("STOPPING");
        }

        @Override
        public Optional<Duration> watchdogPeriod() {
            return period;
        }
    }

    /** The daemon's own log is not what these tests read: kept off the test run's stderr. */
    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);

    @AfterEach
    void close() {
        resolver.release();
        if (daemon != null) {
            daemon.close();
        }
    }

    /** No pinging: a fresh handshake alone makes the peer up. */
    private static final TrackingParams NO_PING = new TrackingParams(0, 2, Duration.ofSeconds(1), Optional.empty(), 2, 4, 2, 20,
            AddressFamily.ANY, true, Duration.ofSeconds(180), Optional.empty());

    private WgtrackConfig config(Duration cycleTime) {
        WgtrackConfig.TrackingResolver tracking = new WgtrackConfig.TrackingResolver() {
            @Override
            public TrackingParams forInterface(String interfaceName) {
                return NO_PING;
            }

            @Override
            public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                return NO_PING;
            }
        };
        return new WgtrackConfig("test.conf", new GeneralSettings(cycleTime, LogLevel.INFO, dir, "wg"), tracking, List.of(), List.of());
    }

    private Daemon daemon(Duration cycleTime, ServiceManager serviceManager) {
        WgtrackConfig config = config(cycleTime);
        daemon = new Daemon(config, Optional.empty(), EMPTY_PLAN, () -> config, general -> wg, sections -> EMPTY_PLAN,
                new FakePinger(), Lookups.on(resolver, Duration.ofSeconds(5)), name -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                ticker, serviceManager);
        return daemon;
    }

    /** One peer with a fresh handshake; each dump takes {@code cycleNanos} on the test's clock. */
    private void serveOnePeer(long cycleNanos) {
        wg.serve(() -> {
            ticker.advance(cycleNanos);
            return new LiveState(List.of(new InterfaceStatus("wg0", Optional.empty(), OptionalInt.of(51820), OptionalLong.empty(),
                    List.of(new PeerStatus("wg0", ALPHA, Optional.of(Endpoint.parse("192.0.2.1:51820")),
                            List.of(AllowedIp.parse("10.10.0.2/32")), NOW.getEpochSecond() - 5, 1, 2, OptionalInt.empty())))));
        });
    }

    @Test
    void readyAfterTheFirstCycleThenAWatchdogKeepAliveAfterEveryCycle() {
        Recording systemd = new Recording(Optional.of(Duration.ofSeconds(100)));
        serveOnePeer(SECOND / 10);

        daemon(Duration.ofSeconds(10), systemd).run(3);

        assertThat(systemd.messages).containsExactly(
                "0 READY 1 peers, 1 up, last cycle 0.1 s",
                "10 WATCHDOG 1 peers, 1 up, last cycle 0.1 s",
                "20 WATCHDOG 1 peers, 1 up, last cycle 0.1 s");
    }

    @Test
    void aLongCycleTimeIsBridgedByKeepAlivesWhileWaiting() {
        Recording systemd = new Recording(Optional.of(Duration.ofSeconds(15)));
        serveOnePeer(0);

        daemon(Duration.ofSeconds(60), systemd).run(2);

        assertThat(systemd.messages).extracting(m -> m.substring(0, m.indexOf(' ', m.indexOf(' ') + 1)))
                .containsExactly("0 READY", "15 WATCHDOG", "30 WATCHDOG", "45 WATCHDOG", "60 WATCHDOG");
    }

    @Test
    void nothingIsSentWhileACycleRuns() {
        Recording systemd = new Recording(Optional.of(Duration.ofSeconds(5)));
        serveOnePeer(40 * SECOND);

        daemon(Duration.ofSeconds(10), systemd).run(2);

        assertThat(systemd.messages).containsExactly(
                "40 READY 1 peers, 1 up, last cycle 40 s",
                "80 WATCHDOG 1 peers, 1 up, last cycle 40 s");
    }

    @Test
    void aReloadIsAnnouncedAndEndsWithReady() {
        Recording systemd = new Recording(Optional.empty());
        serveOnePeer(SECOND);
        daemon(Duration.ofSeconds(10), systemd).run(1);

        daemon.requestReload();
        daemon.run(1);

        assertThat(systemd.messages).containsExactly(
                "1 READY 1 peers, 1 up, last cycle 1 s",
                "1 RELOADING",
                "1 READY 1 peers, 1 up, last cycle 1 s",
                "2 WATCHDOG 1 peers, 1 up, last cycle 1 s");
    }

    @Test
    void aReloadBeforeTheFirstCycleIsNotAnnounced() {
        Recording systemd = new Recording(Optional.empty());
        serveOnePeer(SECOND);
        daemon(Duration.ofSeconds(10), systemd);

        daemon.requestReload();
        daemon.run(1);

        assertThat(systemd.messages).containsExactly("1 READY 1 peers, 1 up, last cycle 1 s");
    }

    @Test
    void aStopEndsWithStopping() {
        Recording systemd = new Recording(Optional.empty());
        List<Integer> cycles = new ArrayList<>();
        wg.serve(() -> {
            cycles.add(1);
            if (cycles.size() == 2) {
                daemon.requestStop();
            }
            return new LiveState(List.of());
        });

        daemon(Duration.ofSeconds(10), systemd).run(0);

        assertThat(systemd.messages).containsExactly(
                "0 READY 0 peers, 0 up, last cycle 0 s",
                "10 WATCHDOG 0 peers, 0 up, last cycle 0 s",
                "10 STOPPING");
    }

    @Test
    void statusLineNamesAFailedLiveStateRead() {
        wg.fail("wg show all dump failed with exit status 1");
        Recording systemd = new Recording(Optional.empty());

        daemon(Duration.ofSeconds(10), systemd).run(1);

        assertThat(systemd.messages).containsExactly("0 READY live state unreadable (see the log), last cycle 0 s");
    }
}
