package org.wgtrack.log;

import java.util.Locale;
import java.util.Optional;

/** The log levels an operator can choose ({@code loglevel}, {@code --loglevel}). */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogLevel> parse(String text) {
        for (LogLevel level : values()) {
            if (level.label().equalsIgnoreCase(text.strip())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
