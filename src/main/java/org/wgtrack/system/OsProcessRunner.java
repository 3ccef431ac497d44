package org.wgtrack.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs programs with ProcessBuilder: an argument array, no shell, stdin closed. Both output
 * streams are drained on helper threads so a chatty child never blocks on a full pipe and a
 * hanging child is still killed on time.
 */
public final class OsProcessRunner implements ProcessRunner {

    /** Enough for a 10,000-peer dump many times over; a runaway child cannot exhaust the heap. */
    private static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

    private final ExecutorService drainers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "process-output");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public ProcessResult run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), drainers);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), drainers);
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException(command.get(0) + " did not finish within " + timeout.toMillis() + " ms");
            }
            return new ProcessResult(process.exitValue(), stdout.get(), stderr.get());
        } catch (ExecutionException e) {
            throw new IOException("reading output of " + command.get(0) + " failed", e.getCause());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[65536];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (buffer.size() + n > MAX_OUTPUT_BYTES) {
                    throw new IOException("output larger than " + MAX_OUTPUT_BYTES + " bytes");
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
