package org.wgtrack.wg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No parse of an address, endpoint or allowed-ip ever asks a resolver: a lookup on the cycle
 * thread could hang it, and a hostname-shaped typo must not become DNS traffic. Checked in a
 * JVM of its own with a security manager that sees every lookup ({@link NoLookupProbe}).
 */
class NoLookupTest {

    @Test
    void parsingAddressesEndpointsAndAllowedIpsNeverLooksUpAName() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Djava.security.manager=allow",
                "-cp", System.getProperty("java.class.path"), NoLookupProbe.class.getName(), "20261202", "3000")
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(l -> l.contains("lookups: ") || !l.startsWith("WARNING")).toList();
        assertThat(lines).as(output).startsWith("control lookups: 1", "parser lookups: 0");
    }
}
