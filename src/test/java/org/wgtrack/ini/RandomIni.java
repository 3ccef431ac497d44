package org.wgtrack.ini;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random INI documents for the configparser comparison: mostly plausible files (a header
 * first, few duplicates) with configparser's corner cases mixed in, and some plain chaos.
 */
final class RandomIni {

    private static final List<String> SECTIONS = List.of(
            "general", "DEFAULT", "a", "A", "b", "peer:wg0:xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=",
            " a ", "x]y", "[c]", "]");
    private static final List<String> HEADER_SUFFIXES = List.of("", "", "", "", " ; note", "x", " = 1", "]");
    private static final List<String> KEYS = List.of(
            "k", "K", "key", "Key", "name", "base", "dir", "key two", "KEY TWO", "x.y", "[k", "ping_timeout");
    private static final List<String> DELIMITERS = List.of("=", " = ", ":", ": ", " : ", "\t=\t", "=:", " =  ");
    private static final List<String> VALUES = List.of(
            "", "1", "value", "0.5", "%(k)s", "%(base)s/x", "%(KEY)s", "%(dir)s-%(name)s", "%%", "100%%", "100%",
            "%(missing)s", "%(", "%(k)d", "%()s", "%x", "a=b", "x: y", "  spaced  ", "%(key two)s",
            "# not a comment", "; not a comment", "tab\tinside", "ü€", "%(k)s%(k)s", "http://h:1/p?q=r");
    private static final List<String> INDENTS = List.of(" ", "  ", "\t", "    ", " \t", "\f", "\u00a0");
    private static final List<String> COMMENTS = List.of("# comment", "; comment", "#", ";;", "#[a]", "; k = v");
    private static final List<String> BLANKS = List.of("", "", "   ", "\t");
    private static final List<String> GARBAGE = List.of("garbage", "no delimiter here", "=", "= v", ": x", "[", "[]", "[x");

    private final Random random;
    private final boolean plausible;
    private final Set<String> sectionsUsed = new HashSet<>();
    private final Set<String> keysUsed = new HashSet<>();
    private String section;
    private boolean inValue;

    private RandomIni(long seed) {
        this.random = new Random(seed);
        this.plausible = random.nextInt(10) < 7;
    }

    static String document(long seed) {
        return new RandomIni(seed).build();
    }

    private String build() {
        StringBuilder out = new StringBuilder();
        String newline = switch (random.nextInt(12)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        int lines = 1 + random.nextInt(14);
        if (plausible || random.nextBoolean()) {
            out.append(header()).append(newline);
        }
        for (int i = 0; i < lines; i++) {
            out.append(line()).append(newline);
        }
        if (random.nextInt(8) == 0) {
            out.setLength(out.length() - newline.length()); // no newline at the end of the file
        }
        return out.toString();
    }

    private String line() {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return header();
        }
        if (kind < 50) {
            return keyLine();
        }
        if (kind < 68 && inValue) {
            return pick(INDENTS) + (random.nextInt(4) == 0 ? pick(COMMENTS) : pick(VALUES).strip() + "x");
        }
        if (kind < 78) {
            return (random.nextBoolean() ? "" : pick(INDENTS)) + pick(COMMENTS);
        }
        if (kind < 92 || plausible) {
            return pick(BLANKS);
        }
        return (random.nextBoolean() ? "" : pick(INDENTS)) + pick(GARBAGE);
    }

    private String header() {
        String name = pick(SECTIONS);
        if (plausible) {
            for (int tries = 0; tries < 5 && !name.equals("DEFAULT") && sectionsUsed.contains(name); tries++) {
                name = pick(SECTIONS);
            }
        }
        sectionsUsed.add(name);
        section = name.equals("DEFAULT") ? "DEFAULT" : name;
        inValue = false;
        String indent = random.nextInt(10) == 0 ? pick(INDENTS) : "";
        String suffix = plausible ? "" : pick(HEADER_SUFFIXES);
        return indent + "[" + name + "]" + suffix;
    }

    private String keyLine() {
        String key = pick(KEYS);
        if (plausible) {
            for (int tries = 0; tries < 5 && keysUsed.contains(section + "\0" + key.toLowerCase()); tries++) {
                key = pick(KEYS);
            }
        }
        keysUsed.add(section + "\0" + key.toLowerCase());
        inValue = true;
        String indent = random.nextInt(12) == 0 ? pick(INDENTS) : "";
        return indent + key + pick(DELIMITERS) + pick(VALUES);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
