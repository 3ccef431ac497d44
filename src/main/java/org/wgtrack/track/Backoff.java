package org.wgtrack.track;

/**
 * The back-off arithmetic of the re-resolution schedule (SPEC §3), as pure functions on
 * cycle counts. After the checking phase the interval between re-resolutions starts at
 * twice {@code cycles_checkperiod} and doubles after each re-resolution; once it would reach
 * {@code cycles_slowcheckingperiod} the peer re-resolves at that period instead.
 * Doubling saturates at {@link Integer#MAX_VALUE} so that no parameter value can overflow.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The first back-off interval after a checking phase with the given period. */
    public static int firstInterval(int checkPeriodCycles) {
        return doubled(checkPeriodCycles);
    }

    /** The interval after {@code intervalCycles}. */
    public static int doubled(int intervalCycles) {
        return intervalCycles > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : intervalCycles * 2;
    }

    /** True when an interval is so long that slow checking takes over ("reach" includes equal). */
    public static boolean reachesSlowChecking(int intervalCycles, int slowCheckingPeriodCycles) {
        return intervalCycles >= slowCheckingPeriodCycles;
    }
}
