package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8BufferTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1_000_000_000L, 4_294_967_296L,
        999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -10, Long.MIN_VALUE})
    void decimalsAreWhatLongToStringWrites(long value) {
        assertThat(new Utf8Buffer(4).decimal(value).toString()).isEqualTo(Long.toString(value));
    }

    @Test
    void seededRandomDecimalsOfEveryLengthAreWhatLongToStringWrites() {
        Random random = new Random(16);
        Utf8Buffer buffer = new Utf8Buffer(1);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            long value = random.nextLong() >>> random.nextInt(64); // every number of digits
            buffer.decimal(value).ascii(',');
            expected.append(value).append(',');
        }
        assertThat(buffer.toString()).isEqualTo(expected.toString());
    }

    @Test
    void asciiAndEncodedTextGrowTheBufferAndComeOutAsUtf8() throws Exception {
        Utf8Buffer buffer = new Utf8Buffer(2);
        buffer.ascii("wgtrack,interface=").utf8("wg\u00e9 \uD83D\uDE00").ascii(' ').ascii(new StringBuilder("1.25"));
        String text = "wgtrack,interface=wg\u00e9 \uD83D\uDE00 1.25";
        assertThat(buffer.toString()).isEqualTo(text);
        assertThat(buffer.length()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void truncateDropsTheTailAndRefusesToGrow() {
        Utf8Buffer buffer = new Utf8Buffer(8).ascii("peer=k8Yz=");
        buffer.truncate(buffer.length() - 1);
        assertThat(buffer.ascii("\\=").toString()).isEqualTo("peer=k8Yz\\=");
        buffer.truncate(0);
        assertThat(buffer.toString()).isEmpty();
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> buffer.truncate(1));
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> buffer.truncate(-1));
    }
}
