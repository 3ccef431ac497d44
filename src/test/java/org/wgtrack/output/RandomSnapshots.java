package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * Seeded random snapshots, for tests that need many different ones (scrapes while cycles replace
 * the snapshot): names and errors mix plain text with what escaping has to deal with (separators,
 * quotes, backslashes, control characters, non-ASCII and characters outside the BMP).
 */
final class RandomSnapshots {

    private static final String[] PIECES = {
        "laptop", "a", "Köln", "☃", "\uD83D\uDE80", " ", ",", "=", "\"", "\\", "\\\\", "\n", "\t", "\u007f", "\u0000",
        "é", "/", "<>&", "'", "{}", "[x]", "漢字", "\u2028",
    };
    private static final String[] ALLOWED = {"10.0.0.1/32", "10.10.0.0/16", "fd00::2/128", "0.0.0.0/0", "::/0", "2001:db8::/32"};

    private RandomSnapshots() {
    }

    static Snapshot snapshot(long seed) {
        Random r = new Random(seed);
        if (r.nextInt(10) == 0) {
            return new Snapshot(instant(r), Optional.of(text(r)), List.of(), duration(r, 1_000_000_000L), map(r));
        }
        List<PeerSnapshot> peers = new ArrayList<>();
        int count = r.nextInt(6);
        for (int i = 0; i < count; i++) {
            peers.add(peer(r));
        }
        return new Snapshot(instant(r), Optional.empty(), peers, duration(r, 10_000_000_000L), map(r));
    }

    private static PeerSnapshot peer(Random r) {
        PublicKey key = TestKeys.randomPublic(r);
        List<AllowedIp> allowed = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            allowed.add(AllowedIp.parse(ALLOWED[r.nextInt(ALLOWED.length)]));
        }
        PeerState[] states = PeerState.values();
        HandshakeStatus[] statuses = HandshakeStatus.values();
        return new PeerSnapshot(r.nextBoolean() ? "wg" + r.nextInt(3) : text(r), key,
                r.nextBoolean() ? Optional.of(text(r)) : Optional.empty(), states[r.nextInt(states.length)],
                statuses[r.nextInt(statuses.length)], r.nextInt(3) == 0 ? 0 : 1_700_000_000L + r.nextInt(100_000_000),
                r.nextBoolean() ? OptionalLong.of(r.nextInt(1_000_000)) : OptionalLong.empty(),
                r.nextBoolean() ? r.nextLong() & Long.MAX_VALUE : r.nextInt(100_000), r.nextInt(1_000_000),
                endpoint(r), endpoint(r), allowed, duration(r, 5_000_000_000L), r.nextInt(20),
                r.nextBoolean() ? Optional.of(instant(r)) : Optional.empty());
    }

    private static Optional<Endpoint> endpoint(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new Endpoint("192.0.2." + r.nextInt(256), r.nextInt(65536)));
            case 2 -> Optional.of(new Endpoint("2001:db8::" + Integer.toHexString(r.nextInt(65536)), r.nextInt(65536)));
            default -> Optional.of(new Endpoint(text(r).isEmpty() ? "h" : "vpn" + text(r) + ".example.org", 51820));
        };
    }

    /** Mostly round values (what timers give), sometimes any number of nanoseconds up to max. */
    private static Optional<Duration> duration(Random r, long max) {
        return switch (r.nextInt(4)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(Duration.ofNanos(r.nextInt(1000) * 1000L));
            case 2 -> Optional.of(Duration.ofNanos(r.nextInt(100)));
            default -> Optional.of(Duration.ofNanos((long) (r.nextDouble() * max)));
        };
    }

    private static Instant instant(Random r) {
        return Instant.ofEpochSecond(1_700_000_000L + r.nextInt(200_000_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
    }

    private static Map<String, Long> map(Random r) {
        return r.nextBoolean() ? Map.of() : Map.of("changed", (long) r.nextInt(9), "unchanged", (long) r.nextInt(9), "failed", 0L);
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(5); i > 0; i--) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }
}
