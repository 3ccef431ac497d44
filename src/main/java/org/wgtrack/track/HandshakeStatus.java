package org.wgtrack.track;

import java.time.Duration;

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
     * Judges a handshake from wg's epoch seconds against the wall clock.
     *
     * @param latestHandshakeEpochSeconds 0 = never
     */
    public static HandshakeStatus judge(long latestHandshakeEpochSeconds, long nowEpochSeconds, Duration handshakeTimeout) {
        if (latestHandshakeEpochSeconds == 0) {
            return NONE;
        }
        long age = Math.max(0, nowEpochSeconds - latestHandshakeEpochSeconds);
        if (age <= OK_SECONDS) {
            return OK;
        }
        if (age <= PENDING_SECONDS) {
            return PENDING;
        }
        if (age <= handshakeTimeout.toSeconds()) {
            return RETRYING;
        }
        return FAILED;
    }

    @Override
    public String toString() {
        return label;
    }
}
