package org.wgtrack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wgtrack.testing.Await;

/**
 * The real daemon, started through {@code bin/wgtrack} as an operator would, its log captured to a file.
 * Public for the lab ITs ({@code org.wgtrack.lab}), which start it inside the lab's hub namespace.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final Pattern TRANSITION = Pattern.compile(": ([a-z:]+) → ([a-z:]+) \\(");

    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static DaemonProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        return start(List.of(), workDir, environment, args);
    }

    /**
     * Starts {@code prefix bin/wgtrack args}, e.g. with prefix {@code ip netns exec NS}; the
     * prefix must exec in place (as {@code ip netns exec} does) so that signals reach the daemon.
     */
    public static DaemonProcess start(List<String> prefix, Path workDir, Map<String, String> environment, String... args)
            throws IOException {
        Path launcher = Path.of("bin/wgtrack").toAbsolutePath();
        List<String> command = new ArrayList<>(prefix);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Path log = workDir.resolve("wgtrack.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JOURNAL_STREAM");
        // Not the test runner's service manager's business (DaemonNotifyIT sets its own).
        builder.environment().keySet().removeAll(List.of("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"));
        builder.environment().putAll(environment);
        return new DaemonProcess(builder.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Log lines about one peer's state changes, as {@code from → to}. */
    public List<String> transitions(String peerMarker) throws IOException {
        List<String> result = new ArrayList<>();
        for (String line : log().split("\n")) {
            if (line.contains(peerMarker)) {
                Matcher m = TRANSITION.matcher(line);
                if (m.find()) {
                    result.add(m.group(1) + " → " + m.group(2));
                }
            }
        }
        return result;
    }

    /** Polls the log until the condition holds; fails with the whole log otherwise. */
    public void awaitLog(Predicate<String> condition, Duration timeout, String what) throws Exception {
        Await.atMost(timeout).describing(() -> "; log:\n" + log()).until(what, () -> {
            if (condition.test(log())) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("daemon exited with " + process.exitValue() + " while waiting for " + what + "; log:\n" + log());
            }
            return false;
        });
    }

    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits for the process to exit and returns its status, or -1 if it is still running after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL after 5 s; an interrupt kills at once (no daemon may outlive its test). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
