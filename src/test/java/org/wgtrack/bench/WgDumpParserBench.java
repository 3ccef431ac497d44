package org.wgtrack.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * IPv6 and {@code (none)} endpoints, mostly 1–3 allowed ips, a quarter with preshared keys),
 * read afresh, and read as the daemon reads it every cycle: against the last cycle's reading,
 * with every peer's handshake and transfer counters moved on since. Forks run with the
 * launchers' JVM flags (C1 only, serial GC), as the daemon does.
 *
 * <pre>mvn -B -o -Pbench test-compile exec:exec -Dbench.args='WgDumpParserBench -f 1 -wi 3 -i 5 -prof gc'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m", "-Xms4m", "-Xss512k", "-XX:TieredStopAtLevel=1",
        "-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
        "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=1000", "-XX:Tier3BackEdgeThreshold=6000",
        "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"})
public class WgDumpParserBench {

    private String dump;
    private String nextDump;
    private WgDumpParser.Reading lastReading;

    @Setup
    public void generate() {
        dump = WgDumps.generate(new Random(42), 1, 10_000).text();
        nextDump = withCountersMovedOn(dump, new Random(43));
        lastReading = WgDumpParser.read(dump, warning -> {
            throw new IllegalStateException(warning);
        }, WgDumpParser.Reading.NONE);
    }

    /** The same dump a cycle later: every peer's latest handshake, rx and tx bytes higher. */
    static String withCountersMovedOn(String dump, Random random) {
        StringBuilder next = new StringBuilder(dump.length() + 4096);
        for (String line : dump.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length == 9) {
                fields[5] = Long.toString(Long.parseLong(fields[5]) + 1 + random.nextInt(120));
                fields[6] = Long.toString(Long.parseLong(fields[6]) + random.nextInt(1 << 20));
                fields[7] = Long.toString(Long.parseLong(fields[7]) + random.nextInt(1 << 20));
            }
            next.append(String.join("\t", fields)).append('\n');
        }
        return next.toString();
    }

    @Benchmark
    public WgDumpParser.Reading read10000PeersAgainstTheLastCycle() {
        return WgDumpParser.read(nextDump, warning -> {
            throw new IllegalStateException(warning);
        }, lastReading);
    }

    @Benchmark
    public LiveState parse10000Peers() {
        return WgDumpParser.parse(dump, warning -> {
            throw new IllegalStateException(warning);
        });
    }
}
