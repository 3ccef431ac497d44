package org.wgtrack.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What the integration tests need from the machine (root, programs on PATH), and the one rule
 * for when it is missing: skip with the reason, except on CI ({@code CI=true}), where a test
 * that cannot run is a failure, so CI never passes with tests unrun.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test when {@code condition} is false, or fails it under CI. */
    public static void require(boolean condition, String reason) {
        if (!condition && ci()) {
            fail(reason + " (CI=true, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(condition, reason);
    }

    /** Whether this process runs with effective uid 0 (read from /proc: no namespaces without it anyway). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The program on PATH, or in the sbin directories a root shell would search. */
    public static Optional<Path> onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static boolean installed(String program) {
        return onPath(program).isPresent();
    }
}
