package org.wgtrack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlainDecimalTest {

    @ParameterizedTest
    @CsvSource({
        "1250000, 6, 1.25",
        "2000000, 6, 2",
        "10000000, 6, 10",
        "0, 6, 0",
        "1, 6, 0.000001",
        "100, 6, 0.0001",
        "1000001, 6, 1.000001",
        "12000000, 9, 0.012",
        "1, 9, 0.000000001",
        "-1500000, 6, -1.5",
    })
    void printsPlainDecimalsWithoutTrailingZeros(long unscaled, int scale, String expected) {
        assertThat(PlainDecimal.toString(unscaled, scale)).isEqualTo(expected);
    }

    /** Durations in nanoseconds: small, round, random up to hours, and the extremes. */
    static Stream<Long> nanos() {
        Random random = new Random(20261125);
        LongStream special = LongStream.of(0, 1, 9, 10, 999_999, 1_000_000, 1_000_001, 999_999_999, 1_000_000_000,
                Long.MAX_VALUE, Long.MIN_VALUE, -1);
        LongStream small = random.longs(300, 0, 10_000_000);
        LongStream round = random.longs(200, 0, 100_000).map(n -> n * 1000);
        LongStream large = random.longs(300, 0, 10_000_000_000_000L);
        LongStream any = random.longs(200);
        return LongStream.concat(LongStream.concat(special, small), LongStream.concat(round, LongStream.concat(large, any))).boxed();
    }

    @ParameterizedTest
    @MethodSource("nanos")
    void matchesBigDecimalForMillisecondsAndSeconds(long nanos) {
        for (int scale = 0; scale <= 12; scale++) {
            assertThat(PlainDecimal.toString(nanos, scale)).as("scale %d", scale).isEqualTo(PlainDecimal.viaBigDecimal(nanos, scale));
        }
    }
}
