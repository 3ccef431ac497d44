package org.wgtrack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A /proc laid out in a directory as the kernel shows it, for what reads processes and sockets. */
public final class FakeProc {

    private FakeProc() {
    }

    /** /proc/PID with its command line, its uids ({@code Uid:} real, effective, saved, fs) and fds linking to {@code fds}. */
    public static void process(Path proc, long pid, int uid, List<String> commandLine, String... fds) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd")).getParent();
        Files.writeString(dir.resolve("cmdline"), String.join("\0", commandLine) + "\0");
        Files.writeString(dir.resolve("status"), "Name:\tx\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
        for (int i = 0; i < fds.length; i++) {
            Files.createSymbolicLink(dir.resolve("fd").resolve(Integer.toString(i)), Path.of(fds[i]));
        }
    }
}
