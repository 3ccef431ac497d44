package org.wgtrack.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Real threads that know how many of their tasks are still to finish, so a test can wait for
 * the work it started (re-resolutions, say) instead of polling the code under test. A task
 * counts as finished when it returns, with everything it completed on its way out.
 */
public final class CountingExecutor extends AbstractExecutorService {

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Object monitor = new Object();
    private int unfinished;

    @Override
    public void execute(Runnable task) {
        synchronized (monitor) {
            unfinished++;
        }
        threads.execute(() -> {
            try {
                task.run();
            } finally {
                synchronized (monitor) {
                    unfinished--;
                    monitor.notifyAll();
                }
            }
        });
    }

    /** Waits until every task given so far has finished; false if that takes longer than {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (unfinished > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
            }
            return true;
        }
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
