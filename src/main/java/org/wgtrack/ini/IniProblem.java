package org.wgtrack.ini;

import org.wgtrack.log.Shown;

/**
 * One problem in an INI document, rendered as {@code source:line: [section] key: message}.
 * Section and key are null when the problem is not about one of them. They come from the file
 * and the reader knows no names, so the rendering shows both as any input ({@link Shown#value});
 * wgtrack's config loader renders its own problems, knowing which names are safe to show whole.
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
            sb.append('[').append(Shown.value(section)).append("] ");
        }
        if (key != null) {
            sb.append(Shown.value(key)).append(": ");
        }
        return sb.append(message).toString();
    }
}
