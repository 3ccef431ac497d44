package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusDocument} (labels and interface names encoded once) against
 * {@link LegacyStatusDocument}, the code before: the same bytes for seeded random snapshots,
 * whose interface names are sometimes odd text, and for peers grouped by interface.
 */
class StatusDocumentEquivalenceTest {

    @Test
    void randomSnapshotsGiveTheOldBytes() throws Exception {
        for (long seed = 0; seed < 3000; seed++) {
            assertSameBytes(RandomSnapshots.snapshot(seed), seed);
        }
    }

    @Test
    void peersGroupedByInterfaceGiveTheOldBytes() throws Exception {
        List<PeerSnapshot> peers = new ArrayList<>();
        for (long seed = 0; peers.size() < 2000; seed++) {
            for (PeerSnapshot p : RandomSnapshots.snapshot(seed).peers()) {
                String name = List.of("wg0", "wg1", "wg\u00e9", "w\"g").get(Math.min(3, peers.size() / 500));
                peers.add(new PeerSnapshot(name, p.publicKey(), p.name(), p.state(), p.handshakeStatus(),
                        p.latestHandshakeEpochSeconds(), p.handshakeAgeSeconds(), p.rxBytes(), p.txBytes(), p.endpoint(),
                        p.configEndpoint(), p.allowedIps(), p.pingRoundTrip(), p.endpointUpdates(), p.lastEndpointChange()));
            }
        }
        assertSameBytes(new Snapshot(RandomSnapshots.snapshot(1).takenAt(), Optional.empty(), peers, Optional.empty(), Map.of()), -1);
    }

    private static void assertSameBytes(Snapshot snapshot, long seed) throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        LegacyStatusDocument.write(snapshot, expected);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        StatusDocument.write(snapshot, actual);
        assertThat(actual.toByteArray()).as("seed %d", seed).isEqualTo(expected.toByteArray());
    }
}
