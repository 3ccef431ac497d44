package org.wgtrack.track;

import java.time.Duration;
import java.util.OptionalLong;

/** How fresh a peer's latest handshake is (SPEC §2). */
public enum HandshakeStatus {
    NONE("none"),
    OK("ok"),
    PENDING("pending"),
    RETRYING("retrying"),
    FAILED("failed");

    /** WireGuard re-keys every 120 s; a handshake younger than that is current. */
    static final long OK_SECONDS = 120;
    /** REKEY_AFTER_TIME + REKEY_TIMEOUT (5 s) × 3 tries: a re-key should have happened by now. */
    static final long PENDING_SECONDS = 135;

    private final String label;

    HandshakeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A handshake is alive when it is ok, pending or retrying. */
    public boolean isAlive() {
        return this == OK || this == PENDING || this == RETRYING;
    }

    /**
     * Judges a handshake from wg's epoch seconds against the wall clock. A handshake "from the
     * future" (clock skew) counts as age 0. {@code handshakeTimeout} wins over the fixed bounds:
     * an operator who sets it below 120 s means "older than this is failed".
     *
     * @param latestHandshakeEpochSeconds 0 = never
     */
    public static HandshakeStatus judge(long latestHandshakeEpochSeconds, long nowEpochSeconds, Duration handshakeTimeout) {
        OptionalLong age = ageSeconds(latestHandshakeEpochSeconds, nowEpochSeconds);
        if (age.isEmpty()) {
            return NONE;
        }
        long seconds = age.getAsLong();
        if (seconds > handshakeTimeout.toSeconds()) {
            return FAILED;
        }
        if (seconds <= OK_SECONDS) {
            return OK;
        }
        if (seconds <= PENDING_SECONDS) {
            return PENDING;
        }
        return RETRYING;
    }

    /** Age of the latest handshake in seconds, empty when there never was one, never negative. */
    public static OptionalLong ageSeconds(long latestHandshakeEpochSeconds, long nowEpochSeconds) {
        if (latestHandshakeEpochSeconds == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, nowEpochSeconds - latestHandshakeEpochSeconds));
    }

    @Override
    public String toString() {
        return label;
    }
}
