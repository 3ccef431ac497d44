package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.PublicKey;

/** `wgtrack status [INTERFACE [PEER]]` narrows the table like `wg show wg0`. */
class PeerFilterTest {

    private static PublicKey key(int b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) b);
        return new PublicKey(Base64.getEncoder().encodeToString(bytes));
    }

    private static PeerSnapshot peer(String ifname, int key, String name) {
        return new PeerSnapshot(ifname, key(key), Optional.ofNullable(name), PeerState.UP_OK, HandshakeStatus.OK,
                1L, OptionalLong.of(1), 0, 0, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 0,
                Optional.empty());
    }

    private static final Snapshot SNAPSHOT = new Snapshot(Instant.EPOCH, Optional.empty(), List.of(
            peer("wg0", 1, "laptop"), peer("wg0", 2, null), peer("wg1", 3, "laptop")), Optional.empty(), Map.of());

    /** key(1) is AQEB…, key(2) AgIC…, key(3) AwMD… */
    @ParameterizedTest(name = "status {0} {1} shows {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-   | -                                            | wg0:laptop wg0:AgICAgIC… wg1:laptop",
        "wg0 | -                                            | wg0:laptop wg0:AgICAgIC…",
        "wg1 | -                                            | wg1:laptop",
        "wg0 | laptop                                       | wg0:laptop",
        "wg0 | AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI= | wg0:AgICAgIC…",
        "wg0 | AgICAgIC…                                    | wg0:AgICAgIC…",
        "wg0 | AgIC                                         | wg0:AgICAgIC…",
        "wg0 | AwMD                                         | ''",
        "wg9 | -                                            | ''",
        "wg0 | Laptop                                       | ''",
    })
    void narrowsToTheInterfaceAndPeer(String ifname, String peer, String shown) {
        Snapshot narrowed = PeerFilter.of(ifname, peer).apply(SNAPSHOT);

        assertThat(String.join(" ", narrowed.peers().stream()
                .map(p -> p.interfaceName() + ":" + p.name().orElse(p.publicKey().shortForm())).toList()))
                .isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"wg0,", "wg0,laptop"})
    void aFailedLiveStateReadStaysAsItIs(String ifname, String peer) {
        Snapshot failed = new Snapshot(Instant.EPOCH, Optional.of("wg: not found"), List.of(), Optional.empty(), Map.of());

        assertThat(PeerFilter.of(ifname, peer).apply(failed)).isEqualTo(failed);
    }
}
