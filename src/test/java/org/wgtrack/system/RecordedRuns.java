package org.wgtrack.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real runs of ping and fping, recorded under src/test/resources/ping/ as NAME.out and NAME.err. */
final class RecordedRuns {

    private RecordedRuns() {
    }

    static ProcessResult recorded(String name, int exitCode) {
        return new ProcessResult(exitCode, read("/ping/" + name + ".out"), read("/ping/" + name + ".err"));
    }

    private static String read(String resource) {
        try (InputStream in = RecordedRuns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
