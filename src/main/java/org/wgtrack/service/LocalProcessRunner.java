package org.wgtrack.service;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.ProcessRunner;

/**
 * Runs systemctl, rc-update and rc-service for install/uninstall. Both output streams are
 * drained on their own threads so a chatty child never blocks on a full pipe.
 */
final class LocalProcessRunner implements ProcessRunner {

    @Override
    public ProcessResult run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        FutureTask<String> stdout = drain(process.getInputStream());
        FutureTask<String> stderr = drain(process.getErrorStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
        }
        try {
            return new ProcessResult(process.exitValue(), stdout.get(), stderr.get());
        } catch (ExecutionException e) {
            throw new IOException("reading the output of " + String.join(" ", command), e.getCause());
        }
    }

    /** A thread of its own per stream: the common pool may have a single thread on a small machine. */
    private static FutureTask<String> drain(InputStream stream) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        Thread thread = new Thread(task, "wgtrack-process-output");
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
