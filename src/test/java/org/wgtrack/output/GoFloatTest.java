package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Values as Go's {@code strconv.FormatFloat(float64(v), 'g', -1, 64)} prints them (what
 * client_golang writes); the expected texts are Go's, among them the Go exporter's README sample.
 */
class GoFloatTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "1, 1",
            "76728, 76728",
            "999999, 999999",
            "1000000, 1e+06",
            "1234567, 1.234567e+06",
            "1588274629, 1.588274629e+09",
            "5000000000, 5e+09",
            "123456789012, 1.23456789012e+11",
            "9007199254740992, 9.007199254740992e+15",
            // above 2^53 the long is rounded to a double first, as float64(int64) does
            "9007199254740993, 9.007199254740992e+15",
            "123456789012345678, 1.2345678901234568e+17",
            "9223372036854775807, 9.223372036854776e+18",
    })
    void writesWholeNumbersAsGosShortestGFormat(long value, String expected) {
        assertThat(GoFloat.of(value)).isEqualTo(expected);
    }

    @Test
    void refusesNegativeValues() {
        assertThatThrownBy(() -> GoFloat.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("negative value (expected >= 0, got -1)");
    }
}
