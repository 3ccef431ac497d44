package org.wgtrack.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link HookCommand}: the program as a child process with the event in its
 * environment and on stdin. Its output (stdout and stderr together) is read on a thread of its
 * own and kept up to {@link #KEPT_OUTPUT} bytes, so a chatty program can neither block on a full
 * pipe nor fill memory. On time-out the program and everything it started are killed.
 */
public final class ProcessHookCommand implements HookCommand {

    static final int KEPT_OUTPUT = 4_096;

    @Override
    public Result run(List<String> command, Map<String, String> environment, String stdin, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        OutputReader output = new OutputReader(process.getInputStream());
        Thread reader = new Thread(output, "hook-output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A program that does not read its stdin closes the pipe early: not a failure of the hook.
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process); // the daemon is stopping: no hook outlives it
            throw e;
        }
        if (!finished) {
            kill(process);
            process.waitFor(2, TimeUnit.SECONDS);
        }
        reader.join(1_000);
        return new Result(!finished, finished ? process.exitValue() : -1, output.text());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Keeps the first bytes of a stream and drains the rest. */
    private static final class OutputReader implements Runnable {
        private final InputStream stream;
        private final byte[] kept = new byte[KEPT_OUTPUT];
        private volatile int length;

        OutputReader(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8_192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    int room = Math.min(n, KEPT_OUTPUT - length);
                    if (room > 0) {
                        System.arraycopy(buffer, 0, kept, length, room);
                        length += room;
                    }
                }
            } catch (IOException e) {
                // the process is gone; what was read is what there is
            }
        }

        String text() {
            return new String(kept, 0, length, StandardCharsets.UTF_8);
        }
    }
}
