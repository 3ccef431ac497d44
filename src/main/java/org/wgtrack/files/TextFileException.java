package org.wgtrack.files;

/**
 * Why a text file could not be read, as a short reason that follows the path in a message:
 * {@code /etc/wireguard/wg0.conf: permission denied}. Never contains any of the file's text.
 */
public final class TextFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds callers treat differently (a missing file is often normal). */
    public enum Kind { NO_SUCH_FILE, PERMISSION_DENIED, NOT_REGULAR, TOO_LARGE, NOT_UTF8, OTHER }

    private final Kind kind;

    TextFileException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** "permission denied", "not UTF-8 at line 3", "not a regular file (a FIFO)", "larger than 1 MiB", … */
    public String reason() {
        return getMessage();
    }
}
