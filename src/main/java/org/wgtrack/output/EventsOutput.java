package org.wgtrack.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventJson;

/**
 * Appends each cycle's events to the spec's file, one JSON object per line (the objects hooks
 * receive). When the file would grow past {@code max_size} it is rotated first: the file becomes
 * {@code <file>.1}, {@code .1} becomes {@code .2}, and so on up to {@code keep}; the oldest is
 * deleted. A cycle without events writes nothing.
 */
public record EventsOutput(EventsSpec spec) implements Output {

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        if (snapshot.events().isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Event event : snapshot.events()) {
            lines.append(EventJson.of(event)).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        Path file = spec.filename();
        if (Files.exists(file) && Files.size(file) > 0 && Files.size(file) + bytes.length > spec.maxSize()) {
            rotate(file);
        }
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private void rotate(Path file) throws IOException {
        if (spec.keep() == 0) {
            Files.delete(file);
            return;
        }
        Files.deleteIfExists(rotated(file, spec.keep()));
        for (int i = spec.keep() - 1; i >= 1; i--) {
            Path older = rotated(file, i);
            if (Files.exists(older)) {
                Files.move(older, rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path rotated(Path file, int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
