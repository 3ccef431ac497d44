package org.wgtrack.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wgtrack.testing.WgDumps;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.WgDumpParser;

/**
 * One cycle's parse on a big hub: a 10,000-peer {@code wg show all dump} (a third each IPv4,
 * IPv6 and {@code (none)} endpoints, mostly 1–3 allowed ips, a quarter with preshared keys).
 *
 * <pre>mvn -B -o -Pbench test-compile exec:exec -Dbench.args='WgDumpParserBench -f 1 -wi 3 -i 5 -prof gc'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WgDumpParserBench {

    private String dump;

    @Setup
    public void generate() {
        dump = WgDumps.generate(new Random(42), 1, 10_000).text();
    }

    @Benchmark
    public LiveState parse10000Peers() {
        return WgDumpParser.parse(dump, warning -> {
            throw new IllegalStateException(warning);
        });
    }
}
