package org.wgtrack.daemon;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.wgtrack.system.Resolver;

/**
 * How endpoint hostnames are looked up: the resolver, the threads its calls may block (a lookup
 * can hang in the system resolver, so never the cycle thread's), and how long one may take
 * before it counts as failed. The threads belong to the daemon, which shuts them down on close.
 */
public record Lookups(Resolver resolver, ExecutorService threads, Duration timeout) {

    /** How long one re-resolution may take by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Enough for a hub whose DNS server died: each hanging lookup holds one thread until it returns. */
    private static final int THREADS = 32;

    public Lookups {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The daemon's own: {@code resolver} on up to 32 threads that exist only while lookups run. */
    public static Lookups on(Resolver resolver, Duration timeout) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "resolver");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new Lookups(resolver, pool, timeout);
    }
}
