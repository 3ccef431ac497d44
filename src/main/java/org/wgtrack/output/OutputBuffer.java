package org.wgtrack.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A byte buffer an output keeps from cycle to cycle: after the first cycle it has the right size,
 * so writing a file costs neither the growth copies nor the final {@code toByteArray()} copy.
 * Not thread-safe use: one output, one cycle at a time.
 */
final class OutputBuffer extends ByteArrayOutputStream {

    OutputBuffer() {
        super(4096);
    }

    /** Replaces {@code target} with what was written since the last {@link #reset()}. */
    void writeTo(Path target) throws IOException {
        AtomicFileWriter.write(target, buf, count);
    }
}
