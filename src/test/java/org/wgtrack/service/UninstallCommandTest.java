package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.Golden;

class UninstallCommandTest {

    @Test
    void systemdUninstallStopsDisablesRemovesAndReloads() {
        ServiceFixture host = ServiceFixture.systemd();
        assertThat(host.install()).isZero();
        host.files.changes.clear();
        host.runner.clear();

        assertThat(host.uninstall()).isZero();

        assertThat(host.runner.commandLines()).containsExactly("systemctl disable --now wgtrack.service", "systemctl daemon-reload");
        assertThat(host.files.changes).containsExactly("delete /etc/systemd/system/wgtrack.service");
        assertThat(host.out).isEqualTo("""
                ran: systemctl disable --now wgtrack.service
                removed /etc/systemd/system/wgtrack.service
                ran: systemctl daemon-reload
                wgtrack service is stopped, disabled and removed
                """);
        assertThat(host.err).isEmpty();
    }

    @Test
    void systemdUninstallTwiceDoesNothingTheSecondTime() {
        ServiceFixture host = ServiceFixture.systemd();
        assertThat(host.install()).isZero();
        assertThat(host.uninstall()).isZero();
        host.files.changes.clear();
        host.runner.clear();

        assertThat(host.uninstall()).isZero();

        assertThat(host.runner.commandLines()).isEmpty();
        assertThat(host.files.changes).isEmpty();
        assertThat(host.out).isEqualTo(
                "wgtrack service is not installed (no /etc/systemd/system/wgtrack.service); nothing to do\n");
    }

    @Test
    void systemdUninstallLeavesThePackagedUnitToTheOwningPackage() {
        ServiceFixture host = ServiceFixture.systemd();
        host.files.withFile("/lib/systemd/system/wgtrack.service", "[Service]\n");

        assertThat(host.uninstall()).isZero();

        assertThat(host.files.changes).isEmpty();
        assertThat(host.out).isEqualTo("""
                ran: systemctl disable --now wgtrack.service
                /lib/systemd/system/wgtrack.service belongs to the wgtrack package and stays; remove the package with apt-get remove wgtrack
                wgtrack service is stopped and disabled
                """);
    }

    @Test
    void openrcUninstallStopsRemovesFromRunlevelAndDeletesScript() {
        ServiceFixture host = ServiceFixture.openrc();
        assertThat(host.install()).isZero();
        host.files.with("/etc/runlevels/default/wgtrack");
        host.files.changes.clear();
        host.runner.clear();

        assertThat(host.uninstall()).isZero();

        assertThat(host.runner.commandLines()).containsExactly("rc-service --ifstarted wgtrack stop", "rc-update del wgtrack default");
        assertThat(host.files.changes).containsExactly("delete /etc/init.d/wgtrack");
        assertThat(host.files.exists(Path.of("/etc/init.d/wgtrack"))).isFalse();
    }

    @Test
    void openrcUninstallTwiceDoesNothingTheSecondTime() {
        ServiceFixture host = ServiceFixture.openrc();

        assertThat(host.uninstall()).isZero();

        assertThat(host.runner.commandLines()).isEmpty();
        assertThat(host.out).isEqualTo("wgtrack service is not installed (no /etc/init.d/wgtrack); nothing to do\n");
    }

    @Test
    void dryRunPrintsEveryStepAndChangesNothing() throws IOException {
        ServiceFixture host = ServiceFixture.systemd();
        assertThat(host.install()).isZero();
        host.files.changes.clear();
        host.runner.clear();
        host.root = false;

        assertThat(host.uninstall("--dry-run")).isZero();

        assertThat(host.out).isEqualTo(Golden.expected("org/wgtrack/service/uninstall-systemd-dry-run.txt", host.out));
        assertThat(host.files.changes).isEmpty();
        assertThat(host.runner.commandLines()).isEmpty();
    }

    @Test
    void nonRootIsRefused() {
        ServiceFixture host = ServiceFixture.systemd();
        host.root = false;

        assertThat(host.uninstall()).isEqualTo(1);

        assertThat(host.err).isEqualTo("wgtrack uninstall: must be run as root (try: sudo wgtrack uninstall)\n");
        assertThat(host.runner.commandLines()).isEmpty();
    }

    @Test
    void uninstallDoesNotNeedWg() {
        ServiceFixture host = ServiceFixture.systemd();
        host.wgInstalled = false;

        assertThat(host.uninstall()).isZero();
    }
}
