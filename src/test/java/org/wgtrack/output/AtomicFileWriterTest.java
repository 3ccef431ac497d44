package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
        new AtomicFileWriter(target).write("new\n".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void missingDirectoryIsNamed() {
        Path target = dir.resolve("gone/status.json");
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> new AtomicFileWriter(target).write(new byte[0]))
                .withMessage("cannot write " + target + ": directory " + dir.resolve("gone") + " does not exist");
    }

    @Test
    void failedRenameLeavesNoTempFileAndKeepsTheTarget() throws IOException {
        Path target = dir.resolve("busy");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> new AtomicFileWriter(target).write("new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": Is a directory");
        assertThat(filesIn(dir)).isEqualTo(1);
        assertThat(target.resolve("inside")).hasContent("x");
    }

    @Test
    void readOnlyFileSystemIsNamed() {
        // /proc refuses new files even for root, where a chmod'ed directory would not.
        Path target = Path.of("/proc/wgtrack-test.out");
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> new AtomicFileWriter(target).write(new byte[0]))
                .withMessageStartingWith("cannot write /proc/wgtrack-test.out: ");
    }

    @Test
    void theFileBeingWrittenIsHiddenAndOnlyTheOwnersUntilItIsRenamed() throws IOException {
        Path target = dir.resolve("status.json");
        List<String> seen = new ArrayList<>();
        new AtomicFileWriter(target).write(out -> {
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
        assertThatThrownBy(() -> new AtomicFileWriter(target).write(out -> {
            out.write('x');
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": disk full");
        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    /** The hidden files in {@code dir} while {@code writer} writes (its own temp file among them). */
    private List<String> hiddenWhileWriting(AtomicFileWriter writer) throws IOException {
        List<String> hidden = new ArrayList<>();
        writer.write(out -> {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(".")).forEach(hidden::add);
            }
            out.write('x');
        });
        return hidden;
    }

    @Test
    void aWriterKeepsItsTempFileNameFromOneWriteToTheNext() throws IOException {
        AtomicFileWriter writer = new AtomicFileWriter(dir.resolve("influx.out"));
        List<String> first = hiddenWhileWriting(writer);
        List<String> second = hiddenWhileWriting(writer);
        assertThat(first).hasSize(1).first().asString().matches("\\.influx\\.out\\.[0-9]+\\.tmp");
        assertThat(second).isEqualTo(first);
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFileOrLinkLaidAtTheTempFileNameIsLeftAloneAndANewRandomNameTaken() throws IOException {
        Path target = dir.resolve("influx.out");
        AtomicFileWriter writer = new AtomicFileWriter(target);
        String used = hiddenWhileWriting(writer).get(0);
        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(elsewhere, "keep");
        Files.createSymbolicLink(dir.resolve(used), elsewhere);

        List<String> hidden = hiddenWhileWriting(writer);

        assertThat(hidden).hasSize(2).contains(used);
        String taken = hidden.stream().filter(name -> !name.equals(used)).findFirst().orElseThrow();
        assertThat(taken).matches("\\.influx\\.out\\.[0-9]+\\.tmp");
        assertThat(target).hasContent("x");
        assertThat(elsewhere).hasContent("keep");
        assertThat(Files.isSymbolicLink(dir.resolve(used))).isTrue();
        assertThat(hiddenWhileWriting(writer)).containsExactlyInAnyOrder(used, taken);
    }
}
