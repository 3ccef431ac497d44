package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.count();
        }
    }

    @Test
    void replacesTheFileWithMode0644AndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("wg-track_influx.out");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicFileWriter.write(target, "new\n".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void missingDirectoryIsNamed() {
        Path target = dir.resolve("gone/status.json");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, new byte[0])).isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": directory " + dir.resolve("gone") + " does not exist");
    }

    @Test
    void failedRenameLeavesNoTempFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("busy");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": Is a directory");
        assertThat(filesIn(dir)).isEqualTo(1);
        assertThat(target.resolve("inside")).hasContent("x");
    }

    @Test
    void readOnlyFileSystemIsNamed() {
        // /proc refuses new files even for root, where a chmod'ed directory would not.
        Path target = Path.of("/proc/wgtrack-test.out");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, new byte[0])).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write /proc/wgtrack-test.out: ");
    }

    @Test
    void theFileBeingWrittenIsHiddenAndOnlyTheOwnersUntilItIsRenamed() throws IOException {
        Path target = dir.resolve("status.json");
        List<String> seen = new ArrayList<>();
        AtomicFileWriter.write(target, out -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    seen.add(file.getFileName().toString().replaceAll("[0-9]+", "N") + " "
                            + PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)));
                }
            }
            out.write('x');
        });
        assertThat(seen).containsExactly(".status.json.N.tmp rw-------");
        assertThat(target).hasContent("x");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailingContentLeavesNoTempFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("status.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {
            out.write('x');
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": disk full");
        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }
}
