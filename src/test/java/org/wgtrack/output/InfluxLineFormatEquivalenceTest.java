package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast paths of {@link InfluxLineFormat} (values appended whole, escaped tags kept, bytes
 * written without a Writer) against {@link LegacyInfluxLineFormat}, the code before them: the
 * same text and the same UTF-8 for seeded random snapshots full of what escaping has to handle.
 */
class InfluxLineFormatEquivalenceTest {

    @ParameterizedTest
    @EnumSource(InfluxSchema.class)
    void randomSnapshotsGiveTheOldTextAndItsUtf8(InfluxSchema schema) throws Exception {
        for (CounterType type : CounterType.values()) {
            // one instance for all seeds, as one output keeps its format from cycle to cycle
            InfluxLineFormat format = new InfluxLineFormat(type, schema);
            LegacyInfluxLineFormat legacy = new LegacyInfluxLineFormat(type, schema);
            for (long seed = 0; seed < 3000; seed++) {
                Snapshot snapshot = RandomSnapshots.snapshot(seed);
                assertSame(format, legacy, snapshot.withInterfaces(interfaces(snapshot)), seed);
            }
        }
    }

    /** Thousands of peers: many chunks, ASCII-only ones next to ones with other characters. */
    @ParameterizedTest
    @EnumSource(InfluxSchema.class)
    void largeSnapshotsAcrossChunksGiveTheOldBytes(InfluxSchema schema) throws Exception {
        InfluxLineFormat format = new InfluxLineFormat(CounterType.INTEGER, schema);
        LegacyInfluxLineFormat legacy = new LegacyInfluxLineFormat(CounterType.INTEGER, schema);
        for (long round = 0; round < 3; round++) {
            List<PeerSnapshot> peers = new ArrayList<>();
            for (long seed = round * 10_000; peers.size() < 4000; seed++) {
                List<PeerSnapshot> some = RandomSnapshots.snapshot(seed).peers();
                // long runs of plain peers between the odd ones, so that some chunks are all ASCII
                peers.addAll(seed % 50 == 0 ? some : some.stream().map(p -> plain(p, peers.size())).toList());
            }
            Snapshot snapshot = new Snapshot(RandomSnapshots.snapshot(round).takenAt(), Optional.empty(), peers,
                    Optional.empty(), Map.of());
            assertSame(format, legacy, snapshot.withInterfaces(interfaces(snapshot)), round);
        }
    }

    private static void assertSame(InfluxLineFormat format, LegacyInfluxLineFormat legacy, Snapshot snapshot, long seed)
            throws Exception {
        String expected = legacy.format(snapshot);
        assertThat(format.format(snapshot)).as("seed %d", seed).isEqualTo(expected);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.write(snapshot, bytes);
        assertThat(bytes.toByteArray()).as("seed %d", seed).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    private static PeerSnapshot plain(PeerSnapshot p, int n) {
        return new PeerSnapshot("wg" + n % 3, p.publicKey(), Optional.of("peer " + n), p.state(), p.handshakeStatus(),
                p.latestHandshakeEpochSeconds(), p.handshakeAgeSeconds(), p.rxBytes(), p.txBytes(), p.endpoint()
                .filter(e -> e.host().chars().allMatch(c -> c < 0x80)), p.configEndpoint(), p.allowedIps(),
                p.pingRoundTrip(), p.endpointUpdates(), p.lastEndpointChange());
    }

    /** One interface per interface name of the peers, for Telegraf's device lines. */
    private static List<InterfaceSnapshot> interfaces(Snapshot snapshot) {
        return snapshot.peers().stream().map(PeerSnapshot::interfaceName).distinct()
                .map(name -> new InterfaceSnapshot(name, Optional.empty(), OptionalInt.of(51820), OptionalLong.empty())).toList();
    }
}
