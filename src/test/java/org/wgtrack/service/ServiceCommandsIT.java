package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.TestEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * install and uninstall registered the way org.wgtrack.Main registers them, on the real host
 * (no fakes), in dry-run mode only: nothing on this machine changes.
 */
class ServiceCommandsIT {

    @Command(name = "wgtrack", subcommands = {InstallCommand.class, UninstallCommand.class})
    static final class Parent implements Runnable {
        @Override
        public void run() {
        }
    }

    private String out;
    private String err;

    private int wgtrack(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status = new CommandLine(new Parent())
                .setOut(new PrintWriter(outText, true))
                .setErr(new PrintWriter(errText, true))
                .execute(args);
        out = outText.toString();
        err = errText.toString();
        return status;
    }

    @Test
    void installDryRunOnThisMachineShowsTheUnitForThisCheckout() {
        TestEnvironment.require(TestEnvironment.installed("wg"), "wg is not installed (package wireguard-tools)");
        String launcher = Path.of("bin/wgtrack").toAbsolutePath().toString();

        int status = wgtrack("install", "--dry-run", "--init", "systemd", "--launcher", "bin/wgtrack");

        assertThat(status).as(err).isZero();
        assertThat(out).startsWith("dry run: nothing is written or run\n")
                .contains("\nExecStart=" + launcher + " --config /etc/wgtrack.conf\n");
        assertThat(err).isEmpty();
    }

    @Test
    void uninstallDryRunOnThisMachineChangesNothing() {
        int status = wgtrack("uninstall", "--dry-run", "--init", "openrc");

        assertThat(status).as(err).isZero();
        assertThat(out).startsWith("dry run: nothing is written or run\n");
    }
}
