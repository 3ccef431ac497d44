package org.wgtrack.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built as UTF-8 bytes, appended like a StringBuilder and handed to a stream as it is: an
 * output written every cycle goes to its file without a String of each chunk in between (3 MB a
 * cycle at 10,000 peers in the influx file). The caller says which text is ASCII, as it knows
 * from its scans: ASCII goes in as one array copy, other text is encoded. {@link MetricsText}
 * does the same for a scrape, streaming as it goes; this one holds whole lines, since the influx
 * output takes back a tag that escaping left empty ({@link #truncate}).
 * Kept from cycle to cycle by its output; not thread-safe.
 */
final class Utf8Buffer {

    /** "00" to "99": numbers are written two digits at a time, half the divisions of one at a time. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    /** Drops what was appended after {@code length}. */
    void truncate(int length) {
        if (length < 0 || length > this.length) {
            throw new IndexOutOfBoundsException("length " + length + " of " + this.length);
        }
        this.length = length;
    }

    /** {@code text} of ASCII characters only: constants, base64, text a scan found to be ASCII. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): one array copy, right for ASCII
    Utf8Buffer ascii(String text) {
        int n = text.length();
        room(n);
        text.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    /** {@code text} of ASCII characters only, from a builder (a handful of characters). */
    Utf8Buffer ascii(CharSequence text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Text a scan looked at: as {@link #utf8} when it found characters outside ASCII, else as {@link #ascii(String)}. */
    Utf8Buffer scanned(String text, boolean nonAscii) {
        return nonAscii ? utf8(text) : ascii(text);
    }

    /** Any text, encoded. */
    Utf8Buffer utf8(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        room(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    /** An ASCII character. */
    Utf8Buffer ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** {@code value} in decimal, as {@link Long#toString(long)} writes it. */
    Utf8Buffer decimal(long value) {
        if (value < 0) {
            return ascii(Long.toString(value)); // never for the counters and times written here; kept simple
        }
        int end = length + digits(value);
        room(end - length);
        int at = end;
        while (value >= 100) {
            long rest = value / 100;
            int pair = (int) (value - rest * 100);
            bytes[--at] = DIGIT_PAIRS[2 * pair + 1];
            bytes[--at] = DIGIT_PAIRS[2 * pair];
            value = rest;
        }
        if (value >= 10) {
            bytes[--at] = DIGIT_PAIRS[2 * (int) value + 1];
            bytes[--at] = DIGIT_PAIRS[2 * (int) value];
        } else {
            bytes[--at] = (byte) ('0' + value);
        }
        length = end;
        return this;
    }

    private static int digits(long nonNegative) {
        int digits = 1;
        for (long power = 10; digits < 19 && nonNegative >= power; power *= 10) {
            digits++;
        }
        return digits;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
