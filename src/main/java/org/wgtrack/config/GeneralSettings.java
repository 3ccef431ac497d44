package org.wgtrack.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.wgtrack.log.LogLevel;

/** Daemon-wide settings from {@code [general]} (then {@code [DEFAULT]}). */
public record GeneralSettings(Duration cycleTime, LogLevel logLevel, Path wireguardConfigDir, String wgCommand) {

    public static final GeneralSettings DEFAULTS =
            new GeneralSettings(Duration.ofSeconds(30), LogLevel.INFO, Path.of("/etc/wireguard"), "wg");

    public GeneralSettings {
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(wireguardConfigDir, "wireguardConfigDir");
        Objects.requireNonNull(wgCommand, "wgCommand");
        if (cycleTime.isZero() || cycleTime.isNegative()) {
            throw new IllegalArgumentException("cycle time must be > 0");
        }
    }
}
