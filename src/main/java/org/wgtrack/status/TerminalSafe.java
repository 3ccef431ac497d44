package org.wgtrack.status;

import org.wgtrack.log.Shown;

/**
 * Text from a document (the daemon's, or whatever answered in its place) as it may reach a
 * terminal: no character that moves the cursor, retitles the window or hides a line.
 */
final class TerminalSafe {

    private TerminalSafe() {
    }

    /** A cell or line of text, escaped like a log line ({@link Shown#escaped}). */
    static String text(String text) {
        return Shown.escaped(text);
    }

    /**
     * JSON with every character a log line would escape written as a JSON escape (backslash, u,
     * four upper-case hex digits, as Jackson writes them), so the document means the same and
     * shows nothing but itself. Outside strings JSON text has only ASCII and its whitespace, so
     * only string contents change.
     */
    static String json(String json) {
        if (Shown.isPlain(json.replace('\n', ' '))) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            String character = pair ? json.substring(i, i + 2) : String.valueOf(c);
            if (c == '\n' || Shown.isPlain(character)) {
                out.append(character);
            } else {
                for (int j = 0; j < character.length(); j++) {
                    out.append(String.format("\\u%04X", (int) character.charAt(j)));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out.toString();
    }
}
