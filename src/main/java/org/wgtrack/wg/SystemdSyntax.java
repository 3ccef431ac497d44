package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a file in systemd's configuration syntax (systemd.syntax(7)), as systemd reads
 * them: leading and trailing whitespace stripped; empty lines and lines starting with {@code #}
 * or {@code ;} are comments (a {@code #} later in a line is part of the value); a line ending in
 * an odd number of backslashes continues on the next one, the backslash becoming a space, and
 * comment lines inside such a continuation are skipped; {@code [Section]} headers and
 * {@code Key=Value} assignments, both case-sensitive, with whitespace around the {@code =}
 * stripped. A continued line is reported at the line it starts on.
 */
final class SystemdSyntax {

    /** One logical line. {@code section} is the header's name, {@code key} and {@code value} the assignment's. */
    record Line(int number, Kind kind, String text, String section, String key, String value) {
        enum Kind { COMMENT, BLANK, SECTION, ASSIGNMENT }
    }

    private SystemdSyntax() {
    }

    static List<Line> lines(String source, String text) throws WgConfigException {
        return lines(source, text, false);
    }

    /** With {@code lenient}, a line that is no comment, header or assignment is left out instead of failing the read. */
    static List<Line> lines(String source, String text, boolean lenient) throws WgConfigException {
        List<Line> lines = new ArrayList<>();
        StringBuilder continued = null;
        int continuedFrom = 0;
        List<String> physicalLines = TextLines.of(text);
        for (int number = 1; number <= physicalLines.size(); number++) {
            String physical = physicalLines.get(number - 1);
            String stripped = physical.strip();
            if (continued != null && !stripped.isEmpty() && (stripped.charAt(0) == '#' || stripped.charAt(0) == ';')) {
                continue;
            }
            if (endsInEscape(physical)) {
                if (continued == null) {
                    continued = new StringBuilder();
                    continuedFrom = number;
                }
                continued.append(physical, 0, physical.length() - 1).append(' ');
                continue;
            }
            int lineNumber = number;
            String logical = physical;
            if (continued != null) {
                logical = continued.append(physical).toString();
                lineNumber = continuedFrom;
                continued = null;
            }
            add(lines, source, lineNumber, logical.strip(), lenient);
        }
        if (continued != null) {
            add(lines, source, continuedFrom, continued.toString().strip(), lenient);
        }
        return lines;
    }

    private static void add(List<Line> lines, String source, int number, String line, boolean lenient) throws WgConfigException {
        try {
            lines.add(classify(source, number, line));
        } catch (WgConfigException e) {
            if (!lenient) {
                throw e;
            }
        }
    }

    private static boolean endsInEscape(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Line classify(String source, int number, String line) throws WgConfigException {
        if (line.isEmpty()) {
            return new Line(number, Line.Kind.BLANK, line, null, null, null);
        }
        char first = line.charAt(0);
        if (first == '#' || first == ';') {
            return new Line(number, Line.Kind.COMMENT, line, null, null, null);
        }
        if (first == '[') {
            if (line.charAt(line.length() - 1) != ']') {
                // Not shown: a header line may hold anything pasted into it.
                throw new WgConfigException(source, number, "malformed section header (expected [Section]; line not shown)");
            }
            return new Line(number, Line.Kind.SECTION, line, line.substring(1, line.length() - 1), null, null);
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new WgConfigException(source, number, "not a section, assignment or comment (expected Key=Value, got a line without '='; line not shown)");
        }
        return new Line(number, Line.Kind.ASSIGNMENT, line, null, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
}
