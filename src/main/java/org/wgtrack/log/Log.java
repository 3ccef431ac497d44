package org.wgtrack.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;

/**
 * wgtrack's log: one line per event on stderr, with its level. Under systemd (when
 * {@code JOURNAL_STREAM} is set) each line starts with an sd-daemon priority prefix such as
 * {@code <4>} so journald records the level, and the timestamp is left to the journal;
 * elsewhere a line reads {@code 2026-11-25T12:00:00.123Z WARNING message}.
 *
 * <p>Deliberately not java.util.logging: there is one destination and one format, and the
 * JUL setup (handlers, formatters, the root logger's console handler) would be more code than this.
 */
public final class Log {

    private static volatile Log instance = new Log(System.err, System.getenv("JOURNAL_STREAM") != null, LogLevel.INFO);

    private final PrintStream out;
    private final boolean journal;
    private volatile LogLevel threshold;

    public Log(PrintStream out, boolean journal, LogLevel threshold) {
        this.out = Objects.requireNonNull(out);
        this.journal = journal;
        this.threshold = Objects.requireNonNull(threshold);
    }

    public static Log get() {
        return instance;
    }

    /** Replaces the process-wide log (tests capture output this way). */
    public static void install(Log log) {
        instance = Objects.requireNonNull(log);
    }

    public void setThreshold(LogLevel level) {
        threshold = Objects.requireNonNull(level);
    }

    public boolean enabled(LogLevel level) {
        return level.compareTo(threshold) >= 0;
    }

    public static void debug(String message) {
        instance.log(LogLevel.DEBUG, message);
    }

    public static void info(String message) {
        instance.log(LogLevel.INFO, message);
    }

    public static void warning(String message) {
        instance.log(LogLevel.WARNING, message);
    }

    public static void error(String message) {
        instance.log(LogLevel.ERROR, message);
    }

    public void log(LogLevel level, String message) {
        if (!enabled(level)) {
            return;
        }
        // One event is one line: a multi-line message (a config error listing several
        // problems) is indented so journald and grep keep it together, and nothing else in it
        // (a name or wg's stderr with \r, an escape sequence, U+2028) may forge or hide a line.
        String text = escapedLines(message);
        String line = journal
                ? "<" + syslogPriority(level) + ">" + text
                : Instant.now() + " " + level.name() + " " + text;
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String escapedLines(String message) {
        StringBuilder out = new StringBuilder(message.length() + 16);
        int start = 0;
        for (int end; (end = message.indexOf('\n', start)) >= 0; start = end + 1) {
            out.append(Shown.escaped(message.substring(start, end))).append("\n    ");
        }
        return out.append(Shown.escaped(message.substring(start))).toString();
    }

    private static int syslogPriority(LogLevel level) {
        return switch (level) {
            case DEBUG -> 7;
            case INFO -> 6;
            case WARNING -> 4;
            case ERROR -> 3;
        };
    }
}
