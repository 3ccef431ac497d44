package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.testing.TestEnvironment;

/**
 * The service files as systemd and sh read them. systemd-analyze verify checks that
 * ExecStart='s program exists, so it verifies the unit as install writes it for this
 * checkout's bin/wgtrack, and the packaged unit with its launcher swapped for /bin/true.
 */
class UnitFileIT {

    /** `systemd-analyze security` rates the unit as shipped 2.2 ("OK", systemd 252): it must not get worse. */
    private static final double MAX_EXPOSURE = 2.2;

    @TempDir
    Path dir;

    private static void requireSystemdAnalyze() {
        TestEnvironment.require(TestEnvironment.installed("systemd-analyze"), "systemd-analyze is not installed (package systemd)");
    }

    private Path unitFile(String content) throws IOException {
        return Files.writeString(dir.resolve("wgtrack.service"), content);
    }

    /**
     * systemd-analyze verify runs man(1) for every man: page in Documentation=: the pages the
     * build made (target/deb/man), laid out as a man tree on MANPATH, so verify checks that the
     * unit names pages the package really installs.
     */
    private Map<String, String> manPathOfBuiltPages() throws IOException {
        Path built = Path.of("target/deb/man");
        TestEnvironment.require(Files.isRegularFile(built.resolve("wgtrack.8")), "no " + built + "/wgtrack.8: run mvn package first");
        Path tree = dir.resolve("man");
        for (String page : new String[] {"wgtrack.8", "wgtrack.conf.5"}) {
            Path section = Files.createDirectories(tree.resolve("man" + page.substring(page.lastIndexOf('.') + 1)));
            Files.copy(built.resolve(page), section.resolve(page));
        }
        return Map.of("MANPATH", tree.toString());
    }

    private void assertVerifies(Path unit) throws IOException, InterruptedException {
        ProcessResult result = Commands.run(manPathOfBuiltPages(), "systemd-analyze", "verify", unit.toString());
        assertThat(result.exitCode()).as(Commands.describe(result, "systemd-analyze verify", unit.toString())).isZero();
        assertThat(result.stderr()).as("warnings from systemd-analyze verify").isEmpty();
    }

    @Test
    void unitAsInstallWritesItForThisCheckoutVerifies() throws Exception {
        requireSystemdAnalyze();
        Path launcher = Path.of("bin/wgtrack").toAbsolutePath();

        assertVerifies(unitFile(ServiceTemplates.systemdUnit(launcher)));
    }

    @Test
    void packagedUnitVerifiesWithItsLauncherPresent() throws Exception {
        requireSystemdAnalyze();
        String packaged = Files.readString(Path.of("packaging/wgtrack.service"));

        assertVerifies(unitFile(packaged.replace("ExecStart=/usr/bin/wgtrack ", "ExecStart=/bin/true ")));
    }

    @Test
    void securityExposureStaysLow() throws Exception {
        requireSystemdAnalyze();
        Path unit = unitFile(ServiceTemplates.systemdUnit(Path.of("bin/wgtrack").toAbsolutePath()));

        ProcessResult result = Commands.run("systemd-analyze", "security", "--offline=true", unit.toString());

        Matcher level = Pattern.compile("Overall exposure level for wgtrack.service: ([0-9.]+)").matcher(result.stdout());
        assertThat(level.find()).as(Commands.describe(result, "systemd-analyze security")).isTrue();
        assertThat(Double.parseDouble(level.group(1))).isLessThanOrEqualTo(MAX_EXPOSURE);
    }

    @Test
    void shellScriptsParse() throws Exception {
        for (String script : new String[] {"packaging/wgtrack.openrc", "bin/wgtrack", "packaging/wgtrack.launcher",
                "packaging/deb/postinst", "packaging/deb/prerm", "packaging/deb/postrm"}) {
            ProcessResult result = Commands.run("sh", "-n", script);
            assertThat(result.exitCode()).as(Commands.describe(result, "sh -n", script)).isZero();
            assertThat(Files.isExecutable(Path.of(script))).as(script + " is executable").isTrue();
        }
    }
}
