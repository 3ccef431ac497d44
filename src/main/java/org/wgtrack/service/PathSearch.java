package org.wgtrack.service;

import java.nio.file.Path;
import java.util.Optional;

/** {@link ExecutableSearch} over a PATH value ("/usr/local/bin:/usr/bin:/bin"). */
final class PathSearch implements ExecutableSearch {

    private final String pathValue;
    private final ServiceFiles files;

    PathSearch(String pathValue, ServiceFiles files) {
        this.pathValue = pathValue == null ? "" : pathValue;
        this.files = files;
    }

    @Override
    public Optional<Path> find(String program) {
        for (String dir : pathValue.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (files.isExecutableFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
