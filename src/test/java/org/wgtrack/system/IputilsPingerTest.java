package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.testing.FakeProcessRunner;

class IputilsPingerTest {

    private static final ProcessResult REPLY = RecordedRuns.recorded("iputils/reply-ipv4", 0);
    private static final ProcessResult NO_REPLY = RecordedRuns.recorded("iputils/no-reply-ipv4", 1);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "wg0 | 10.0.0.2     | 1000 | ping -n -c 1 -W 1 -I wg0 10.0.0.2",
        "wg0 | 10.0.0.2     | 500  | ping -n -c 1 -W 0.5 -I wg0 10.0.0.2",
        "wg1 | 10.0.0.2     | 2250 | ping -n -c 1 -W 2.25 -I wg1 10.0.0.2",
        "wg0 | fd00::2      | 1000 | ping -n -c 1 -W 1 -I wg0 fd00:0:0:0:0:0:0:2",
        "wg0 | 10.0.0.2     | 0    | ping -n -c 1 -W 0.001 -I wg0 10.0.0.2",
    })
    void runsOnePingPerTargetWithAnArgumentArray(String interfaceName, String target, long timeoutMillis, String command)
            throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> NO_REPLY);

        new IputilsPinger(runner, 4).pingAll(List.of(request(interfaceName, target, timeoutMillis)));

        assertThat(runner.commands()).containsExactly(List.of(command.split(" ")));
        assertThat(runner.timeouts()).containsExactly(Duration.ofMillis(timeoutMillis).plus(IputilsPinger.GRACE));
    }

    /** Cycles of 20 pings used to grow the pool to its 256 core threads, one more per ping until full. */
    @Test
    void repeatedBatchesReuseThreadsInsteadOfGrowingThePool() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            Thread.sleep(2);
            return NO_REPLY;
        });
        IputilsPinger pinger = new IputilsPinger(runner, 256);
        List<PingRequest> batch = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            batch.add(request("wg0", "10.0.0." + i, 1000));
        }

        for (int cycle = 0; cycle < 30; cycle++) {
            assertThat(pinger.pingAll(batch)).hasSize(20);
        }

        // A worker that just finished may not be back in the pool when the next batch starts: up to twice the batch.
        assertThat(pinger.poolSize()).isBetween(1, 40);
    }

    @Test
    void neverRunsMoreThanMaxConcurrencyAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return REPLY;
        });
        IputilsPinger pinger = new IputilsPinger(runner, 3);
        List<PingRequest> batch = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            batch.add(request("wg0", "10.0.0." + i, 1000));
        }

        assertThat(pinger.pingAll(batch)).hasSize(30).allMatch(PingResult::success);
        assertThat(most.get()).isEqualTo(3);
        assertThat(pinger.poolSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void resultsComeBackInRequestOrder() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> c.get(c.size() - 1).endsWith(".1") ? REPLY : NO_REPLY);

        List<PingResult> results = new IputilsPinger(runner, 2).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000), request("wg0", "10.0.0.1", 1000), request("wg0", "10.0.0.3", 1000)));

        assertThat(results).containsExactly(
                PingResult.failed(), PingResult.succeeded(Duration.ofNanos(27_000)), PingResult.failed());
    }

    @Test
    void aMissingPingFailsEveryTargetWithTheReason() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            throw new IOException("Cannot run program \"ping\": error=2, No such file or directory");
        });

        List<PingResult> results = new IputilsPinger(runner, 4).pingAll(List.of(
                request("wg0", "10.0.0.2", 1000), request("wg0", "10.0.0.3", 1000)));

        assertThat(results).containsOnly(PingResult.failed(
                "ping could not be started: Cannot run program \"ping\": error=2, No such file or directory"));
    }

    @Test
    void aPingThatOverrunsIsReportedAsKilled() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            throw new TimeoutException("ping did not finish within 3000 ms");
        });

        List<PingResult> results = new IputilsPinger(runner, 4).pingAll(List.of(request("wg0", "10.0.0.2", 1000)));

        assertThat(results).containsExactly(PingResult.failed("ping did not exit within 3000 ms and was killed"));
    }

    @Test
    void runsUpToTheBoundAtOnce() throws Exception {
        // Every ping waits until eight are running: a pinger that ran them one by one would never finish.
        CountDownLatch allRunning = new CountDownLatch(8);
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            allRunning.countDown();
            if (!allRunning.await(5, TimeUnit.SECONDS)) {
                throw new TimeoutException("not all eight ran at once");
            }
            return NO_REPLY;
        });

        List<PingResult> results = new IputilsPinger(runner, 8).pingAll(requests(8));

        assertThat(results).hasSize(8).containsOnly(PingResult.failed());
    }

    @Test
    void neverRunsMoreThanTheBound() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return NO_REPLY;
        });

        new IputilsPinger(runner, 3).pingAll(requests(30));

        assertThat(most.get()).isEqualTo(3);
        assertThat(runner.commands()).hasSize(30);
    }

    @Test
    void anEmptyBatchRunsNothing() throws Exception {
        FakeProcessRunner runner = new FakeProcessRunner(c -> NO_REPLY);

        assertThat(new IputilsPinger(runner, 3).pingAll(List.of())).isEmpty();
        assertThat(runner.commands()).isEmpty();
    }

    @Test
    void interruptingTheBatchStopsItsPings() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        FakeProcessRunner runner = new FakeProcessRunner(c -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return NO_REPLY;
        });
        IputilsPinger pinger = new IputilsPinger(runner, 2);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        assertThatThrownBy(() -> pinger.pingAll(requests(2))).isInstanceOf(InterruptedException.class);

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("both pings interrupted").isTrue();
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThatThrownBy(() -> new IputilsPinger(new FakeProcessRunner(c -> NO_REPLY), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrency must be at least 1, got 0");
    }

    private static List<PingRequest> requests(int count) throws IOException {
        List<PingRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request("wg0", "10.0.1." + (i + 1), 1000));
        }
        return requests;
    }

    static PingRequest request(String interfaceName, String target, long timeoutMillis) throws IOException {
        return new PingRequest(interfaceName, InetAddress.getByName(target), Duration.ofMillis(timeoutMillis));
    }
}
