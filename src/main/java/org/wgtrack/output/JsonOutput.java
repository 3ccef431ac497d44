package org.wgtrack.output;

import java.io.IOException;

/** Writes the {@link StatusDocument} to the spec's file, atomically, every cycle; keeps no document between cycles. */
public final class JsonOutput implements Output {

    private final JsonSpec spec;
    private final AtomicFileWriter file;

    public JsonOutput(JsonSpec spec) {
        this.spec = spec;
        this.file = new AtomicFileWriter(spec.filename());
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        // Streamed: a buffer kept from cycle to cycle held the whole document (50 MB at 100,000 peers).
        file.write(out -> StatusDocument.write(snapshot, out));
    }
}
