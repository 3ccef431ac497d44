package org.wgtrack.output;

import java.nio.file.Path;
import java.util.Objects;

/** {@code type = json}: the status document ({@link StatusDocument}) in a file. */
public record JsonSpec(String name, Path filename) implements OutputSpec {

    public static final Path DEFAULT_FILENAME = Path.of("/var/cache/wg-track_status.json");

    public JsonSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
    }

    @Override
    public Output open() {
        return new JsonOutput(this);
    }
}
