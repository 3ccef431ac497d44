package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.WgtrackConf;

/**
 * {@code wgtrack events} (bin/wgtrack, its own JVM) against the real daemon: a peer whose
 * handshake goes stale and comes back shows as one {@code down} and one {@code up}, newest
 * last, as text and as JSON Lines; {@code --follow} prints each event as it happens; with the
 * daemon stopped, the {@code [output:events]} file answers. Loopback only.
 */
class EventsCommandIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String PRIVATE = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    private static final String HUB = FakeWg.row("wg0", PRIVATE, "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=", 51820, "off");

    @TempDir
    Path dir;

    private FakeWg wg;
    private Path config;
    private Path eventsFile;

    @BeforeEach
    void writeSetup() throws IOException {
        wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.1:51820");
        serveHandshake("@NOW-3@");
        eventsFile = dir.resolve("events.jsonl");
        config = WgtrackConf.write(dir, "0.3", wg.command(), """
                [DEFAULT]
                ping_interval = 0
                handshake_timeout = 60

                [peer:wg0:%s]
                name = berlin

                [output:prometheus]
                listen = 127.0.0.1
                port = %d

                [output:events]
                filename = %s
                """.formatted(KEY, LargeHubIT.freePort(), eventsFile));
    }

    @Test
    void showsTheDaemonsEventsNewestLastAndFollowsNewOnes() throws Exception {
        WgtrackCommand.Result text;
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            WgtrackCommand.Result atStart = events();
            assertThat(atStart.exit()).as(atStart.toString()).isZero();
            assertThat(atStart.out()).as("the first judgement after start").matches("\\S+Z  wg0 berlin is up \\(handshake ok.*\\)\n");

            try (Follower follower = new Follower(command("--follow"))) {
                assertThat(follower.next(Duration.ofSeconds(15))).contains("wg0 berlin is up (");
                serveHandshake("@NOW-1000@");
                assertThat(follower.next(Duration.ofSeconds(15))).matches("\\S+Z  wg0 berlin is down \\(handshake .*\\)");
                Thread.sleep(1_200); // an outage of at least a second
                serveHandshake("@NOW-2@");
                assertThat(follower.next(Duration.ofSeconds(15))).matches("\\S+Z  wg0 berlin is up again after [1-9]\\d* s \\(handshake ok.*\\)");
            }

            text = events();
            assertThat(text.exit()).as(text.toString()).isZero();
            assertThat(text.out().lines().toList()).hasSize(3)
                    .satisfies(lines -> assertThat(lines.get(1)).contains("wg0 berlin is down"))
                    .satisfies(lines -> assertThat(lines.get(2)).contains("wg0 berlin is up again"));

            WgtrackCommand.Result json = events("--json");
            List<String> lines = json.out().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(JSON.std.mapFrom(lines.get(0))).containsEntry("event", "up").containsEntry("startup", true);
            Map<String, Object> down = JSON.std.mapFrom(lines.get(1));
            Map<String, Object> up = JSON.std.mapFrom(lines.get(2));
            assertThat(down).containsEntry("event", "down").containsEntry("interface", "wg0").containsEntry("peer", KEY)
                    .containsEntry("name", "berlin").containsEntry("old_state", "up:ok");
            assertThat(up).containsEntry("event", "up").containsEntry("new_state", "up:ok");
            assertThat(((Number) up.get("down_seconds")).longValue()).isPositive();
        }

        WgtrackCommand.Result afterStop = events();
        assertThat(afterStop.exit()).as(afterStop.toString()).isZero();
        assertThat(afterStop.err()).contains("no running daemon answers; the last 3 events of " + eventsFile);
        assertThat(afterStop.out()).isEqualTo(text.out());
    }

    @Test
    void withoutADaemonOrAnEventsFileItSaysSo() throws Exception {
        WgtrackCommand.Result run = events();

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("wgtrack events: no running daemon answers, and there is no " + eventsFile + " (yet)");
    }

    private void serveHandshake(String when) throws IOException {
        wg.serve(HUB + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", when, 10, 20, "off"));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of("bin/wgtrack").toAbsolutePath().toString(), "events", "-c",
                config.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private WgtrackCommand.Result events(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("events", "-c", config.toString()));
        command.addAll(List.of(args));
        return WgtrackCommand.run(dir, command);
    }

    /** {@code wgtrack events --follow} running, its lines as they come. */
    private final class Follower implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Follower(List<String> command) throws IOException {
            process = new ProcessBuilder(command).redirectError(dir.resolve("follow.err").toFile()).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process was stopped
                }
            }, "follow-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String next(Duration timeout) throws InterruptedException, IOException {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("a line from wgtrack events --follow; stderr: %s", Files.readString(dir.resolve("follow.err")))
                    .isNotNull();
            return line;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
