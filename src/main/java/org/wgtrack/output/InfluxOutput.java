package org.wgtrack.output;

import java.io.IOException;

/** Writes {@link InfluxLineFormat} to the spec's file, atomically, every cycle. */
public final class InfluxOutput implements Output {

    private final InfluxSpec spec;
    private final InfluxLineFormat format;

    public InfluxOutput(InfluxSpec spec) {
        this.spec = spec;
        this.format = new InfluxLineFormat(spec.counterType(), spec.schema());
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        AtomicFileWriter.write(spec.filename(), out -> format.write(snapshot, out));
    }
}
