package org.wgtrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thin real implementations behind ServiceHost.local(), on a temporary directory and /bin/sh. */
class LocalHostTest {

    @TempDir
    Path dir;

    private final LocalServiceFiles files = new LocalServiceFiles();

    @Test
    void effectiveUidDecidesRoot() {
        assertThat(LocalPrivileges.isRoot("Name:\tjava\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n")).isTrue();
        assertThat(LocalPrivileges.isRoot("Name:\tjava\nUid:\t0\t1000\t1000\t1000\n")).isFalse();
        assertThat(LocalPrivileges.isRoot("Name:\tjava\n")).isFalse();
    }

    @Test
    void writeReplacesTheFileWithTheRequestedMode() throws IOException {
        Path unit = dir.resolve("wgtrack.service");
        Files.writeString(unit, "old");

        files.write(unit, "[Unit]\n", false);
        Path script = dir.resolve("wgtrack");
        files.write(script, "#!/sbin/openrc-run\n", true);

        assertThat(files.read(unit)).hasValue("[Unit]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unit))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-xr-x");
        assertThat(files.isExecutableFile(script)).isTrue();
        assertThat(files.isExecutableFile(unit)).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("wgtrack.service", "wgtrack");
        }
    }

    @Test
    void missingFilesReadAsEmptyAndDeleteQuietly() throws IOException {
        Path missing = dir.resolve("missing");

        assertThat(files.read(missing)).isEmpty();
        assertThat(files.exists(missing)).isFalse();
        files.delete(missing);
    }

    @Test
    void pathSearchFindsTheFirstExecutableAndSkipsTheRest() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(a.resolve("wg"), "not executable");
        Path wg = b.resolve("wg");
        files.write(wg, "#!/bin/sh\n", true);

        PathSearch search = new PathSearch(a + "::" + b, files);

        assertThat(search.find("wg")).hasValue(wg);
        assertThat(search.find("ping")).isEmpty();
        assertThat(new PathSearch(null, files).find("wg")).isEmpty();
    }

    @Test
    void localHostIsComplete() {
        ServiceHost host = ServiceHost.local();

        assertThat(host.path().find("sh")).isPresent();
        assertThat(host.privileges().isRoot()).isEqualTo(LocalPrivileges.isRoot());
    }
}
