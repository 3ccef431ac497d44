package org.wgtrack.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hook's {@code command =} split into the program and its arguments the way systemd splits
 * {@code ExecStart=} (systemd.service(5), "Command lines"): words separated by whitespace;
 * double or single quotes make one word of what they enclose; a backslash escapes {@code \\},
 * {@code \"}, {@code \'} and a space, and stands for a newline, tab or carriage return in
 * {@code \n}, {@code \t}, {@code \r}. No shell is involved: {@code $VAR}, {@code |}, {@code >}
 * and {@code *} are plain characters.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** The words, or empty when the text has an unclosed quote, a bad escape or no word at all. */
    public static Optional<List<String>> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    return Optional.empty();
                }
                Character escaped = switch (text.charAt(i)) {
                    case '\\', '"', '\'', ' ' -> text.charAt(i);
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> null;
                };
                if (escaped == null) {
                    return Optional.empty();
                }
                word = word == null ? new StringBuilder() : word;
                word.append(escaped.charValue());
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(words));
    }
}
