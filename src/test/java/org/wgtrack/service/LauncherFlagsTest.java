package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Fork;
import org.wgtrack.bench.CycleBench;
import org.wgtrack.bench.WgDumpParserBench;
import org.wgtrack.output.bench.OutputBench;

/** The checkout's bin/wgtrack and the .deb's /usr/bin/wgtrack must run the JVM the same way. */
class LauncherFlagsTest {

    private static final List<String> DNS_CACHE_OFF = List.of("-Dsun.net.inetaddr.ttl=0");

    /**
     * Launcher flags a benchmark fork leaves out: they only stop the JVM's periodic safepoint and
     * monitor-deflation wake-ups between cycles, which a benchmark running flat out never has.
     */
    private static final List<String> IDLE_ONLY = List.of(
            "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0", "-XX:AsyncDeflationInterval=0");

    static List<String> jvmFlags(Path launcher) throws IOException {
        String script = Files.readString(launcher).replace("\\\n", " ");
        String exec = script.lines().filter(l -> l.startsWith("exec java ")).findFirst().orElseThrow();
        return Arrays.stream(exec.substring("exec java ".length()).trim().split("\\s+"))
                .takeWhile(word -> !word.equals("-jar"))
                .filter(word -> !word.startsWith("-Djava.security.properties=") && !word.startsWith("-Dwgtrack.launcher="))
                .toList();
    }

    @Test
    void bothLaunchersUseTheSameJvmFlags() throws IOException {
        assertThat(jvmFlags(Path.of("packaging/wgtrack.launcher"))).isEqualTo(jvmFlags(Path.of("bin/wgtrack")));
    }

    @ParameterizedTest
    @ValueSource(classes = {CycleBench.class, WgDumpParserBench.class, OutputBench.class})
    void benchmarksForkTheJvmWithTheLaunchersHeapAndCompilerFlags(Class<?> benchmark) throws IOException {
        List<String> launcherFlags = jvmFlags(Path.of("bin/wgtrack")).stream()
                .filter(word -> word.startsWith("-X"))
                .filter(word -> !IDLE_ONLY.contains(word))
                .toList();
        assertThat(benchmark.getAnnotation(Fork.class).jvmArgsAppend())
                .as(benchmark.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(launcherFlags);
    }

    @Test
    void bothLaunchersTurnTheJvmDnsCacheOff() throws IOException {
        for (String launcher : List.of("bin/wgtrack", "packaging/wgtrack.launcher")) {
            String script = Files.readString(Path.of(launcher));
            assertThat(jvmFlags(Path.of(launcher))).as(launcher).containsAll(DNS_CACHE_OFF);
            assertThat(script).as(launcher).contains("-Djava.security.properties=");
        }
        assertThat(Files.readAllLines(Path.of("packaging/wgtrack.java.security")))
                .contains("networkaddress.cache.ttl=0", "networkaddress.cache.negative.ttl=0");
    }

    @Test
    void bothLaunchersTellInstallWhereTheyAre() throws IOException {
        assertThat(Files.readString(Path.of("packaging/wgtrack.launcher"))).contains("-Dwgtrack.launcher=/usr/bin/wgtrack ");
        assertThat(Files.readString(Path.of("bin/wgtrack"))).contains("-Dwgtrack.launcher=\"$self\"");
    }
}
