package org.wgtrack.ini;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads INI text the way Python's {@code configparser.ConfigParser()} does with its default
 * settings (strict, {@code =} and {@code :} delimiters, {@code #}/{@code ;} whole-line comments,
 * no inline comments, empty lines allowed inside values), keeping each key's line:
 *
 * <pre>
 * # a whole-line comment; "#" or ";" after a value is part of the value
 * [DEFAULT]
 * base = 10.0.0
 *
 * [peer:wg0:xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=]
 * Ping_Address: %(base)s.2      → key "ping_address", value "10.0.0.2" when read
 * note = first line
 *   second line                 → "note" is "first line\nsecond line"
 * </pre>
 *
 * It knows no key names. Every syntax problem is collected; interpolation happens later, on read
 * ({@link IniSection#get}).
 */
public final class IniReader {

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, SectionBuilder> sections = new LinkedHashMap<>();
    private final SectionBuilder defaults;
    /** (section, key) pairs seen so far, as configparser's {@code elements_added}: DEFAULT may repeat, its keys may not. */
    private final Map<String, Map<String, Integer>> keyLines = new HashMap<>();

    private SectionBuilder current;
    private ValueBuilder currentValue;
    private int indentLevel;
    private boolean headerMissingReported;

    private IniReader(String source) {
        this.source = source;
        this.defaults = new SectionBuilder(IniSection.DEFAULT, 0);
    }

    public static IniDocument parse(String source, String text) throws IniException {
        IniReader reader = new IniReader(source);
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            reader.line(i + 1, lines.get(i));
        }
        if (!reader.problems.isEmpty()) {
            throw new IniException(reader.problems);
        }
        return reader.build();
    }

    /** Splits on {@code \n}, {@code \r\n} and {@code \r}, as Python's text files do (universal newlines). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    // One step of configparser's RawConfigParser._read, in the same order of checks.
    private void line(int lineNo, String line) {
        String value = PyText.strip(line);
        if (value.startsWith("#") || value.startsWith(";")) {
            return; // a whole-line comment, indented or not: neither ends nor extends a value
        }
        if (value.isEmpty()) {
            if (currentValue != null) {
                currentValue.parts.add(""); // kept inside a value; trailing ones are dropped at the end
            }
            return;
        }
        int indent = PyText.indent(line);
        if (current != null && currentValue != null && indent > indentLevel) {
            currentValue.parts.add(value);
            return;
        }
        indentLevel = indent;
        int close = value.lastIndexOf(']');
        if (value.startsWith("[") && close >= 2) {
            // configparser's "\[(?P<header>.+)\]" is greedy and matches at the start only:
            // the name runs to the last ']' and anything after it is ignored.
            sectionHeader(lineNo, value.substring(1, close));
        } else if (current == null) {
            if (!headerMissingReported) {
                problems.add(new ConfigProblem(source, lineNo, null, null,
                        "missing section header (expected a [section] line before the first key, got "
                                + PyText.quote(value) + ")"));
                headerMissingReported = true;
            }
        } else {
            keyLine(lineNo, value);
        }
    }

    private void sectionHeader(int lineNo, String name) {
        currentValue = null;
        if (IniSection.DEFAULT.equals(name)) {
            if (defaults.line == 0) {
                defaults.line = lineNo;
            }
            current = defaults;
            return;
        }
        SectionBuilder first = sections.get(name);
        if (first != null) {
            problems.add(new ConfigProblem(source, lineNo, name, null,
                    "duplicate section (expected each section once, first at line " + first.line + ")"));
            current = new SectionBuilder(name, lineNo); // detached: its keys are checked, not kept
            keyLines.put(name, new HashMap<>());
            return;
        }
        current = new SectionBuilder(name, lineNo);
        sections.put(name, current);
    }

    private void keyLine(int lineNo, String value) {
        int delimiter = firstDelimiter(value);
        if (delimiter < 0) {
            problems.add(new ConfigProblem(source, lineNo, null, null,
                    "not a section, key or comment (expected '[section]', 'key = value' or 'key: value', got "
                            + PyText.quote(value) + ")"));
            return; // like configparser, the previous key stays open for continuation lines
        }
        String key = PyText.optionxform(PyText.rstrip(value.substring(0, delimiter)));
        if (delimiter == 0) {
            problems.add(new ConfigProblem(source, lineNo, current.name, null,
                    "missing key name (expected 'key = value', got " + PyText.quote(value) + ")"));
        }
        Map<String, Integer> seen = keyLines.computeIfAbsent(current.name, n -> new HashMap<>());
        Integer firstLine = seen.putIfAbsent(key, lineNo);
        ValueBuilder builder = new ValueBuilder(key, lineNo, PyText.strip(value.substring(delimiter + 1)));
        if (firstLine != null) {
            problems.add(new ConfigProblem(source, lineNo, current.name, key,
                    "duplicate key (expected each key once per section, first at line " + firstLine + ")"));
        } else if (delimiter > 0) {
            current.values.put(key, builder);
        }
        // configparser continues no value after an empty key name ("if optname" is false for "")
        currentValue = delimiter == 0 ? null : builder;
    }

    private static int firstDelimiter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private IniDocument build() {
        InterpolationBudget budget = new InterpolationBudget();
        IniSection defaultSection = defaults.build(source, null, budget);
        List<IniSection> built = new ArrayList<>();
        for (SectionBuilder section : sections.values()) {
            built.add(section.build(source, defaultSection, budget));
        }
        return new IniDocument(source, defaultSection, built);
    }

    private static final class SectionBuilder {
        final String name;
        int line;
        final Map<String, ValueBuilder> values = new LinkedHashMap<>();

        SectionBuilder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        IniSection build(String source, IniSection defaults, InterpolationBudget budget) {
            Map<String, IniEntry> entries = new LinkedHashMap<>();
            values.forEach((key, value) -> entries.put(key, value.build(name)));
            return new IniSection(source, name, line, entries, defaults, budget);
        }
    }

    private static final class ValueBuilder {
        final String key;
        final int line;
        final List<String> parts = new ArrayList<>();

        ValueBuilder(String key, int line, String first) {
            this.key = key;
            this.line = line;
            parts.add(first);
        }

        IniEntry build(String section) {
            // configparser: '\n'.join(parts).rstrip(); the parts are stripped already, so this drops
            // trailing empty lines but keeps a leading one ("key =" followed by indented lines).
            return new IniEntry(section, key, PyText.rstrip(String.join("\n", parts)), line);
        }
    }
}
