package org.wgtrack.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The few file-system operations that installing a service needs; tests use an in-memory fake. */
public interface ServiceFiles {

    boolean exists(Path path);

    boolean isExecutableFile(Path path);

    /** The file's text, or empty when it does not exist. */
    Optional<String> read(Path path) throws IOException;

    /** Replaces the file atomically with {@code content}; mode 755 when executable, else 644. */
    void write(Path path, String content, boolean executable) throws IOException;

    /** Removes the file; a missing file is not an error. */
    void delete(Path path) throws IOException;
}
