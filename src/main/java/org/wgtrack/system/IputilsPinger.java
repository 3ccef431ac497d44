package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
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
     * each one costs this JVM two threads (its worker, which also reads its output, and the
     * JDK's process reaper) against the service's task limit.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 256;

    /** Time a ping gets beyond its own {@code -W} before it is killed: start-up on a busy machine. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final ProcessRunner runner;
    private final int maxConcurrency;
    /**
     * No core threads: a pool with core threads starts a new one for every task while it has
     * fewer than its core size, even when others are idle, so cycles of 20 pings grew it to
     * 256 threads. This one reuses idle threads: a batch runs {@code min(targets, maxConcurrency)}
     * workers, so the pool holds about that many (at most twice, when workers of the previous
     * batch are not back yet), each gone after 10 s idle.
     */
    private final ThreadPoolExecutor workers;

    public IputilsPinger(ProcessRunner runner, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        this.runner = runner;
        this.maxConcurrency = maxConcurrency;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(null, runnable, "ping-" + count.incrementAndGet(), 256 * 1024);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Threads the pool holds now, busy or idle (for tests). */
    int poolSize() {
        return workers.getPoolSize();
    }

    static List<String> command(PingRequest request) {
        return List.of("ping", "-n", "-c", "1", "-W", PingTargets.seconds(request.timeout()),
                "-I", request.interfaceName(), PingTargets.literal(request.target()));
    }

    /** {@code min(targets, maxConcurrency)} workers, each taking the next unpinged target until none is left. */
    @Override
    public List<PingResult> pingAll(List<PingRequest> requests) throws InterruptedException {
        PingResult[] results = new PingResult[requests.size()];
        AtomicInteger next = new AtomicInteger();
        int workerCount = Math.min(requests.size(), maxConcurrency);
        List<Future<?>> pending = new ArrayList<>(workerCount);
        boolean done = false;
        try {
            for (int i = 0; i < workerCount; i++) {
                pending.add(workers.submit(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < results.length) {
                        results[index] = pingOne(requests.get(index));
                    }
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
            done = true;
            // Future.get orders the workers' writes before these reads.
            return List.of(results);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ping worker failed", e.getCause());
        } finally {
            if (!done) {
                // Interrupted (shutdown): stop the children instead of leaving them to the pool.
                next.set(results.length);
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
