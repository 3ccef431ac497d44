package org.wgtrack.output.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wgtrack.output.CounterType;
import org.wgtrack.output.InfluxLineFormat;
import org.wgtrack.output.MetricsExposition;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.StatusDocument;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;

/**
 * What one cycle's outputs cost per snapshot: influx text, JSON document, one /metrics scrape.
 * Forks run with the launcher's JVM flags (C1 only, serial GC, small heap), like CycleBench:
 * without escape analysis allocation costs differ a lot from C2's figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m", "-Xms4m", "-Xss512k", "-XX:TieredStopAtLevel=1",
        "-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
        "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=1000", "-XX:Tier3BackEdgeThreshold=6000",
        "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"})
public class OutputBench {

    @Param({"1000", "10000"})
    int peers;

    private Snapshot snapshot;
    private final InfluxLineFormat influx = new InfluxLineFormat(CounterType.INTEGER);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    @Setup
    public void setUp() {
        List<PeerSnapshot> list = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            list.add(PeerSnapshotBuilder.peer("wg" + (i % 3), TestKeys.numbered(i)).withName("peer " + i)
                    .withState(PeerState.UP_OK).withHandshake(HandshakeStatus.OK, 1_795_608_000L, 30)
                    .withTransfer(1L << 30, 1L << 20).withEndpoint(new Endpoint("192.0.2." + (i % 250), 51820))
                    .withConfigEndpoint(new Endpoint("p" + i + ".example.org", 51820)).withAllowedIps("10.0.0.1/32")
                    .withPingRoundTrip(Duration.ofMillis(2)).withEndpointUpdates(1).build());
        }
        snapshot = new Snapshot(Instant.parse("2026-11-25T12:00:30Z"), Optional.empty(), list,
                Optional.of(Duration.ofMillis(5)), Map.of("changed", 1L));
    }

    @Benchmark
    public String influxLines() {
        return influx.format(snapshot);
    }

    @Benchmark
    public String statusJson() {
        return StatusDocument.format(snapshot);
    }

    /** What JsonOutput does: the document streamed into a buffer kept from cycle to cycle. */
    @Benchmark
    public int statusJsonBytes() throws IOException {
        buffer.reset();
        StatusDocument.write(snapshot, buffer);
        return buffer.size();
    }

    /** One /metrics scrape of a new snapshot (its sort included), counted instead of sent. */
    @Benchmark
    public long prometheusScrape() throws IOException {
        CountingWriter out = new CountingWriter();
        MetricsExposition.of(snapshot, org.wgtrack.output.BuildInfo.running()).write(out, false);
        return out.count;
    }

    /** What InfluxOutput.write streams into its file, into a buffered stream that drops the bytes. */
    @Benchmark
    public long influxFile() throws IOException {
        CountingStream sink = new CountingStream();
        try (OutputStream out = new BufferedOutputStream(sink, 16384)) {
            influx.write(snapshot, out);
        }
        return sink.count;
    }

    /** A whole /metrics scrape as PrometheusOutput serves it: the exposition as UTF-8 bytes. */
    @Benchmark
    public long prometheusScrapeBytes() throws IOException {
        CountingStream sink = new CountingStream();
        MetricsExposition exposition = MetricsExposition.of(snapshot, org.wgtrack.output.BuildInfo.running());
        exposition.write(sink, false);
        return sink.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] chars, int offset, int length) {
            count += length;
        }

        @Override
        public void write(String text, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
