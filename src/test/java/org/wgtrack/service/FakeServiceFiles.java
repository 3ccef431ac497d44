package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory file system: files with content, bare paths that merely exist, and a log of changes. */
final class FakeServiceFiles implements ServiceFiles {

    final Map<Path, String> files = new LinkedHashMap<>();
    final Set<Path> executable = new HashSet<>();
    final Set<Path> present = new HashSet<>();
    final List<String> changes = new ArrayList<>();

    /** A path that exists without content we care about (a directory, a symlink). */
    FakeServiceFiles with(String path) {
        present.add(Path.of(path));
        return this;
    }

    FakeServiceFiles withExecutable(String path) {
        files.put(Path.of(path), "#!/bin/sh\n");
        executable.add(Path.of(path));
        return this;
    }

    FakeServiceFiles withFile(String path, String content) {
        files.put(Path.of(path), content);
        return this;
    }

    @Override
    public boolean exists(Path path) {
        return files.containsKey(path) || present.contains(path);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return files.containsKey(path) && executable.contains(path);
    }

    @Override
    public Optional<String> read(Path path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public void write(Path path, String content, boolean exec) throws IOException {
        files.put(path, content);
        if (exec) {
            executable.add(path);
        } else {
            executable.remove(path);
        }
        changes.add("write " + path + (exec ? " 755" : " 644"));
    }

    @Override
    public void delete(Path path) {
        files.remove(path);
        executable.remove(path);
        changes.add("delete " + path);
    }
}
