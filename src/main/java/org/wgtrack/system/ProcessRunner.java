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
}
