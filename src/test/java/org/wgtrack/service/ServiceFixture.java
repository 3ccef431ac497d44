package org.wgtrack.service;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wgtrack.testing.FakeProcessRunner;
import picocli.CommandLine;

/** A fake host plus a way to run install/uninstall against it and capture what they print. */
final class ServiceFixture {

    static final String LAUNCHER = "/opt/wgtrack/bin/wgtrack";

    final FakeServiceFiles files = new FakeServiceFiles();
    final FakeProcessRunner runner = FakeProcessRunner.succeeding();
    boolean root = true;
    boolean wgInstalled = true;
    Optional<Path> runningLauncher = Optional.of(Path.of(LAUNCHER));

    String out = "";
    String err = "";

    ServiceFixture() {
        files.withExecutable(LAUNCHER);
    }

    static ServiceFixture systemd() {
        ServiceFixture fixture = new ServiceFixture();
        fixture.files.with("/run/systemd/system");
        return fixture;
    }

    static ServiceFixture openrc() {
        ServiceFixture fixture = new ServiceFixture();
        fixture.files.withExecutable("/sbin/openrc-run");
        return fixture;
    }

    ServiceHost host() {
        return new ServiceHost(files, runner, () -> root,
                program -> wgInstalled && program.equals("wg") ? Optional.of(Path.of("/usr/bin/wg")) : Optional.empty(),
                runningLauncher);
    }

    int install(String... args) {
        return execute(new InstallCommand(host()), args);
    }

    int uninstall(String... args) {
        return execute(new UninstallCommand(host()), args);
    }

    private int execute(Callable<Integer> command, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(outText, true));
        line.setErr(new PrintWriter(errText, true));
        int status = line.execute(args);
        out = outText.toString();
        err = errText.toString();
        return status;
    }
}
