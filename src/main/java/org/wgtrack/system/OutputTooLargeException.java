package org.wgtrack.system;

import java.io.IOException;

/** A child printed more on stdout than {@link OsProcessRunner#MAX_STDOUT_BYTES}; it was killed and its output dropped. */
public final class OutputTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutputTooLargeException(String program, int limitBytes) {
        super(program + " printed more than " + limitBytes / (1024 * 1024) + " MiB on stdout and was killed");
    }
}
