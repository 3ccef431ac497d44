package org.wgtrack.status;

import org.wgtrack.log.LogLevel;
import picocli.CommandLine;

/** {@code -l/--loglevel}: the level names in any case; a bad one names the allowed ones. */
public final class LogLevelConverter implements CommandLine.ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
        return LogLevel.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "expected debug, info, warning or error, got '" + value + "'"));
    }
}
