package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.testing.Golden;

class InstallCommandTest {

    private static final Path UNIT = Path.of("/etc/systemd/system/wgtrack.service");
    private static final Path SCRIPT = Path.of("/etc/init.d/wgtrack");

    @Test
    void systemdDryRunPrintsTheWholeUnitAndEveryCommand() throws IOException {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install("--dry-run")).isZero();

        assertThat(host.out).isEqualTo(Golden.expected("org/wgtrack/service/install-systemd-dry-run.txt", host.out));
        assertThat(host.err).isEmpty();
        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).isEmpty();
    }

    @Test
    void openrcDryRunPrintsTheWholeScriptAndEveryCommand() throws IOException {
        ServiceFixture host = ServiceFixture.openrc();

        assertThat(host.install("--dry-run")).isZero();

        assertThat(host.out).isEqualTo(Golden.expected("org/wgtrack/service/install-openrc-dry-run.txt", host.out));
        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).isEmpty();
    }

    @Test
    void dryRunNeedsNoRoot() {
        ServiceFixture host = ServiceFixture.systemd();
        host.root = false;

        assertThat(host.install("--dry-run")).isZero();
        assertThat(host.err).isEmpty();
    }

    @Test
    void systemdInstallWritesUnitReloadsEnablesAndStarts() {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).containsExactly("write /etc/systemd/system/wgtrack.service 644");
        assertThat(host.files.read(UNIT)).hasValue(ServiceTemplates.systemdUnit(Path.of(ServiceFixture.LAUNCHER)));
        assertThat(host.files.read(UNIT).orElseThrow())
                .contains("\nExecStart=/opt/wgtrack/bin/wgtrack --config /etc/wgtrack.conf\n");
        assertThat(host.runner.commandLines()).containsExactly(
                "systemctl daemon-reload",
                "systemctl enable wgtrack.service",
                "systemctl restart wgtrack.service");
        assertThat(host.out).isEqualTo("""
                wrote /etc/systemd/system/wgtrack.service
                ran: systemctl daemon-reload
                ran: systemctl enable wgtrack.service
                ran: systemctl restart wgtrack.service
                wgtrack is installed and running: /opt/wgtrack/bin/wgtrack --config /etc/wgtrack.conf (logs: journalctl -u wgtrack)
                """);
        assertThat(host.err).isEmpty();
    }

    @Test
    void systemdInstallTwiceOnlyStartsTheSecondTime() {
        ServiceFixture host = ServiceFixture.systemd();
        assertThat(host.install()).isZero();
        host.files.changes.clear();
        host.runner.clear();

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).containsExactly("systemctl enable wgtrack.service", "systemctl start wgtrack.service");
        assertThat(host.out).isEqualTo("""
                unchanged /etc/systemd/system/wgtrack.service
                ran: systemctl enable wgtrack.service
                ran: systemctl start wgtrack.service
                wgtrack is installed and running: /opt/wgtrack/bin/wgtrack --config /etc/wgtrack.conf (logs: journalctl -u wgtrack)
                """);
    }

    @Test
    void systemdInstallRewritesAStaleUnitAndRestarts() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withFile(UNIT.toString(), "[Service]\nExecStart=/old/wgtrack\n");

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).containsExactly("write /etc/systemd/system/wgtrack.service 644");
        assertThat(host.runner.commandLines()).containsExactly(
                "systemctl daemon-reload", "systemctl enable wgtrack.service", "systemctl restart wgtrack.service");
    }

    @Test
    void systemdInstallUsesTheUnitOfTheDebianPackage() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withFile("/lib/systemd/system/wgtrack.service", "[Service]\n");

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).isEmpty();
        assertThat(host.out).isEqualTo("""
                using /lib/systemd/system/wgtrack.service from the wgtrack package
                ran: systemctl enable wgtrack.service
                ran: systemctl start wgtrack.service
                wgtrack is installed and running: /usr/bin/wgtrack --config /etc/wgtrack.conf (logs: journalctl -u wgtrack)
                """);
    }

    @Test
    void openrcInstallWritesScriptAddsToRunlevelAndStarts() {
        ServiceFixture host = ServiceFixture.openrc();

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).containsExactly("write /etc/init.d/wgtrack 755");
        assertThat(host.files.read(SCRIPT).orElseThrow()).contains("\ncommand=\"/opt/wgtrack/bin/wgtrack\"\n");
        assertThat(host.runner.commandLines()).containsExactly("rc-update add wgtrack default", "rc-service wgtrack restart");
        assertThat(host.out).isEqualTo("""
                wrote /etc/init.d/wgtrack
                ran: rc-update add wgtrack default
                ran: rc-service wgtrack restart
                wgtrack is installed and running: /opt/wgtrack/bin/wgtrack --config /etc/wgtrack.conf (logs: /var/log/wgtrack.log)
                """);
    }

    @Test
    void openrcInstallTwiceOnlyStartsIfNotStartedTheSecondTime() {
        ServiceFixture host = ServiceFixture.openrc();
        assertThat(host.install()).isZero();
        host.files.with("/etc/runlevels/default/wgtrack");
        host.files.changes.clear();
        host.runner.clear();

        assertThat(host.install()).isZero();

        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).containsExactly("rc-service --ifnotstarted wgtrack start");
    }

    @Test
    void nonRootIsRefusedBeforeAnythingHappens() {
        ServiceFixture host = ServiceFixture.systemd();
        host.root = false;

        assertThat(host.install()).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: must be run as root (try: sudo wgtrack install)\n");
        assertThat(host.out).isEmpty();
        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).isEmpty();
    }

    @Test
    void missingWgNamesThePackageToInstall() {
        ServiceFixture host = ServiceFixture.systemd();
        host.wgInstalled = false;

        assertThat(host.install()).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: wg not found on PATH; install the wireguard-tools package"
                + " (apt-get install wireguard-tools)\n");
        assertThat(host.files.changes).isEmpty();
    }

    @Test
    void noKnownInitSystemAsksForInit() {
        ServiceFixture host = new ServiceFixture();

        assertThat(host.install()).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: no supported init system found (neither /run/systemd/system"
                + " nor /sbin/openrc-run exists); pass --init systemd or --init openrc\n");
    }

    @Test
    void initOptionOverridesDetection() {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install("--init", "OpenRC")).isZero();

        assertThat(host.files.changes).containsExactly("write /etc/init.d/wgtrack 755");
    }

    @Test
    void unknownInitIsAUsageError() {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install("--init", "runit")).isEqualTo(2);

        assertThat(host.err).startsWith("Invalid value for option '--init': expected systemd or openrc, got 'runit'\n");
    }

    @Test
    void launcherOptionWins() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withExecutable("/usr/local/bin/wgtrack");

        assertThat(host.install("--launcher", "/usr/local/bin/wgtrack")).isZero();

        assertThat(host.files.read(UNIT).orElseThrow())
                .contains("\nExecStart=/usr/local/bin/wgtrack --config /etc/wgtrack.conf\n");
    }

    @Test
    void unknownLauncherAsksForOne() {
        ServiceFixture host = ServiceFixture.systemd();
        host.runningLauncher = Optional.empty();

        assertThat(host.install()).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: cannot tell which launcher the service should run;"
                + " pass --launcher PATH\n");
    }

    @Test
    void launcherMustBeAnExecutableFile() {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install("--launcher", "/nowhere/wgtrack")).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: launcher /nowhere/wgtrack is not an executable file\n");
    }

    @Test
    void launcherInAHomeDirectoryIsRefusedForSystemd() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withExecutable("/root/wgtrack/bin/wgtrack");

        assertThat(host.install("--launcher", "/root/wgtrack/bin/wgtrack")).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: launcher /root/wgtrack/bin/wgtrack is under /root,"
                + " which the service cannot see (ProtectHome=yes); install the .deb or pass --launcher"
                + " with a path outside /home, /root and /run/user\n");
    }

    @Test
    void launcherPathThatWouldNeedQuotingIsRefused() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withExecutable("/opt/my tools/wgtrack");

        assertThat(host.install("--launcher", "/opt/my tools/wgtrack")).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack install: launcher path '/opt/my tools/wgtrack' has characters that"
                + " the service file would need quoted; use a path of letters, digits and . _ + - / only\n");
    }

    @Test
    void failingCommandStopsTheInstallAndSaysWhy() {
        ServiceFixture host = ServiceFixture.systemd();
        host.runner.answering("systemctl enable wgtrack.service",
                new ProcessResult(1, "", "Failed to enable unit: Unit file wgtrack.service is masked.\n"));

        assertThat(host.install()).isEqualTo(1);

        assertThat(host.runner.commandLines()).containsExactly("systemctl daemon-reload", "systemctl enable wgtrack.service");
        assertThat(host.out).isEqualTo("""
                wrote /etc/systemd/system/wgtrack.service
                ran: systemctl daemon-reload
                """);
        assertThat(host.err).isEqualTo("wgtrack install: systemctl enable wgtrack.service failed with exit status 1:"
                + " Failed to enable unit: Unit file wgtrack.service is masked.\n");
    }

    @Test
    void commandsAreArgumentArraysNotShellLines() {
        ServiceFixture host = ServiceFixture.systemd();
        List<List<String>> seen = new java.util.ArrayList<>();
        ServiceHost recording = new ServiceHost(host.files, (command, timeout) -> {
            seen.add(command);
            return new ProcessResult(0, "", "");
        }, () -> true, program -> Optional.of(Path.of("/usr/bin/wg")), host.runningLauncher);

        assertThat(new picocli.CommandLine(new InstallCommand(recording)).execute()).isZero();

        assertThat(seen).contains(List.of("systemctl", "enable", "wgtrack.service"));
    }

    @Test
    void helpListsTheOptions() {
        ServiceFixture host = ServiceFixture.systemd();

        assertThat(host.install("--help")).isZero();

        assertThat(host.out).startsWith("Usage: install [-h] [--dry-run] [--init=SYSTEM] [--launcher=PATH]\n")
                .contains("--dry-run", "--init=SYSTEM", "--launcher=PATH");
        assertThat(host.runner.commandLines()).isEmpty();
    }
}
