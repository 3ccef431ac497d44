package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.files.TextFileReader;
import org.wgtrack.log.LogLevel;
import org.wgtrack.sources.ConfigSource;
import org.wgtrack.sources.WgQuickSource;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.wg.PublicKey;

/**
 * What the store logs and keeps when a wg-quick file cannot be read: the reason, then what
 * wgtrack does about it (live state only on a first read, the previous contents on a reload).
 * "Permission denied" comes from a fake file access: the suite runs as root, which reads any file.
 */
class WgConfigStoreTest {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String CONF = """
            [Interface]
            ListenPort = 51820

            [Peer]
            PublicKey = %s
            Endpoint = peer-a.test:51820
            AllowedIPs = 10.10.0.2/32
            """.formatted(KEY);

    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);
    /** Paths the fake access refuses, as a file mode would refuse a non-root user. */
    private final Set<Path> denied = new HashSet<>();

    @TempDir
    Path dir;

    private String log() {
        return logged.text();
    }

    private WgConfigStore store() {
        return new WgConfigStore(sources());
    }

    /** wg-quick files in the test's directory, read through an access that refuses the denied paths. */
    private List<ConfigSource> sources() {
        return List.of(new WgQuickSource(dir, new TextFileReader(new TextFileReader.FileAccess() {
            @Override
            public TextFileReader.FileType type(Path path) throws IOException {
                return TextFileReader.SYSTEM.type(path);
            }

            @Override
            public InputStream open(Path path) throws IOException {
                if (denied.contains(path)) {
                    throw new AccessDeniedException(path.toString());
                }
                return TextFileReader.SYSTEM.open(path);
            }
        })));
    }

    @Test
    void unreadableFileOnFirstReadMeansLiveStateOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("wg0.conf"), CONF);
        denied.add(file);
        WgConfigStore store = store();
        store.track(Set.of("wg0"));
        assertThat(store.config("wg0")).isEmpty();
        assertThat(log()).isEqualTo("<3>" + file + ": permission denied; tracking wg0's live state without configured endpoints\n");
    }

    @Test
    void unreadableFileOnReloadKeepsThePreviousContents() throws IOException {
        Path file = Files.writeString(dir.resolve("wg0.conf"), CONF);
        WgConfigStore store = store();
        store.track(Set.of("wg0"));
        denied.add(file);
        store.reload(sources());
        assertThat(store.config("wg0")).isPresent();
        assertThat(log()).isEqualTo("<6>wg0: peers from wg-quick file " + file + "\n"
                + "<3>" + file + ": permission denied; keeping its previous contents\n");
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("wg0.conf"), CONF);
        WgConfigStore store = store();
        store.track(Set.of("wg0"));
        Files.write(file, "[Interface]\nListenPort = 51820\n# Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));
        store.reload(sources());
        assertThat(store.config("wg0")).isPresent();
        assertThat(log()).isEqualTo("<6>wg0: peers from wg-quick file " + file + "\n"
                + "<3>" + file + ": not UTF-8 at line 3; keeping its previous contents\n");
    }

    @Test
    void fileOverOneMebibyte() throws IOException {
        Path file = Files.writeString(dir.resolve("wg0.conf"), CONF + "#".repeat(TextFileReader.MAX_BYTES));
        WgConfigStore store = store();
        store.track(Set.of("wg0"));
        assertThat(log()).isEqualTo("<3>" + file + ": larger than 1 MiB; tracking wg0's live state without configured endpoints\n");
    }

    @Test
    @Timeout(5)
    void fifoIsNotOpened() throws Exception {
        Path fifo = dir.resolve("wg0.conf");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        WgConfigStore store = store();
        long start = System.nanoTime();
        store.track(Set.of("wg0"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(log()).isEqualTo("<3>" + fifo + ": not a regular file (a FIFO); tracking wg0's live state without configured endpoints\n");
    }

    @Test
    void missingFileIsNormal() {
        WgConfigStore store = store();
        store.track(Set.of("wg0"));
        assertThat(log()).isEqualTo("<6>wg0: no " + dir.resolve("wg0.conf") + "; tracking its live state without configured endpoints"
                + " (no re-resolution unless wgtrack.conf names them: endpoint = host:port in [peer:wg0:<public key>])\n");
    }
}
