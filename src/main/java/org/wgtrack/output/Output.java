package org.wgtrack.output;

import java.io.IOException;

/**
 * One configured output ({@code [output:<name>]}). {@link #write} is called at the end of
 * every cycle; a failure is logged by the caller and the same output is tried again next cycle.
 */
public interface Output extends AutoCloseable {

    /** The section's name, for logs ({@code influx}, {@code prom-lan}, …). */
    String name();

    void write(Snapshot snapshot) throws IOException;

    /** The daemon's reload (SIGHUP) for an output whose settings did not change: re-read what it reads from files. */
    default void reload() {
    }

    @Override
    default void close() {
    }
}
