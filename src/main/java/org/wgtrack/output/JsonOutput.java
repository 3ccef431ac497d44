package org.wgtrack.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the {@link StatusDocument} to the spec's file, atomically, every cycle. */
public final class JsonOutput implements Output {

    private final JsonSpec spec;

    public JsonOutput(JsonSpec spec) {
        this.spec = spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    public JsonSpec spec() {
        return spec;
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        AtomicFileWriter.write(spec.filename(), StatusDocument.format(snapshot).getBytes(StandardCharsets.UTF_8));
    }
}
