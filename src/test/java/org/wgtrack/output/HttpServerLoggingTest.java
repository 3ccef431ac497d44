package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;

class HttpServerLoggingTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final HttpServerLogging.ToLog handler = new HttpServerLogging.ToLog(nanos::get);

    private void logAt(LogLevel threshold) {
        Log.install(new Log(new PrintStream(logged, true, StandardCharsets.UTF_8), false, threshold));
    }

    @AfterEach
    void restoreLog() {
        Log.install(new Log(System.err, false, LogLevel.INFO));
    }

    private String lines() {
        return logged.toString(StandardCharsets.UTF_8).replaceAll("(?m)^\\S+ ", "");
    }

    private static LogRecord record(Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void recordWithExceptionIsOneLineWithoutStackTrace() {
        logAt(LogLevel.INFO);
        handler.publish(record(Level.SEVERE, "Dispatcher (7)", new IOException("Too many open files\n\tat nowhere")));
        assertThat(lines()).isEqualTo("ERROR http server: Dispatcher (7) (IOException: Too many open files at nowhere)\n");
    }

    @Test
    void sameKindOfMessageAtMostOnceAMinute() {
        logAt(LogLevel.INFO);
        handler.publish(record(Level.WARNING, "connection from /192.0.2.1:4000 dropped", null));
        handler.publish(record(Level.WARNING, "connection from /192.0.2.2:4001 dropped", null));
        handler.publish(record(Level.WARNING, "another warning", null));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        handler.publish(record(Level.WARNING, "connection from /192.0.2.3:4002 dropped", null));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        handler.publish(record(Level.WARNING, "connection from /192.0.2.4:4003 dropped", null));
        assertThat(lines()).isEqualTo("""
                WARNING http server: connection from /192.0.2.1:4000 dropped
                WARNING http server: another warning
                WARNING http server: connection from /192.0.2.4:4003 dropped
                """);
    }

    @Test
    void requestLinesAClientVariesShareOneKindOnceTheKindsAreMany() {
        logAt(LogLevel.DEBUG);
        for (int i = 0; i < 1000; i++) {
            handler.publish(record(Level.FINE, "M" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + "Q /x HTTP/1.1", null));
        }
        assertThat(lines().lines().count()).isLessThanOrEqualTo(65);
    }

    @Test
    void jdkDebugOnlyAtDebugAndTraceNever() {
        logAt(LogLevel.INFO);
        handler.publish(record(Level.FINE, "no request line: closing", null));
        assertThat(lines()).isEmpty();
        logAt(LogLevel.DEBUG);
        handler.publish(record(Level.FINER, "ServerImpl.Exchange (3)", new IOException("Broken pipe")));
        handler.publish(record(Level.FINE, "no request line: closing", null));
        assertThat(lines()).isEqualTo("DEBUG http server: no request line: closing\n");
    }

    @Test
    void parametersAreFormatted() {
        logAt(LogLevel.INFO);
        LogRecord record = record(Level.INFO, "MAX_REQ_TIME: {0}", null);
        record.setParameters(new Object[] {"10000"});
        handler.publish(record);
        assertThat(lines()).isEqualTo("INFO http server: MAX_REQ_TIME: 10000\n");
    }

    @Test
    void theJdkLoggerGoesToWgtracksLogAndNotToTheConsole() {
        logAt(LogLevel.INFO);
        HttpServerLogging.install();
        HttpServerLogging.install();
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            Logger.getLogger(HttpServerLogging.LOGGER_NAME).log(Level.WARNING, "routed once " + System.nanoTime(),
                    new IllegalStateException("boom"));
        } finally {
            System.setErr(stderr);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(lines()).startsWith("WARNING http server: routed once ").endsWith(" (IllegalStateException: boom)\n")
                .hasLineCount(1);
    }
}
