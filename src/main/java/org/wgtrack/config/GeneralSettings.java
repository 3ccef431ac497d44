package org.wgtrack.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.wgtrack.log.LogLevel;
import org.wgtrack.wg.ConfigFormat;

/**
 * Daemon-wide settings from {@code [general]} (then {@code [DEFAULT]}).
 *
 * @param configSources             where an interface's configuration is looked for, in order
 * @param networkdConfigDirs        systemd-networkd's search path for {@code .netdev} files, most important first
 * @param networkManagerConfigDirs  NetworkManager's connection directories, most important first
 */
public record GeneralSettings(Duration cycleTime, LogLevel logLevel, Path wireguardConfigDir, String wgCommand,
                              List<ConfigFormat> configSources, List<Path> networkdConfigDirs,
                              List<Path> networkManagerConfigDirs) {

    public static final List<ConfigFormat> DEFAULT_CONFIG_SOURCES =
            List.of(ConfigFormat.WG_QUICK, ConfigFormat.NETWORKD, ConfigFormat.NETWORKMANAGER);
    /** networkd's own search path. */
    public static final List<Path> DEFAULT_NETWORKD_CONFIG_DIRS = List.of(Path.of("/etc/systemd/network"),
            Path.of("/run/systemd/network"), Path.of("/usr/local/lib/systemd/network"), Path.of("/usr/lib/systemd/network"));
    /** Where NetworkManager keeps its connection profiles. */
    public static final List<Path> DEFAULT_NETWORKMANAGER_CONFIG_DIRS = List.of(
            Path.of("/etc/NetworkManager/system-connections"), Path.of("/run/NetworkManager/system-connections"));

    public static final GeneralSettings DEFAULTS =
            new GeneralSettings(Duration.ofSeconds(30), LogLevel.INFO, Path.of("/etc/wireguard"), "wg");

    public GeneralSettings {
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(wireguardConfigDir, "wireguardConfigDir");
        Objects.requireNonNull(wgCommand, "wgCommand");
        configSources = List.copyOf(configSources);
        networkdConfigDirs = List.copyOf(networkdConfigDirs);
        networkManagerConfigDirs = List.copyOf(networkManagerConfigDirs);
        if (cycleTime.isZero() || cycleTime.isNegative()) {
            throw new IllegalArgumentException("cycle time must be > 0");
        }
    }

    /** The built-in configuration sources and their directories. */
    public GeneralSettings(Duration cycleTime, LogLevel logLevel, Path wireguardConfigDir, String wgCommand) {
        this(cycleTime, logLevel, wireguardConfigDir, wgCommand, DEFAULT_CONFIG_SOURCES, DEFAULT_NETWORKD_CONFIG_DIRS,
                DEFAULT_NETWORKMANAGER_CONFIG_DIRS);
    }
}
