package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void logsOncePerMinutePerOutputAndCountsTheQuietOnes() {
        RateLimitedLog log = new RateLimitedLog(Duration.ofMinutes(1));
        assertThat(log.permit("influx", T0)).isZero();
        assertThat(log.permit("influx", T0.plusSeconds(30))).isEqualTo(-1);
        assertThat(log.permit("json", T0.plusSeconds(30))).isZero();
        assertThat(log.permit("influx", T0.plusSeconds(59))).isEqualTo(-1);
        assertThat(log.permit("influx", T0.plusSeconds(60))).isEqualTo(2);
        log.reset("influx");
        assertThat(log.permit("influx", T0.plusSeconds(61))).isZero();
    }
}
