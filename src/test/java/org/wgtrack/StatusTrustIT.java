package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.StatusDocument;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgtrackConf;
import org.wgtrack.track.PeerState;

/**
 * {@code wgtrack status} (bin/wgtrack, its own JVM) believes only the daemon. With the daemon
 * stopped and {@code wg} failing, a plain HTTP server on the daemon's port serves a status
 * document saying all is well: status refuses it (exit 2, naming the process it found), as
 * the same user (python3, not wgtrack) and, when the test runs as root, as another user
 * (uid 65534). The real daemon on that port is believed. A JSON status file is believed only
 * if root or the caller owns it, and what it says reaches the terminal escaped. Loopback only.
 */
class StatusTrustIT {

    /** ESC ] 0 ; … BEL retitles a terminal; ESC [ 2 J clears it. */
    private static final String HOSTILE_NAME = "\u001b]0;owned\u0007x\u001b[2Jy\u009b1m";

    @TempDir
    Path dir;

    private int port;
    private Path config;
    private Path statusFile;
    private Path served;
    private final List<Process> servers = new ArrayList<>();

    @BeforeEach
    void writeSetup() throws IOException {
        port = LargeHubIT.freePort();
        Path failingWg = dir.resolve("wg");
        Files.writeString(failingWg, "#!/bin/sh\necho 'Unable to access interface: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(failingWg, PosixFilePermissions.fromString("rwxr-xr-x"));
        statusFile = dir.resolve("status.json");
        config = WgtrackConf.write(dir, "1", failingWg, """
                [DEFAULT]
                ping_interval = 0

                [output:json]
                filename = %s

                [output:prometheus]
                listen = 127.0.0.1
                port = %d
                """.formatted(statusFile, port));
        // Readable by every user, for the server that runs as another one.
        served = Files.createTempDirectory("wgtrack-impostor");
        Files.setPosixFilePermissions(served, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path document = Files.writeString(served.resolve("status"), allUpDocument(HOSTILE_NAME));
        Files.setPosixFilePermissions(document, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void stopServers() throws IOException, InterruptedException {
        for (Process server : servers) {
            server.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(served)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aPlainHttpServerOfTheSameUserOnTheDaemonsPortIsNotBelieved() throws Exception {
        Process server = serve(List.of());

        WgtrackCommand.Result status = status();

        assertThat(status.exit()).as(status.toString()).isEqualTo(2);
        assertThat(status.err()).contains("wgtrack status: 127.0.0.1:" + port + " is served by process " + server.pid() + " (")
                .contains("python3").contains("not by a wgtrack daemon");
        assertThat(status.out()).isEmpty();

        WgtrackCommand.Result events = run("events");
        assertThat(events.exit()).as(events.toString()).isEqualTo(2);
        assertThat(events.err()).contains("wgtrack events: 127.0.0.1:" + port + " is served by process " + server.pid() + " (");
    }

    @Test
    void aServerOfAnotherUserOnTheDaemonsPortIsNotBelieved() throws Exception {
        assumeTrue(isRoot(), "runs the server as uid 65534, which needs root");
        serve(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));

        WgtrackCommand.Result status = status();

        assertThat(status.exit()).as(status.toString()).isEqualTo(2);
        assertThat(status.err()).contains("wgtrack status: 127.0.0.1:" + port
                + " is served by a process of uid 65534, not by the wgtrack daemon (which runs as root)");
    }

    @Test
    void theRealDaemonOnItsPortIsBelieved() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            Await.atMost(Duration.ofSeconds(20)).until("the daemon's listener", () -> listening(port));

            WgtrackCommand.Result status = status();

            assertThat(status.out()).as(status.toString())
                    .startsWith("wgtrack status from the running daemon at http://127.0.0.1:" + port + "/status")
                    .contains("live state unreadable: ");
            assertThat(status.exit()).as("the live state cannot be read").isEqualTo(1);
        }
    }

    @Test
    void aStatusFileOfTheCallersIsBelievedAndWhatItSaysIsShownEscaped() throws Exception {
        Files.writeString(statusFile, allUpDocument(HOSTILE_NAME));

        WgtrackCommand.Result table = status();
        WgtrackCommand.Result json = status("--json");

        assertThat(table.exit()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("wgtrack status from " + statusFile)
                .contains("\\x1b]0;owned\\x07x\\x1b[2Jy\\x9b1m").contains("1 of 1 peers up");
        assertThat(json.out()).contains("\"name\" : \"\\u001B]0;owned\\u0007x\\u001B[2Jy\\u009B1m\"");
        for (WgtrackCommand.Result printed : List.of(table, json)) {
            assertThat(printed.out().chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0))
                    .as("control characters printed").isEmpty();
        }
    }

    @Test
    void aStatusFileOfAnotherUserIsNotBelieved() throws Exception {
        assumeTrue(isRoot(), "gives the file to uid 65534, which needs root");
        Files.writeString(statusFile, allUpDocument("berlin"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
        Files.setOwner(statusFile, nobody);

        WgtrackCommand.Result status = status();

        assertThat(status.exit()).as(status.toString()).isEqualTo(2);
        assertThat(status.err()).contains(statusFile + " is owned by uid 65534, not by root or by you");
    }

    private static String allUpDocument(String name) {
        Snapshot snapshot = new Snapshot(Instant.now(), Optional.empty(),
                List.of(PeerSnapshotBuilder.peer("wg0", TestKeys.numbered(1)).withName(name).withState(PeerState.UP_OK).build()),
                Optional.of(Duration.ofMillis(3)), Map.of());
        return StatusDocument.format(snapshot);
    }

    /** python3's http.server on the daemon's port, serving {@code status}; {@code prefix} runs it as another user. */
    private Process serve(List<String> prefix) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", served.toString(),
                Integer.toString(port)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        servers.add(server);
        Await.atMost(Duration.ofSeconds(10)).until("the server to listen", () -> listening(port));
        return server;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
    }

    private WgtrackCommand.Result status(String... args) throws IOException, InterruptedException {
        return run("status", args);
    }

    /** {@code bin/wgtrack SUBCOMMAND -c CONFIG ARGS…}. */
    private WgtrackCommand.Result run(String subcommand, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(subcommand, "-c", config.toString()));
        command.addAll(List.of(args));
        return WgtrackCommand.run(dir, command);
    }
}
