package org.wgtrack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The wgtrack.conf of a test that runs the daemon as a process: a {@code [general]} section
 * with the cycle time, the scripted wg and {@code DIR/wireguard} (created) as the directory of
 * the wg-quick files, then the test's own sections. For example:
 *
 * <pre>
 * [general]
 * cycle_time = 0.2
 * wg_command = /tmp/junit…/fake-wg/wg
 * wireguard_config_dir = /tmp/junit…/wireguard
 *
 * [DEFAULT]
 * ping_interval = 0
 * </pre>
 */
public final class WgtrackConf {

    private WgtrackConf() {
    }

    /** Writes {@code DIR/wgtrack.conf} and returns its path. */
    public static Path write(Path dir, String cycleTime, Object wgCommand, String sections) throws IOException {
        Path wireguard = Files.createDirectories(dir.resolve("wireguard"));
        return Files.writeString(dir.resolve("wgtrack.conf"), """
                [general]
                cycle_time = %s
                wg_command = %s
                wireguard_config_dir = %s

                """.formatted(cycleTime, wgCommand, wireguard) + sections);
    }
}
