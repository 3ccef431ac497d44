package org.wgtrack.output;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.log.RateLimiter;

/**
 * The JDK HTTP server's own logging ({@code System.Logger} "com.sun.net.httpserver", which the JDK
 * hands to java.util.logging) routed into wgtrack's {@link Log}: one line per event, no stack
 * trace, each kind of message at most once a minute. Without this, JUL's console handler would
 * print two-line records without wgtrack's format, and a stack trace for anything a client can
 * cause.
 *
 * <p>Samples: {@code http server: Dispatcher (7) (IOException: Too many open files)} at error,
 * {@code http server: no request line: closing} at debug.
 *
 * <p>A record reads {@code http server: <message> (<exception class>: <message>)}. The JDK's
 * {@code TRACE} records (JUL {@code FINER} and below: one per connection event, with stack traces)
 * are never passed on; its {@code DEBUG} records only when wgtrack logs at debug.
 */
final class HttpServerLogging {

    static final String LOGGER_NAME = "com.sun.net.httpserver";
    static final Duration INTERVAL = Duration.ofMinutes(1);

    /** Held strongly: JUL keeps loggers only weakly, and a collected logger would lose the handler. */
    private static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    private static boolean installed;

    private HttpServerLogging() {
    }

    /** Idempotent; called before the first server is created. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        LOGGER.setUseParentHandlers(false);
        LOGGER.setLevel(Level.FINE);
        for (Handler handler : LOGGER.getHandlers()) {
            LOGGER.removeHandler(handler);
        }
        LOGGER.addHandler(new ToLog(System::nanoTime));
        installed = true;
    }

    /** The handler; public to the package for tests with their own clock. */
    static final class ToLog extends Handler {
        private static final SimpleFormatter FORMATTER = new SimpleFormatter();
        /** Kinds seen so far; past {@value #MAX_KINDS} (a client can vary the request line), one shared kind. */
        private static final int MAX_KINDS = 64;
        private final RateLimiter limiter;
        private final Set<String> kinds = new HashSet<>();

        ToLog(LongSupplier nanoTime) {
            this.limiter = new RateLimiter(INTERVAL, nanoTime);
            setLevel(Level.FINE);
        }

        @Override
        public void publish(LogRecord record) {
            try {
                if (record == null || record.getLevel().intValue() < Level.FINE.intValue()) {
                    return;
                }
                LogLevel level = levelOf(record.getLevel());
                if (!Log.get().enabled(level)) {
                    return;
                }
                String message = oneLine(FORMATTER.formatMessage(record));
                if (!limiter.allow(level + " " + boundedKind(message))) {
                    return;
                }
                StringBuilder line = new StringBuilder("http server: ").append(message);
                Throwable thrown = record.getThrown();
                if (thrown != null) {
                    line.append(" (").append(thrown.getClass().getSimpleName());
                    if (thrown.getMessage() != null) {
                        line.append(": ").append(oneLine(thrown.getMessage()));
                    }
                    line.append(')');
                }
                Log.get().log(level, line.toString());
            } catch (RuntimeException e) {
                // Logging must never break the server thread that logs.
            }
        }

        private synchronized String boundedKind(String message) {
            String kind = kind(message);
            if (kinds.contains(kind) || kinds.size() < MAX_KINDS && kinds.add(kind)) {
                return kind;
            }
            return "(other)";
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static LogLevel levelOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARNING;
        } else if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        return LogLevel.DEBUG;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /** Messages that differ only after their first slash or digit (an address, a path, a number) are one kind. */
    static String kind(String message) {
        int end = Math.min(message.length(), 24);
        for (int i = 0; i < end; i++) {
            char c = message.charAt(i);
            if (c == '/' || (c >= '0' && c <= '9')) {
                end = i;
            }
        }
        return message.substring(0, end);
    }
}
