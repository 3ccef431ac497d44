package org.wgtrack.config;

/**
 * One problem in a config file, rendered as {@code source:line: [section] key: message}.
 * Messages name the bad value and what is allowed, never a secret.
 */
public record ConfigProblem(String source, int line, String section, String key, String message) {

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
