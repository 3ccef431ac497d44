package org.wgtrack.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program with an argument array (never a shell) and a time limit.
 * A program that overruns is killed and reported with TimeoutException.
 */
public interface ProcessRunner {

    ProcessResult run(List<String> command, Duration timeout) throws IOException, TimeoutException, InterruptedException;

    /**
     * As {@link #run(List, Duration)}, for a program whose output is about {@code expectedStdoutBytes}
     * long (what it printed last time): an implementation may read it into one buffer of that size
     * instead of growing one as it comes.
     */
    default ProcessResult run(List<String> command, Duration timeout, int expectedStdoutBytes)
            throws IOException, TimeoutException, InterruptedException {
        return run(command, timeout);
    }
}
