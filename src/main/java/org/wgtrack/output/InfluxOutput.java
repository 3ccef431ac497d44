package org.wgtrack.output;

import java.io.IOException;

/** Writes {@link InfluxLineFormat} to the spec's file, atomically, every cycle. */
public final class InfluxOutput implements Output {

    private final InfluxSpec spec;
    private final InfluxLineFormat format;
    private final AtomicFileWriter file;

    public InfluxOutput(InfluxSpec spec) {
        this.spec = spec;
        this.format = new InfluxLineFormat(spec.counterType(), spec.schema());
        this.file = new AtomicFileWriter(spec.filename());
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        file.write(out -> format.write(snapshot, out));
    }
}
