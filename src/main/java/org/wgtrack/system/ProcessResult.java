package org.wgtrack.system;

/** What a finished child process left behind. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
