package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.testing.TestEnvironment;

/**
 * The .deb that `mvn package` built passes Debian 12's lintian with no error and no warning
 * (informational and pedantic tags are allowed). Skipped without lintian, except in CI
 * (CI=true), where it fails; scripts/install-test-deps.sh installs lintian.
 */
class LintianIT {

    private static Path builtDeb() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("wgtrack_.+_all\\.deb")).toList();
            assertThat(debs).as("exactly one target/wgtrack_*_all.deb (run mvn package)").hasSize(1);
            return debs.get(0);
        }
    }

    @Test
    void debHasNoLintianErrorOrWarning() throws Exception {
        TestEnvironment.require(TestEnvironment.installed("lintian"), "lintian is not installed (apt-get install lintian)");
        String deb = builtDeb().toString();
        String[] command = {"lintian", "--fail-on", "error,warning", "--display-level", ">=warning", deb};

        ProcessResult result = Commands.run(command);

        List<String> tags = result.stdout().lines().filter(l -> l.matches("^[EW]: .*")).toList();
        assertThat(tags).as(Commands.describe(result, command)).isEmpty();
        assertThat(result.exitCode()).as(Commands.describe(result, command)).isZero();
    }
}
