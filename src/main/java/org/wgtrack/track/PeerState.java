package org.wgtrack.track;

/**
 * The states of a tracked peer (SPEC §3). {@link #label()} is the exact string outputs
 * show; {@link #code()} is a stable number for outputs that want one, independent of
 * declaration order.
 */
public enum PeerState {
    UNDEFINED("undefined", 0),
    UP_OK("up:ok", 1),
    DOWN_WAITING("down:waiting", 2),
    DOWN_CHECKING("down:checking", 3),
    DOWN_BACKINGOFF("down:backingoff", 4),
    DOWN_SLOWCHECKING("down:slowchecking", 5),
    DOWN("down", 6),
    DISABLED("disabled", 7);

    private final String label;
    private final int code;

    PeerState(String label, int code) {
        this.label = label;
        this.code = code;
    }

    public String label() {
        return label;
    }

    public int code() {
        return code;
    }

    public boolean isUp() {
        return this == UP_OK;
    }

    @Override
    public String toString() {
        return label;
    }
}
