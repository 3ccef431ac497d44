package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CycleOverrunsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Duration CYCLE = Duration.ofSeconds(1);

    private final CycleOverruns overruns = new CycleOverruns();

    @Test
    void theFirstOverrunIsLoggedAtOnceAndTheNextOnesOnlyCounted() {
        assertThat(overruns.overran(0, 3 * SECOND, CYCLE)).hasValueSatisfying(l -> assertThat(l)
                .startsWith("cycle took 3 s, longer than cycle_time 1 s; starting the next one now"));
        for (long t = 3; t < 300; t += 3) {
            assertThat(overruns.overran(t * SECOND, 3 * SECOND, CYCLE)).isEmpty();
        }
        assertThat(overruns.overran(300 * SECOND, 4 * SECOND, CYCLE))
                .hasValue("100 more cycles took longer than cycle_time 1 s in the last 5 min, the longest 4 s");
        assertThat(overruns.overran(303 * SECOND, 3 * SECOND, CYCLE)).isEmpty();
    }

    @Test
    void aSummaryDueWhileCyclesAreOnTimeComesWithTheNextOnTimeCycle() {
        overruns.overran(0, 2 * SECOND, CYCLE);
        overruns.overran(2 * SECOND, 2 * SECOND, CYCLE);
        assertThat(overruns.onTime(100 * SECOND, CYCLE)).isEmpty();
        assertThat(overruns.onTime(301 * SECOND, CYCLE))
                .hasValue("1 more cycle took longer than cycle_time 1 s in the last 5 min, the longest 2 s");
    }

    @Test
    void anIntervalWithoutOverrunsEndsItSoTheNextOverrunIsLoggedAtOnce() {
        overruns.overran(0, 2 * SECOND, CYCLE);
        assertThat(overruns.onTime(299 * SECOND, CYCLE)).isEmpty();
        assertThat(overruns.onTime(300 * SECOND, CYCLE)).isEmpty();
        assertThat(overruns.overran(301 * SECOND, 2 * SECOND, CYCLE)).hasValueSatisfying(l -> assertThat(l).startsWith("cycle took 2 s"));
    }

    @Test
    void whatWasCountedIsReportedAtTheEnd() {
        assertThat(overruns.remaining(0, CYCLE)).isEmpty();
        overruns.overran(0, 2 * SECOND, CYCLE);
        overruns.overran(2 * SECOND, 1500 * 1_000_000L, CYCLE);
        assertThat(overruns.remaining(30 * SECOND, CYCLE))
                .hasValue("1 more cycle took longer than cycle_time 1 s in the last 1 min, the longest 1.5 s");
    }
}
