package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as an operator meets it: exit codes and what lands on stdout and stderr. */
class MainTest {

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

    @Test
    void configFileAtTheDefaultPathThatWasReadOnceMustStillExistOnReload() throws Exception {
        Path file = Files.writeString(dir.resolve("wgtrack.conf"), "[general]\ncycle_time = 5\n");
        Main main = new Main();
        main.loadConfig(file, false);
        Files.delete(file);
        assertThatThrownBy(() -> main.loadConfig(file, false))
                .isInstanceOf(org.wgtrack.config.ConfigException.class).hasMessage(file + ": no such file");
    }

    @Test
    void noConfigFileAtTheDefaultPathMeansDefaultsOnEveryReload() throws Exception {
        Path file = dir.resolve("wgtrack.conf");
        Main main = new Main();
        assertThat(main.loadConfig(file, false).outputs()).isEmpty();
        assertThat(main.loadConfig(file, false).outputs()).isEmpty();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: wgtrack [-hV] [-c=FILE] [-l=LEVEL] [COMMAND]")
                .contains("-c, --conf, --config=FILE").contains("status").contains("install");
    }

    @Test
    void versionNamesTheVersionAndTheCommit() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).matches("wgtrack \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{12}( with uncommitted changes)?|unknown)\\)\\n");
    }

    @Test
    void unknownOptionIsAUsageErrorOnStderr() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--bogus'\nUsage: wgtrack");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badLogLevelNamesTheAllowedOnes() {
        assertThat(run("-l", "loud")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--loglevel': expected debug, info, warning or error, got 'loud'");
    }

    @Test
    void missingConfigGivenExplicitlyIsAnError() {
        Path missing = dir.resolve("nope.conf");
        assertThat(run("-c", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("wgtrack: " + missing + ": no such file\n");
    }

    @Test
    void invalidValueNamesFileLineKeyAndValue() throws Exception {
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, "[general]\n# fast cycles\ncycle_time = fast\n");
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("wgtrack: " + config
                + ":3: [general] cycle_time: invalid value 'fast' (expected a number of seconds from 0.001 to 86400)\n");
    }

    @Test
    void statusWithABrokenConfigExitsTwo() throws Exception {
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, "[output:prometheus]\nport = http\n");
        assertThat(run("-c", config.toString(), "status", "--once")).isEqualTo(2);
        assertThat(err.toString()).startsWith("wgtrack status: " + config + ":2: [output:prometheus] port: ");
    }

    @Test
    void configOptionIsAcceptedAfterTheStatusSubcommandToo() throws Exception {
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, "[output:prometheus]\nport = http\n");
        assertThat(run("status", "--once", "-c", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("wgtrack status: " + config + ":2: [output:prometheus] port: ");
    }

    @Test
    void configOptionAfterTheSubcommandWinsOverTheOneBefore() throws Exception {
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, "[output:prometheus]\nport = http\n");
        assertThat(run("-c", dir.resolve("other.conf").toString(), "status", "--config", config.toString(), "--once"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("wgtrack status: " + config + ":2: ");
    }

    @Test
    void logLevelOptionIsAcceptedAfterTheStatusSubcommand() {
        assertThat(run("status", "-l", "loud")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--loglevel': expected debug, info, warning or error, got 'loud'");
    }

    @Test
    void statusTakesAtMostAnInterfaceAndAPeer() {
        assertThat(run("status", "wg0", "peer1", "extra")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unmatched argument at index 3: 'extra'");
    }

    @Test
    void statusHelpDocumentsTheExitStatus() {
        assertThat(run("status", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: wgtrack status [-h] [--json] [--once] [-c=FILE] [--cacert=FILE]")
                .contains("[--cert=FILE] [--credentials=FILE] [--key=FILE]").contains("[-l=LEVEL] [--url=URL]")
                .contains("[INTERFACE]").contains("[PEER]").contains("Exit status\n  0   every peer shown is up\n");
    }
}
