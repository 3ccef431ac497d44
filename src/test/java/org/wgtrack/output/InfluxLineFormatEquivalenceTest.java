package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast InfluxLineFormat writes exactly what the first, straightforward one wrote. */
class InfluxLineFormatEquivalenceTest {

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameTextAsTheReference(long seed) {
        Snapshot snapshot = RandomSnapshots.snapshot(seed);
        for (CounterType type : CounterType.values()) {
            InfluxLineFormat format = new InfluxLineFormat(type);
            String expected = new ReferenceInfluxLineFormat(type).format(snapshot);
            assertThat(format.format(snapshot)).isEqualTo(expected);
            assertThat(format.format(snapshot)).as("second cycle, with the builder of the first").isEqualTo(expected);
        }
    }
}
