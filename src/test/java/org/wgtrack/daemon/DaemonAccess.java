package org.wgtrack.daemon;

import java.util.Optional;
import org.wgtrack.output.Snapshot;

/** Test-scope door to the daemon's package-private cycle, for benchmarks in other packages. */
public final class DaemonAccess {

    private DaemonAccess() {
    }

    /** One cycle and its outputs, exactly as {@link Daemon#run} runs it. */
    public static Snapshot runCycle(Daemon daemon) throws InterruptedException {
        return daemon.runCycle(Optional.empty());
    }

    public static void close(Daemon daemon) {
        daemon.close();
    }
}
