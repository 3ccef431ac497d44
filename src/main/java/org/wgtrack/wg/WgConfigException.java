package org.wgtrack.wg;

/**
 * A wg-quick file wgtrack cannot read. The message reads
 * {@code source:line: what is wrong (expected …, got …)} and never holds key material
 * other than public keys.
 */
public final class WgConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public WgConfigException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number the problem was found on. */
    public int line() {
        return line;
    }
}
