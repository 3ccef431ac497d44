package org.wgtrack.service;

import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell does, along PATH. */
public interface ExecutableSearch {

    Optional<Path> find(String program);
}
