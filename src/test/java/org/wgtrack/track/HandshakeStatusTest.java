package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeStatusTest {

    private static final long NOW = 1_700_000_000L;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    @ParameterizedTest(name = "age {0} s → {1}")
    @CsvSource({
        "0, ok", "1, ok", "120, ok",
        "121, pending", "135, pending",
        "136, retrying", "180, retrying",
        "181, failed", "100000, failed",
    })
    void judgesAgeAgainstDefaultBounds(long ageSeconds, String expected) {
        assertThat(HandshakeStatus.judge(NOW - ageSeconds, NOW, DEFAULT_TIMEOUT).label()).isEqualTo(expected);
    }

    @Test
    void zeroMeansNeverAndIsNone() {
        assertThat(HandshakeStatus.judge(0, NOW, DEFAULT_TIMEOUT)).isEqualTo(HandshakeStatus.NONE);
        assertThat(HandshakeStatus.ageSeconds(0, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "timeout {0} s, age {1} s → {2}")
    @CsvSource({
        "300, 180, retrying", "300, 300, retrying", "300, 301, failed",
        "136, 136, retrying", "136, 137, failed",
        // a timeout below the fixed bounds still means "older than this is failed"
        "135, 135, pending", "135, 136, failed",
        "60, 60, ok", "60, 61, failed",
    })
    void configuredTimeoutDecidesFailed(long timeoutSeconds, long ageSeconds, String expected) {
        assertThat(HandshakeStatus.judge(NOW - ageSeconds, NOW, Duration.ofSeconds(timeoutSeconds)).label())
                .isEqualTo(expected);
    }

    @Test
    void handshakeFromTheFutureCountsAsJustNow() {
        assertThat(HandshakeStatus.judge(NOW + 3600, NOW, DEFAULT_TIMEOUT)).isEqualTo(HandshakeStatus.OK);
        assertThat(HandshakeStatus.ageSeconds(NOW + 3600, NOW)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void ageIsNowMinusLatest() {
        assertThat(HandshakeStatus.ageSeconds(NOW - 182, NOW)).isEqualTo(OptionalLong.of(182));
    }

    @Test
    void aliveMeansOkPendingOrRetrying() {
        assertThat(HandshakeStatus.values()).filteredOn(HandshakeStatus::isAlive)
                .containsExactly(HandshakeStatus.OK, HandshakeStatus.PENDING, HandshakeStatus.RETRYING);
    }
}
