package org.wgtrack.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs programs with ProcessBuilder: an argument array, no shell, stdin closed. Both output
 * streams are read on the calling thread, never with a blocking read: it reads what the pipes
 * hold ({@code available()}) and otherwise waits for the child to exit, in short slices. So a
 * run costs no thread beyond the caller's (and the JDK's reaper), a chatty child never blocks
 * on a full pipe, and a grandchild that keeps a pipe open after its parent exited or was
 * killed cannot pin a thread: once the child is gone, what is in the pipes is the output.
 * <p>
 * On time-out, on an interrupt and beyond {@link #MAX_STDOUT_BYTES} the whole process tree is
 * killed (descendants found before the parent dies, so they are still found), the child is
 * reaped and the pipes are closed.
 */
public final class OsProcessRunner implements ProcessRunner {

    /**
     * The most stdout a call accepts: a 100,000-peer {@code wg show all dump} is about 12 MB,
     * so this leaves room for about 250,000 peers; more fails the call instead of the heap.
     */
    public static final int MAX_STDOUT_BYTES = 32 * 1024 * 1024;

    /** The most stderr a call keeps; the rest is dropped and {@link #STDERR_CUT} appended. */
    public static final int MAX_STDERR_BYTES = 64 * 1024;

    static final String STDERR_CUT = "\n[stderr cut after 64 KiB]";

    /** Longest wait between two looks at the pipes while the child is quiet; its exit ends a wait at once. */
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MIN_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** How long to wait for a killed child to be reaped. */
    private static final Duration REAP_LIMIT = Duration.ofSeconds(2);

    @Override
    public ProcessResult run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String program = command.get(0);
        boolean finished = false;
        try {
            Capture stdout = new Capture(MAX_STDOUT_BYTES);
            Capture stderr = new Capture(MAX_STDERR_BYTES);
            InputStream out = process.getInputStream();
            InputStream err = process.getErrorStream();
            long deadline = System.nanoTime() + timeout.toNanos();
            long poll = MIN_POLL_NANOS;
            while (true) {
                // Looked at before reading: a child that had exited by now has all its output in the pipes.
                boolean exited = !process.isAlive();
                boolean read = stdout.readAvailable(out) | stderr.readAvailable(err);
                if (stdout.overflowed()) {
                    throw new OutputTooLargeException(program, MAX_STDOUT_BYTES);
                }
                if (exited && !read) {
                    break;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException(program + " did not finish within " + timeout.toMillis() + " ms");
                }
                if (read) {
                    poll = MIN_POLL_NANOS;
                } else {
                    process.waitFor(Math.min(poll, remaining), TimeUnit.NANOSECONDS);
                    poll = Math.min(MAX_POLL_NANOS, poll * 2);
                }
            }
            finished = true;
            return new ProcessResult(process.exitValue(), stdout.text(), stderr.truncatedText());
        } finally {
            if (!finished) {
                killTree(process);
            }
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
            closeQuietly(process.getOutputStream());
        }
    }

    /** Kills the child and everything it started, children first listed while the parent still holds them, and reaps the child. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = false;
        try {
            process.waitFor(REAP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            // The JDK's reaper still collects it; only this wait is cut short.
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Nothing left to lose: the output was read or abandoned.
        }
    }

    /** One stream's bytes, in a buffer that grows by doubling up to the limit, decoded once at the end. */
    private static final class Capture {
        private final int limit;
        private byte[] buffer = new byte[8192];
        private int length;
        private byte[] scratch;
        private boolean overflowed;

        Capture(int limit) {
            this.limit = limit;
        }

        /** Reads what the pipe holds without blocking; true if anything was read. Bytes beyond the limit are dropped. */
        boolean readAvailable(InputStream in) {
            boolean any = false;
            try {
                int available;
                while ((available = in.available()) > 0) {
                    if (length == buffer.length && length < limit) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
                    }
                    int n;
                    if (length < buffer.length) {
                        n = in.read(buffer, length, Math.min(available, buffer.length - length));
                        if (n > 0) {
                            length += n;
                        }
                    } else {
                        // Not skip(): a pipe cannot seek.
                        if (scratch == null) {
                            scratch = new byte[8192];
                        }
                        n = in.read(scratch, 0, Math.min(available, scratch.length));
                        overflowed |= n > 0;
                    }
                    if (n <= 0) {
                        break;
                    }
                    any = true;
                    if (overflowed) {
                        break;
                    }
                }
            } catch (IOException e) {
                // A pipe the JDK closed after the child's exit: nothing more to read.
            }
            return any;
        }

        boolean overflowed() {
            return overflowed;
        }

        String text() {
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }

        String truncatedText() {
            return overflowed ? text() + STDERR_CUT : text();
        }
    }
}
