package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a configuration file as wg, wg-quick, systemd and GLib split them: at {@code \n}
 * only (a bare {@code \r} is no line end), a UTF-8 byte order mark at the start dropped, no
 * empty last line after a final newline. Line {@code i} of the list is line {@code i + 1} of the file.
 */
final class TextLines {

    private TextLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }
}
