package org.wgtrack.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

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

    /**
     * Longest wait between two looks at the pipes while the child is quiet; its exit ends a
     * wait at once, and a child that writes meanwhile fills the pipe (64 KiB) before it blocks.
     * About 10 wake-ups a second per quiet child (a ping waiting for its reply).
     */
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /** From this wait on, wait for the exit (which ends the wait at once) instead of parking. */
    private static final long WAIT_FOR_EXIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long to wait for a killed child to be reaped. */
    private static final Duration REAP_LIMIT = Duration.ofSeconds(2);

    @Override
    public ProcessResult run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        return run(command, timeout, 0);
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout, int expectedStdoutBytes)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String program = command.get(0);
        boolean finished = false;
        try {
            Capture stdout = new Capture(MAX_STDOUT_BYTES, expectedStdoutBytes);
            Capture stderr = new Capture(MAX_STDERR_BYTES, 0);
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
                } else if (poll < WAIT_FOR_EXIT_NANOS) {
                    // A child that just wrote is likely to write again soon: look again after a
                    // short park (Process.waitFor sleeps at least 1 ms, i.e. one pipe of 64 KiB per ms).
                    LockSupport.parkNanos(poll);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    poll *= 2;
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

    /**
     * One stream's bytes in chunks (8 KiB doubling up to 1 MiB, then 1 MiB each), joined and
     * decoded once at the end. Chunks, not one doubling array: a child running into the
     * stdout cap then costs the cap, not the cap and half of it again for the last copy.
     * With an expected size the first chunk has room for it and a little more, so output of
     * about the size expected (wg's dump, cycle after cycle) is read into it and decoded
     * without being joined (10,000 peers: 1.7 MB once instead of about 4 MB in chunks and copy).
     */
    private static final class Capture {
        private static final int FIRST_CHUNK = 8 * 1024;
        private static final int MAX_CHUNK = 1024 * 1024;

        private final int limit;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int currentLength;
        private int length;
        private byte[] scratch;
        private boolean overflowed;

        Capture(int limit, int expected) {
            this.limit = limit;
            long first = expected <= 0 ? FIRST_CHUNK : expected + expected / 16L + FIRST_CHUNK;
            this.current = new byte[(int) Math.min(first, limit)];
        }

        /** Reads what the pipe holds without blocking; true if anything was read. Bytes beyond the limit are dropped. */
        boolean readAvailable(InputStream in) {
            boolean any = false;
            try {
                int available;
                while ((available = in.available()) > 0) {
                    int n;
                    if (length < limit) {
                        if (currentLength == current.length) {
                            chunks.add(current);
                            current = new byte[Math.min(MAX_CHUNK, 2 * current.length)];
                            currentLength = 0;
                        }
                        n = in.read(current, currentLength, Math.min(Math.min(available, current.length - currentLength), limit - length));
                        if (n > 0) {
                            currentLength += n;
                            length += n;
                        }
                    } else {
                        // Not skip(): a pipe cannot seek.
                        if (scratch == null) {
                            scratch = new byte[64 * 1024];
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
            if (chunks.isEmpty()) {
                return new String(current, 0, currentLength, StandardCharsets.UTF_8);
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            System.arraycopy(current, 0, all, at, currentLength);
            chunks.clear();
            current = null;
            return new String(all, StandardCharsets.UTF_8);
        }

        String truncatedText() {
            return overflowed ? text() + STDERR_CUT : text();
        }
    }
}
