package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void firstIntervalIsTwiceTheCheckPeriodThenDoubles() {
        assertThat(Backoff.firstInterval(2)).isEqualTo(4);
        assertThat(Backoff.doubled(4)).isEqualTo(8);
        assertThat(Backoff.doubled(8)).isEqualTo(16);
    }

    @Test
    void doublingSaturatesInsteadOfOverflowing() {
        assertThat(Backoff.doubled(Integer.MAX_VALUE / 2)).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(Backoff.doubled(Integer.MAX_VALUE / 2 + 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Backoff.doubled(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void reachingIncludesEqual() {
        assertThat(Backoff.reachesSlowChecking(16, 20)).isFalse();
        assertThat(Backoff.reachesSlowChecking(20, 20)).isTrue();
        assertThat(Backoff.reachesSlowChecking(32, 20)).isTrue();
    }
}
