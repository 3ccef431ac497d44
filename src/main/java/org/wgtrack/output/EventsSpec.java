package org.wgtrack.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code type = events}: every event appended to a JSON Lines file, one object per line, so
 * "what happened to the Berlin link at 3 a.m.?" has an answer after a restart.
 *
 * @param maxSize bytes after which the file is rotated ({@code events.jsonl} → {@code events.jsonl.1} → …)
 * @param keep    rotated files kept; the oldest beyond them is deleted
 */
public record EventsSpec(String name, Path filename, long maxSize, int keep) implements OutputSpec {

    public static final Path DEFAULT_FILENAME = Path.of("/var/cache/wg-track_events.jsonl");
    public static final long DEFAULT_MAX_SIZE = 10L << 20;
    public static final int DEFAULT_KEEP = 3;

    public EventsSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
        if (maxSize < 1 || keep < 0) {
            throw new IllegalArgumentException("max_size must be positive and keep not negative");
        }
    }

    @Override
    public Output open() {
        return new EventsOutput(this);
    }
}
