package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wgtrack hook test NAME} with real programs: a script that records, one that fails. */
class HookTestCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void sendsASampleEventAndSaysWhatHappened() throws Exception {
        Path received = dir.resolve("received");
        Path ok = script("ok", "echo \"$WGTRACK_EVENT $WGTRACK_NAME $WGTRACK_DOWN_SECONDS\" > '" + received + "'; cat >> '" + received
                + "'; echo mail queued\n");
        Path broken = script("broken", "echo 'sendmail: no route' >&2; exit 3\n");
        Path config = Files.writeString(dir.resolve("wgtrack.conf"), "[hook:mail]\ncommand = " + ok + "\n\n[hook:pager]\ncommand = "
                + broken + "\n");

        assertThat(run("-c", config.toString(), "hook", "test", "mail", "--event", "up")).isZero();
        assertThat(out.toString()).isEqualTo("hook mail: up wg0 wgtrack hook test (AAAAAAAA…): delivered\nmail queued\n");
        assertThat(Files.readString(received)).startsWith("up wgtrack hook test 60\n{\"event\":\"up\"");

        out.getBuffer().setLength(0);
        assertThat(run("hook", "test", "-c", config.toString(), "pager")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("hook pager: down wg0 wgtrack hook test (AAAAAAAA…): " + broken
                + " exited with status 3\nsendmail: no route\n");

        assertThat(run("-c", config.toString(), "hook", "test", "sms")).isEqualTo(2);
        assertThat(err.toString()).contains("wgtrack hook test: no [hook:sms] (configured: mail, pager)");
    }
}
