package org.wgtrack.output;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.TestEnvironment;

/**
 * A real server (influxd, prometheus) started by an IT on 127.0.0.1 and stopped by its PID.
 * A missing binary skips the IT on a developer's machine and fails it under CI=true
 * (scripts/install-test-deps.sh installs them).
 */
final class ExternalServer implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ExternalServer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The binary's path; skips (or under CI fails) the test when it is not installed. */
    static Path requireBinary(String binary, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String reason = binary + " is not installed (Debian package " + debianPackage
                + "; scripts/install-test-deps.sh installs it)";
        TestEnvironment.require(false, reason);
        throw new AssertionError(reason);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    static ExternalServer start(String name, Path dir, List<String> command) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ExternalServer(name, process, log);
    }

    long pid() {
        return process.pid();
    }

    /** Polls until the condition holds; fails with the server's log when it does not in time. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        Await.atMost(timeout).every(Duration.ofMillis(200)).describing(() -> "; " + name + " log:\n" + tail()).until(what, () -> {
            if (!process.isAlive()) {
                fail(name + " exited with status " + process.exitValue() + " while waiting for " + what + ":\n" + tail());
            }
            return condition.getAsBoolean();
        });
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to the PID, then SIGKILL if it does not exit within 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean answers(String url, int status) {
        try {
            return get(url).statusCode() == status;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }
}
