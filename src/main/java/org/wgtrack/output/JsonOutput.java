package org.wgtrack.output;

import java.io.IOException;

/** Writes the {@link StatusDocument} to the spec's file, atomically, every cycle; holds nothing between cycles. */
public record JsonOutput(JsonSpec spec) implements Output {

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        // Streamed: a buffer kept from cycle to cycle held the whole document (50 MB at 100,000 peers).
        AtomicFileWriter.write(spec.filename(), out -> StatusDocument.write(snapshot, out));
    }
}
