package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.wgtrack.system.ProcessResult;

/** Small helpers for the *IT tests that run real programs. */
final class Commands {

    private Commands() {
    }

    static Optional<Path> onPath(String program) {
        return new PathSearch(System.getenv("PATH"), new LocalServiceFiles()).find(program);
    }

    static ProcessResult run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), command);
    }

    static ProcessResult run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command));
        builder.environment().putAll(env);
        Path stdout = Files.createTempFile("wgtrack-it", ".out");
        Path stderr = Files.createTempFile("wgtrack-it", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(new TimeoutException(String.join(" ", command) + " did not finish within 5 min"));
            }
            return new ProcessResult(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static String describe(ProcessResult result, String... command) {
        return String.join(" ", Arrays.asList(command)) + " exited " + result.exitCode()
                + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr();
    }
}
