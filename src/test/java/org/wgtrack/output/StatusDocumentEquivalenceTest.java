package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming StatusDocument writes exactly the bytes the jackson-jr map-based one wrote. */
class StatusDocumentEquivalenceTest {

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameBytesAsTheReference(long seed) throws Exception {
        Snapshot snapshot = RandomSnapshots.snapshot(seed);
        byte[] expected = ReferenceStatusDocument.format(snapshot).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        StatusDocument.write(snapshot, actual);
        assertThat(new String(actual.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual.toByteArray()).isEqualTo(expected);
        assertThat(StatusDocument.format(snapshot)).isEqualTo(ReferenceStatusDocument.format(snapshot));
    }
}
