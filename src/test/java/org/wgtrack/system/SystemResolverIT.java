package org.wgtrack.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4: every re-resolution asks anew, never a cache in the JVM. A name moves between two
 * lookups (steered through {@code jdk.net.hosts.file}, no root needed); with wgtrack's setting
 * the second lookup sees the move, with the JVM's default it does not (which shows the test
 * can tell the two apart).
 */
class SystemResolverIT {

    @TempDir
    Path dir;

    private String probe(String mode) throws Exception {
        Path hosts = dir.resolve("hosts");
        String classpath = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", classpath, ResolverProbe.class.getName(),
                hosts.toString(), "peer.lab.test", "10.99.0.11", "10.99.0.111", mode))
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void everyLookupAsksAnew() throws Exception {
        assertThat(probe("nocache")).isEqualTo("10.99.0.11 10.99.0.111");
    }

    @Test
    void theJvmDefaultWouldHaveCachedTheOldAddress() throws Exception {
        assertThat(probe("default")).isEqualTo("10.99.0.11 10.99.0.11");
    }
}
