package org.wgtrack.sources;

import java.nio.file.Path;

/**
 * The interface's file was found but is of no use: it cannot be read ({@link Kind#UNREADABLE},
 * the message is {@code file: reason}) or its text is malformed ({@link Kind#MALFORMED}, the
 * message is the parser's {@code file:line: problem}). Never holds key material.
 */
public final class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { UNREADABLE, MALFORMED }

    private final Kind kind;

    private SourceException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static SourceException unreadable(Path file, String reason) {
        return new SourceException(Kind.UNREADABLE, file + ": " + reason);
    }

    static SourceException malformed(String message) {
        return new SourceException(Kind.MALFORMED, message);
    }

    public Kind kind() {
        return kind;
    }
}
