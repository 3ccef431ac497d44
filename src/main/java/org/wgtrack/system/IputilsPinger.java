package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pings with the system's {@code ping} (iputils), one child process per target:
 * {@code ping -n -c 1 -W 1 -I wg0 10.0.0.2}. At most {@code maxConcurrency} run at once; a
 * batch larger than that takes about one timeout per {@code maxConcurrency} targets, which
 * is why {@link FpingPinger} is preferred for big hubs (see README, "Pinging").
 */
public final class IputilsPinger implements Pinger {

    /**
     * Child processes at once. Measured on 2 cores under load (1,000 pings that all time out
     * after 1 s, JVM inside the test namespace): 64 → 16.5 s, 256 → 5.5 s, 1,024 → 6.3 s.
     * Spawning costs about 2 ms of CPU per ping, so more processes at once buy nothing, while
     * each one costs this JVM three threads (waiter and two output drainers) against the
     * service's task limit.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 256;

    /** Time a ping gets beyond its own {@code -W} before it is killed: start-up on a busy machine. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final ProcessRunner runner;
    private final ThreadPoolExecutor workers;

    public IputilsPinger(ProcessRunner runner, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        this.runner = runner;
        AtomicInteger count = new AtomicInteger();
        // Threads come and go with the batches: a hub that pings every 30 s keeps none idle for long.
        this.workers = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(null, runnable, "ping-" + count.incrementAndGet(), 256 * 1024);
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    static List<String> command(PingRequest request) {
        return List.of("ping", "-n", "-c", "1", "-W", PingTargets.seconds(request.timeout()),
                "-I", request.interfaceName(), PingTargets.literal(request.target()));
    }

    @Override
    public List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException {
        List<Future<PingResult>> pending = new ArrayList<>(requests.size());
        boolean done = false;
        try {
            for (PingRequest request : requests) {
                pending.add(workers.submit(() -> pingOne(request)));
            }
            List<PingResult> results = new ArrayList<>(requests.size());
            for (Future<PingResult> future : pending) {
                results.add(future.get());
            }
            done = true;
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("ping worker failed", e.getCause());
        } finally {
            if (!done) {
                // Interrupted (shutdown): stop the children instead of leaving them to the pool.
                pending.forEach(future -> future.cancel(true));
            }
        }
    }

    private PingResult pingOne(PingRequest request) throws InterruptedException {
        Duration limit = request.timeout().plus(GRACE);
        try {
            return IputilsPingOutput.parse(runner.run(command(request), limit));
        } catch (IOException e) {
            return PingResult.failed("ping could not be started: " + e.getMessage());
        } catch (TimeoutException e) {
            return PingResult.failed("ping did not exit within " + limit.toMillis() + " ms and was killed");
        }
    }
}
