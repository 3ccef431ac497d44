package org.wgtrack.system;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the pinger at start-up: fping when it is installed and passes a test ping of
 * 127.0.0.1 through {@code lo} with the very options wgtrack uses, else the system's ping
 * (iputils), which every Debian-like system has. fping sends to 1,000 peers from one process
 * and ends a cycle's pings within the timeout plus about 0.2 s; one ping process per peer
 * costs seconds of CPU at that size (README, "Pinging"); {@link NoPingProgram} when neither
 * can be run. Logs nothing: the caller logs
 * {@link DetectedPinger#description()} once.
 */
public final class Pingers {

    private static final Duration PROBE_LIMIT = Duration.ofSeconds(5);
    /** The status a wrapper ({@code nsenter}, {@code env}) exits with when it cannot find the program; no ping uses it. */
    private static final int NOT_FOUND = 127;
    private static final Pattern FPING_VERSION = Pattern.compile("Version (\\S+)");

    private Pingers() {
    }

    public static DetectedPinger detect(ProcessRunner runner) throws InterruptedException {
        String fpingProblem;
        try {
            ProcessResult version = runner.run(List.of("fping", "-v"), PROBE_LIMIT);
            fpingProblem = version.succeeded() ? probeProblem(runner)
                    : version.exitCode() == NOT_FOUND ? "fping not installed"
                    : "fping -v exited with status " + version.exitCode();
            if (fpingProblem == null) {
                return new DetectedPinger(new FpingPinger(runner), "pinging with " + fpingName(version));
            }
        } catch (IOException e) {
            fpingProblem = "fping not installed";
        } catch (TimeoutException e) {
            fpingProblem = "fping -v did not exit within " + PROBE_LIMIT.toSeconds() + " s";
        }
        Optional<String> pingName = pingName(runner);
        if (pingName.isEmpty()) {
            return new DetectedPinger(new NoPingProgram(), NoPingProgram.REASON);
        }
        return new DetectedPinger(new IputilsPinger(runner, IputilsPinger.DEFAULT_MAX_CONCURRENCY),
                "pinging with " + pingName.get() + " (" + fpingProblem + ")");
    }

    /** Why fping's test ping went wrong, or null when it worked. */
    private static String probeProblem(ProcessRunner runner) throws InterruptedException {
        PingResult probe = new FpingPinger(runner).pingAll(List.of(
                new PingRequest("lo", InetAddress.getLoopbackAddress(), Duration.ofMillis(500)))).get(0);
        // A loopback that does not answer (a firewall) is no fault of fping; only an error is.
        return probe.error().map(error -> "fping failed a test ping of 127.0.0.1 through lo: " + error).orElse(null);
    }

    /** {@code fping 5.1}, from {@code fping: Version 5.1} (on stdout; older versions print it on stderr). */
    private static String fpingName(ProcessResult version) {
        Matcher matcher = FPING_VERSION.matcher(version.stdout() + "\n" + version.stderr());
        return matcher.find() ? "fping " + matcher.group(1) : "fping";
    }

    /**
     * {@code ping from iputils 20221126}, as {@code ping -V} says it; {@code ping of unknown
     * version} for a ping that runs but cannot say it; empty when there is no ping to run.
     */
    private static Optional<String> pingName(ProcessRunner runner) throws InterruptedException {
        try {
            ProcessResult result = runner.run(List.of("ping", "-V"), PROBE_LIMIT);
            if (result.exitCode() == NOT_FOUND) {
                return Optional.empty();
            }
            Optional<String> name = result.succeeded()
                    ? (result.stdout() + "\n" + result.stderr()).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    : Optional.empty();
            return Optional.of(name.orElse("ping of unknown version"));
        } catch (TimeoutException e) {
            return Optional.of("ping of unknown version");
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
