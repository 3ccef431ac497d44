package org.wgtrack.system;

/** {@code wg} could not be run or reported failure; the message is safe to log (no keys). */
public final class WgException extends Exception {

    private static final long serialVersionUID = 1L;

    public WgException(String message) {
        super(message);
    }

    public WgException(String message, Throwable cause) {
        super(message, cause);
    }
}
