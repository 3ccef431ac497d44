package org.wgtrack.ini;

/**
 * One problem in an INI document, rendered as {@code source:line: [section] key: message}.
 * Section and key are null when the problem is not about one of them.
 */
public record IniProblem(String source, int line, String section, String key, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (section != null) {
            sb.append('[').append(section).append("] ");
        }
        if (key != null) {
            sb.append(key).append(": ");
        }
        return sb.append(message).toString();
    }
}
