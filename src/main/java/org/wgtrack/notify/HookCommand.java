package org.wgtrack.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a hook's program (never through a shell) with extra environment and the event on stdin. */
public interface HookCommand {

    /** How one run ended; {@code output} is the first bytes of stdout and stderr together. */
    record Result(boolean timedOut, int exitCode, String output) {

        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    Result run(List<String> command, Map<String, String> environment, String stdin, Duration timeout)
            throws IOException, InterruptedException;
}
