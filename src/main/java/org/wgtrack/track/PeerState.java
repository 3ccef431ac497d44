package org.wgtrack.track;

/**
 * The states of a tracked peer (SPEC §3). {@link #label()} is the exact string outputs
 * show; outputs never use the declaration order.
 */
public enum PeerState {
    UNDEFINED("undefined"),
    UP_OK("up:ok"),
    DOWN_WAITING("down:waiting"),
    DOWN_CHECKING("down:checking"),
    DOWN_BACKINGOFF("down:backingoff"),
    DOWN_SLOWCHECKING("down:slowchecking"),
    DOWN("down"),
    DISABLED("disabled");

    private final String label;

    PeerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state with this label; IllegalArgumentException for another text. */
    public static PeerState ofLabel(String label) {
        for (PeerState state : values()) {
            if (state.label.equals(label)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown state " + label);
    }

    public boolean isUp() {
        return this == UP_OK;
    }

    @Override
    public String toString() {
        return label;
    }
}
