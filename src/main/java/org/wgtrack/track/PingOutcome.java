package org.wgtrack.track;

/** What came of this cycle's ping of a peer. */
public enum PingOutcome {
    /** No ping this cycle: none was due, or the peer has no ping target. */
    NOT_SENT,
    SUCCESS,
    FAILURE;

    public static PingOutcome of(boolean answered) {
        return answered ? SUCCESS : FAILURE;
    }
}
