package org.wgtrack.output;

import java.nio.file.Path;
import java.util.Objects;

/** {@code type = influx}: line protocol in a file that Telegraf's {@code inputs.file} reads. */
public record InfluxSpec(String name, Path filename, CounterType counterType, InfluxSchema schema) implements OutputSpec {

    public static final Path DEFAULT_FILENAME = Path.of("/var/cache/wg-track_influx.out");

    public InfluxSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(counterType, "counterType");
        Objects.requireNonNull(schema, "schema");
    }

    /** The wgtrack schema. */
    public InfluxSpec(String name, Path filename, CounterType counterType) {
        this(name, filename, counterType, InfluxSchema.WGTRACK);
    }

    @Override
    public Output open() {
        return new InfluxOutput(this);
    }
}
