package org.wgtrack.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.wgtrack.log.Log;

/**
 * The files of a search path as systemd reads one (systemd.network(5)): every file whose name
 * passes the filter, from all directories, sorted by file name; a name in an earlier directory
 * masks the same name in a later one, and a file that is a symlink to {@code /dev/null} (or
 * empty) masks without being read. A directory that does not exist is skipped.
 */
final class ConfigDirectories {

    private static final Path DEV_NULL = Path.of("/dev/null");

    private ConfigDirectories() {
    }

    static List<Path> files(List<Path> directories, Predicate<String> name) {
        Map<String, Path> byName = new TreeMap<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(p -> name.test(p.getFileName().toString()))
                        .forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            } catch (IOException e) {
                Log.warning(directory + ": cannot list: " + e.getMessage());
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path file : byName.values()) {
            if (!isMasked(file) && !Files.isDirectory(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static boolean isMasked(Path file) {
        try {
            return Files.isSymbolicLink(file) && Files.readSymbolicLink(file).equals(DEV_NULL)
                    || Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false; // the read that follows says what is wrong with it
        }
    }
}
