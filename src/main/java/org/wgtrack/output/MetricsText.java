package org.wgtrack.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where {@link MetricsExposition} writes: UTF-8 bytes into a stream through a buffer, or text
 * into a Writer (tests, Strings). Nearly all of a scrape is ASCII whose source the exposition
 * knows (metric names, help, numbers, base64 keys): {@link #ascii} copies it into the buffer
 * in one array copy. A Writer-to-bytes chain instead copied every character into a char buffer
 * and encoded it one by one, four times the cost of the exposition itself under C1. Only label
 * values ({@link #label}) can hold other characters, and only they are scanned. Not thread-safe.
 */
final class MetricsText {

    private static final int BUFFER_SIZE = 16384;

    private final OutputStream stream;
    private final Writer writer;
    private final byte[] buffer;
    private int count;

    /** Bytes into {@code stream}, which {@link #finish} leaves open. */
    MetricsText(OutputStream stream) {
        this.stream = stream;
        this.writer = null;
        this.buffer = new byte[BUFFER_SIZE];
    }

    MetricsText(Writer writer) {
        this.stream = null;
        this.writer = writer;
        this.buffer = null;
    }

    /** Text that is ASCII by where it comes from; anything else would come out garbled. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): one array copy, right for ASCII
    void ascii(String text) throws IOException {
        if (writer != null) {
            writer.write(text);
            return;
        }
        int length = text.length();
        if (length > buffer.length - count) {
            flushBuffer();
            if (length > buffer.length) {
                stream.write(text.getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        text.getBytes(0, length, buffer, count);
        count += length;
    }

    void ascii(char c) throws IOException {
        if (writer != null) {
            writer.write(c);
            return;
        }
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) c;
    }

    /**
     * A label value with backslash, double quote and line feed escaped, as both formats require;
     * UTF-8 like the JDK's encoder writes it (an unpaired surrogate becomes {@code ?}).
     */
    void label(String value) throws IOException {
        write(value, true);
    }

    /** Any text as it is, UTF-8 as {@link #label} writes it. */
    void text(String value) throws IOException {
        write(value, false);
    }

    private void write(String value, boolean label) throws IOException {
        boolean escape = false;
        boolean nonAscii = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"' || c == '\n') {
                escape |= label;
            } else if (c >= 0x80) {
                nonAscii = true;
            }
        }
        String text = escape ? escaped(value) : value;
        if (nonAscii && writer == null) {
            // an escape is ASCII and splits no surrogate pair: encoding the value alone gives the stream's bytes
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > buffer.length - count) {
                flushBuffer();
                stream.write(bytes);
                return;
            }
            System.arraycopy(bytes, 0, buffer, count, bytes.length);
            count += bytes.length;
        } else {
            ascii(text);
        }
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Hands what is buffered to the stream, which stays open (a Writer gets everything at once). */
    void finish() throws IOException {
        if (writer == null) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            stream.write(buffer, 0, count);
            count = 0;
        }
    }
}
