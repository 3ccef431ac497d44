package org.wgtrack.track;

/** What one cycle's observation says about a link, before the state machine acts on it (SPEC §3). */
public enum Verdict {
    UP("up"),
    DOWN("down"),
    UNDECIDED("undecided");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
