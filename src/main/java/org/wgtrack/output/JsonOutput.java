package org.wgtrack.output;

import java.io.IOException;

/** Writes the {@link StatusDocument} to the spec's file, atomically, every cycle. */
public final class JsonOutput implements Output {

    private final JsonSpec spec;
    private final OutputBuffer buffer = new OutputBuffer();

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
        buffer.reset();
        StatusDocument.write(snapshot, buffer);
        buffer.writeTo(spec.filename());
    }
}
