package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.testing.TestEnvironment;

/**
 * Installs the .deb that `mvn package` built on this machine, runs it, and purges it.
 * Needs root and dpkg; skipped without them, except in CI (CI=true), where it fails.
 * apt-get installs it so that missing dependencies (wireguard-tools, a Java 17 runtime) are
 * fetched instead of failing dpkg. On a host without systemd as PID 1 (a container, this
 * build machine) the maintainer scripts enable the unit but start nothing.
 */
class DebPackageIT {

    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");
    private static final String LOCK_WAIT = "DPkg::Lock::Timeout=300";
    private static final List<Path> PACKAGE_FILES = List.of(
            Path.of("/usr/bin/wgtrack"),
            Path.of("/usr/share/wgtrack/wgtrack.jar"),
            Path.of("/usr/share/wgtrack/java.security"),
            Path.of("/usr/share/wgtrack/wgtrack.classlist"),
            Path.of("/usr/share/wgtrack/wgtrack.compile"),
            Path.of("/lib/systemd/system/wgtrack.service"),
            Path.of("/usr/share/man/man8/wgtrack.8.gz"),
            Path.of("/usr/share/man/man5/wgtrack.conf.5.gz"),
            Path.of("/usr/share/bash-completion/completions/wgtrack"),
            Path.of("/usr/share/doc/wgtrack/copyright"),
            Path.of("/usr/share/doc/wgtrack/changelog.gz"),
            Path.of("/usr/share/doc/wgtrack/examples/hub.conf"),
            Path.of("/usr/share/doc/wgtrack/examples/site-to-site.conf"),
            Path.of("/usr/share/doc/wgtrack/examples/home-router.conf"),
            Path.of("/usr/share/doc/wgtrack/examples/telegraf-wgtrack.conf"),
            Path.of("/usr/share/doc/wgtrack/examples/grafana-dashboard.json"),
            Path.of("/usr/share/doc/wgtrack/examples/wgtrack-alerts.yml"),
            Path.of("/usr/share/doc/wgtrack/examples/wgtrack-alerts.test.yml"),
            Path.of("/etc/wgtrack.conf"));
    /** The class-data-sharing archive postinst makes for the installed jar and JVM. */
    private static final Path CDS_ARCHIVE = Path.of("/var/lib/wgtrack/wgtrack.jsa");
    private static final Path WANTS_LINK = Path.of("/etc/systemd/system/multi-user.target.wants/wgtrack.service");

    private static boolean installedByUs;

    @BeforeAll
    static void requireRootAndDpkg() throws Exception {
        TestEnvironment.require(LocalPrivileges.isRoot() && TestEnvironment.installed("dpkg") && TestEnvironment.installed("apt-get"),
                "DebPackageIT needs root, dpkg and apt-get (Debian)");
        assertThat(installed()).as("wgtrack is already installed on this machine; purge it first"
                + " (dpkg --purge wgtrack), the test will not touch an installation it did not make").isFalse();
    }

    @AfterAll
    static void purgeWhatWeInstalled() throws Exception {
        if (installedByUs && installed()) {
            Commands.run(NONINTERACTIVE, "dpkg", "--purge", "wgtrack");
        }
    }

    private static boolean installed() throws IOException, InterruptedException {
        ProcessResult status = Commands.run("dpkg-query", "-W", "-f=${db:Status-Status}", "wgtrack");
        return status.exitCode() == 0 && status.stdout().trim().equals("installed");
    }

    private static Path builtDeb() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("wgtrack_.+_all\\.deb")).toList();
            assertThat(debs).as("exactly one target/wgtrack_*_all.deb (run mvn package)").hasSize(1);
            return debs.get(0).toAbsolutePath();
        }
    }

    private static void assertRuns(ProcessResult result, String... command) {
        assertThat(result.exitCode()).as(Commands.describe(result, command)).isZero();
    }

    private static boolean daemonRunning() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).anyMatch(p -> {
                try {
                    return Files.readString(p.resolve("cmdline")).contains("/usr/share/wgtrack/wgtrack.jar");
                } catch (IOException | RuntimeException e) {
                    return false; // the process ended while we looked
                }
            });
        }
    }

    private static void assertManPage(String[] command, String... expected) throws IOException, InterruptedException {
        ProcessResult page = Commands.run(Map.of("MANWIDTH", "160", "LC_ALL", "C.UTF-8"), command);
        assertRuns(page, command);
        assertThat(page.stdout()).as(String.join(" ", command)).contains(expected);
        assertThat(page.stderr()).as(String.join(" ", command) + " warnings").isEmpty();
    }

    /**
     * What bash-completion offers for {@code line<TAB>}: its loader finds
     * /usr/share/bash-completion/completions/wgtrack by the command's name, as an interactive
     * shell does. A fixed script; the line arrives as its arguments.
     */
    private static List<String> completions(String line) throws IOException, InterruptedException {
        String script = """
                source /usr/share/bash-completion/bash_completion
                __load_completion wgtrack || { echo "no completion for wgtrack" >&2; exit 3; }
                spec=$(complete -p wgtrack)
                function=${spec##*-F }
                function=${function%% *}
                COMP_LINE="$1"
                COMP_POINT=${#COMP_LINE}
                read -r -a COMP_WORDS <<< "$COMP_LINE"
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                "$function" wgtrack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        String[] command = {"bash", "-c", script, "completion-test", line};
        ProcessResult result = Commands.run(command);
        assertRuns(result, command);
        return result.stdout().lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void installsRunsAndPurgesWithoutATrace() throws Exception {
        String deb = builtDeb().toString();

        String[] install = {"apt-get", "install", "-y", "--no-install-recommends", "-o", LOCK_WAIT, deb};
        ProcessResult installed = Commands.run(NONINTERACTIVE, install);
        installedByUs = true;
        assertRuns(installed, install);
        assertThat(installed()).as("dpkg status of wgtrack after install").isTrue();

        for (Path file : PACKAGE_FILES) {
            assertThat(file).as("installed by the package").exists();
        }
        assertThat(Files.isExecutable(Path.of("/usr/bin/wgtrack"))).isTrue();
        assertThat(Files.readString(Path.of("/lib/systemd/system/wgtrack.service")))
                .isEqualTo(Files.readString(Path.of("packaging/wgtrack.service")));
        assertThat(Files.readString(Path.of("/etc/wgtrack.conf")))
                .isEqualTo(Files.readString(Path.of("packaging/wgtrack.conf")));
        ProcessResult conffiles = Commands.run("dpkg-query", "-W", "-f=${Conffiles}", "wgtrack");
        assertThat(conffiles.stdout()).as("conffiles of wgtrack").contains(" /etc/wgtrack.conf ");
        assertThat(WANTS_LINK).as("postinst enabled the unit (deb-systemd-helper)").isSymbolicLink();

        ProcessResult version = Commands.run("/usr/bin/wgtrack", "--version");
        assertRuns(version, "/usr/bin/wgtrack", "--version");
        assertThat(version.stdout()).as("wgtrack --version output")
                .matches("wgtrack \\S+ \\(commit ([0-9a-f]{12}( with uncommitted changes)?|unknown)\\)\\n");
        assertThat(CDS_ARCHIVE).as("made by postinst").isRegularFile();
        // -Xshare:on fails the start instead of ignoring an archive that does not fit the installed jar and JVM.
        ProcessResult shared = Commands.run(Map.of("WGTRACK_JAVA_OPTS", "-Xshare:on"), "/usr/bin/wgtrack", "--version");
        assertRuns(shared, "WGTRACK_JAVA_OPTS=-Xshare:on", "/usr/bin/wgtrack", "--version");
        // A new or upgraded JVM triggers postinst, which makes the archive again.
        ProcessResult triggers = Commands.run("dpkg-query", "--control-show", "wgtrack", "triggers");
        assertThat(triggers.stdout()).as("the package's triggers").contains("interest-noawait /usr/lib/jvm");
        Files.delete(CDS_ARCHIVE);
        String[] triggered = {"/var/lib/dpkg/info/wgtrack.postinst", "triggered", "/usr/lib/jvm"};
        assertRuns(Commands.run(NONINTERACTIVE, triggered), triggered);
        assertThat(CDS_ARCHIVE).as("made again by the trigger").isRegularFile();

        assertManPage(new String[] {"man", "-P", "cat", "wgtrack"}, "WGTRACK(8)", "wgtrack status", "SIGHUP", "EXIT STATUS");
        assertManPage(new String[] {"man", "-P", "cat", "5", "wgtrack.conf"}, "WGTRACK.CONF(5)", "cycle_time (default: 30)",
                "handshake_timeout (default: 180)");
        assertThat(completions("wgtrack st")).as("bash completion of 'wgtrack st<TAB>'").containsExactly("status");
        assertThat(completions("wgtrack status --j")).as("bash completion of 'wgtrack status --j<TAB>'").containsExactly("--json");

        assertThat(daemonRunning()).as("a wgtrack daemon left running by the maintainer scripts").isFalse();

        String[] purge = {"dpkg", "--purge", "wgtrack"};
        assertRuns(Commands.run(NONINTERACTIVE, purge), purge);
        assertThat(installed()).as("dpkg status of wgtrack after purge").isFalse();
        for (Path file : PACKAGE_FILES) {
            assertThat(file).as("left behind by purge").doesNotExist();
        }
        assertThat(Path.of("/usr/share/wgtrack")).as("left behind by purge").doesNotExist();
        assertThat(CDS_ARCHIVE.getParent()).as("left behind by purge").doesNotExist();
        assertThat(Path.of("/usr/share/doc/wgtrack")).as("left behind by purge").doesNotExist();
        assertThat(Files.exists(WANTS_LINK, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as(WANTS_LINK + " after purge").isFalse();
        assertThat(Path.of("/var/lib/systemd/deb-systemd-helper-enabled/wgtrack.service.dsh-also"))
                .as("deb-systemd-helper state after purge").doesNotExist();
        assertThat(Path.of("/var/lib/systemd/deb-systemd-helper-masked/wgtrack.service"))
                .as("deb-systemd-helper mask after purge").doesNotExist();
        assertThat(daemonRunning()).isFalse();
    }
}
