package org.wgtrack.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per reason a config file cannot be read, on real temporary files where the machine
 * can make the case (a FIFO, a directory, a symlink, a large or non-UTF-8 file) and on a fake
 * {@link TextFileReader.FileAccess} for "permission denied": the tests run as root, and root
 * reads any file whatever its mode, so no real file can be made unreadable to it.
 */
class TextFileReaderTest {

    private final TextFileReader reader = new TextFileReader(TextFileReader.SYSTEM);

    @TempDir
    Path dir;

    private String reason(Path path) {
        try {
            reader.read(path);
        } catch (TextFileException e) {
            return e.kind() + ": " + e.reason();
        }
        throw new AssertionError("expected a TextFileException for " + path);
    }

    @Test
    void readsARegularFileAndASymlinkToOne() throws Exception {
        Path file = Files.writeString(dir.resolve("wg0.conf"), "[Interface]\nListenPort = 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), file);
        assertThat(reader.read(file)).isEqualTo("[Interface]\nListenPort = 1\n");
        assertThat(reader.read(link)).isEqualTo("[Interface]\nListenPort = 1\n");
    }

    @Test
    void missingFile() {
        assertThat(reason(dir.resolve("nope.conf"))).isEqualTo("NO_SUCH_FILE: no such file");
    }

    @Test
    void danglingSymlinkIsAMissingFile() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), dir.resolve("gone.conf"));
        assertThat(reason(link)).isEqualTo("NO_SUCH_FILE: no such file");
    }

    @Test
    void directory() {
        assertThat(reason(dir)).isEqualTo("NOT_REGULAR: not a regular file (a directory)");
    }

    @Test
    @Timeout(5)
    void fifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("wg0.conf"));
        long start = System.nanoTime();
        assertThat(reason(fifo)).isEqualTo("NOT_REGULAR: not a regular file (a FIFO)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        Path link = Files.createSymbolicLink(dir.resolve("link.conf"), fifo);
        assertThat(reason(link)).isEqualTo("NOT_REGULAR: not a regular file (a FIFO)");
    }

    @Test
    void characterDevice() {
        assertThat(reason(Path.of("/dev/zero"))).isEqualTo("NOT_REGULAR: not a regular file (a character device)");
    }

    @Test
    void fileOfExactlyTheLimitIsRead() throws Exception {
        Path file = Files.write(dir.resolve("big.conf"), filled(TextFileReader.MAX_BYTES));
        assertThat(reader.read(file)).hasSize(TextFileReader.MAX_BYTES);
    }

    @Test
    void fileOverTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("big.conf"), filled(TextFileReader.MAX_BYTES + 1));
        assertThat(reason(file)).isEqualTo("TOO_LARGE: larger than 1 MiB");
    }

    @Test
    void aReaderWithALargerLimitReadsMoreAndNamesItsLimit() throws Exception {
        TextFileReader larger = new TextFileReader(TextFileReader.SYSTEM, 2 << 20);
        Path file = Files.write(dir.resolve("big.conf"), filled(2 << 20));
        assertThat(larger.read(file)).hasSize(2 << 20);
        Files.write(file, filled((2 << 20) + 1));
        assertThatExceptionOfType(TextFileException.class).isThrownBy(() -> larger.read(file))
                .withMessageEndingWith("larger than 2 MiB");
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new TextFileReader(TextFileReader.SYSTEM, 1000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "E9                  | 1",   // Latin-1 é on the first line
        "0A 0A 23 20 C3      | 3",   // a UTF-8 sequence cut off at the end of line 3
        "61 0A 62 0A FF 0A   | 3",
        "0A ED A0 80         | 2",   // an encoded surrogate, which UTF-8 forbids
    })
    void bytesThatAreNotUtf8NameTheLine(String hex, int line) throws Exception {
        String[] parts = hex.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        Path file = Files.write(dir.resolve("latin1.conf"), bytes);
        assertThat(reason(file)).isEqualTo("NOT_UTF8: not UTF-8 at line " + line);
    }

    /**
     * Random text of 1- to 4-byte characters, longer than the check's buffer, decodes to itself;
     * one bad byte put anywhere into it is found on its line, also where a character straddles
     * the buffer's end. The reference is the JDK's own strict decoder over the whole input.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void decodesLongTextAsTheStrictDecoderDoesAndFindsABadByteAnywhere(int seed) throws Exception {
        Random random = new Random(seed);
        String[] pieces = {"a", "=", "\n", "é", "€", "🚀", "ż", " ", "\t"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 30_000) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(TextFileReader.decode(bytes)).isEqualTo(StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString());

        for (int n = 0; n < 20; n++) {
            byte[] bad = bytes.clone();
            int at = random.nextInt(bad.length);
            bad[at] = (byte) 0xFF; // never in UTF-8
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bad[i] == '\n') {
                    line++;
                }
            }
            // In place of a continuation byte it makes its character the bad one, which starts on the same line.
            assertThatExceptionOfType(TextFileException.class).isThrownBy(() -> TextFileReader.decode(bad))
                    .withMessage("not UTF-8 at line " + line);
        }
    }

    @Test
    void utf8TextIsDecoded() throws Exception {
        Path file = Files.writeString(dir.resolve("names.conf"), "# Name = Zürich € 🚀\n", StandardCharsets.UTF_8);
        assertThat(reader.read(file)).isEqualTo("# Name = Zürich € 🚀\n");
    }

    @Test
    void permissionDenied() {
        TextFileReader denied = new TextFileReader(new FakeAccess(TextFileReader.FileType.REGULAR, null) {
            @Override
            public InputStream open(Path path) throws IOException {
                throw new AccessDeniedException(path.toString());
            }
        });
        assertThatThrownBy(() -> denied.read(Path.of("/etc/wireguard/wg0.conf")))
                .isInstanceOfSatisfying(TextFileException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TextFileException.Kind.PERMISSION_DENIED);
                    assertThat(e.reason()).isEqualTo("permission denied");
                });
    }

    @Test
    void permissionDeniedOnTheDirectoryLookUp() {
        TextFileReader denied = new TextFileReader(new FakeAccess(null, null) {
            @Override
            public TextFileReader.FileType type(Path path) throws IOException {
                throw new AccessDeniedException(path.toString());
            }
        });
        assertThatThrownBy(() -> denied.read(Path.of("/etc/wireguard/wg0.conf")))
                .isInstanceOf(TextFileException.class).hasMessage("permission denied");
    }

    @Test
    void otherIoErrorsSayWhatTheSystemSaid() {
        TextFileReader failing = new TextFileReader(new FakeAccess(TextFileReader.FileType.REGULAR, null) {
            @Override
            public InputStream open(Path path) throws IOException {
                throw new java.nio.file.FileSystemException(path.toString(), null, "Input/output error");
            }
        });
        assertThatThrownBy(() -> failing.read(Path.of("/etc/wireguard/wg0.conf")))
                .isInstanceOf(TextFileException.class).hasMessage("cannot read (Input/output error)");
    }

    @Test
    void modeBitsGiveTheFileType() {
        assertThat(TextFileReader.fromMode(0100644)).isEqualTo(TextFileReader.FileType.REGULAR);
        assertThat(TextFileReader.fromMode(0010600)).isEqualTo(TextFileReader.FileType.FIFO);
        assertThat(TextFileReader.fromMode(0140755)).isEqualTo(TextFileReader.FileType.SOCKET);
        assertThat(TextFileReader.fromMode(0060660)).isEqualTo(TextFileReader.FileType.BLOCK_DEVICE);
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return path;
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) '#');
        return bytes;
    }

    /** A file of one type whose content is {@code text}; tests override the call that fails. */
    static class FakeAccess implements TextFileReader.FileAccess {
        private final TextFileReader.FileType type;
        private final String text;

        FakeAccess(TextFileReader.FileType type, String text) {
            this.type = type;
            this.text = text;
        }

        @Override
        public TextFileReader.FileType type(Path path) throws IOException {
            return type;
        }

        @Override
        public InputStream open(Path path) throws IOException {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
