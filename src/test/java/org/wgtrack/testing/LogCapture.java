package org.wgtrack.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;

/**
 * Captures wgtrack's process-wide log for each test and puts the previous log back afterwards,
 * also when the test fails: {@code @RegisterExtension final LogCapture log = LogCapture.at(LogLevel.INFO);}.
 * Lines are written in journal form ({@code <4>message}, no timestamp) so tests can assert them
 * whole. The log is put back after the test's own {@code @AfterEach} methods, so what a daemon
 * logs while it stops is captured too.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final LogLevel threshold;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private Log previous;

    private LogCapture(LogLevel threshold) {
        this.threshold = Objects.requireNonNull(threshold);
    }

    public static LogCapture at(LogLevel threshold) {
        return new LogCapture(threshold);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        previous = Log.get();
        captured.reset();
        Log.install(new Log(new PrintStream(captured, true, StandardCharsets.UTF_8), true, threshold));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Log.install(previous);
    }

    /** Everything logged since the test started or since {@link #clear}. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    public void clear() {
        captured.reset();
    }
}
