package org.wgtrack.ini;

import java.util.Locale;
import org.wgtrack.log.Shown;

/**
 * Python's notion of whitespace ({@code str.isspace}, {@code str.strip}, regex {@code \s}),
 * so that indentation and trimming match configparser for every character, not only ASCII.
 */
final class PyText {

    private PyText() {
    }

    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0',
                    '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /** Index of the first non-space character, or the length when there is none. */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    static String strip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(Math.min(indent(text), end), end);
    }

    static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** configparser's {@code optionxform}: keys are case-insensitive. */
    static String optionxform(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * A line or value for a message: quoted, escaped, shortened so a long value cannot flood a
     * log, and with key-like runs hidden, as any line may hold a pasted private key ({@link Shown#value}).
     */
    static String quote(String text) {
        return "'" + Shown.value(text) + "'";
    }
}
