package org.wgtrack.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The init system that runs wgtrack as a service. Detected the way the init systems tell it
 * themselves: systemd creates /run/systemd/system when it runs as PID 1 (sd_booted(3)),
 * OpenRC installs /sbin/openrc-run, the interpreter of its service scripts.
 */
public enum InitSystem {
    SYSTEMD("systemd"),
    OPENRC("openrc");

    static final Path SYSTEMD_RUNTIME_DIR = Path.of("/run/systemd/system");
    static final Path OPENRC_RUN = Path.of("/sbin/openrc-run");

    private final String label;

    InitSystem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** systemd wins when both exist: OpenRC's tools can be installed on a systemd host. */
    public static Optional<InitSystem> detect(ServiceFiles files) {
        if (files.exists(SYSTEMD_RUNTIME_DIR)) {
            return Optional.of(SYSTEMD);
        }
        if (files.exists(OPENRC_RUN)) {
            return Optional.of(OPENRC);
        }
        return Optional.empty();
    }

    /** Parses the value of {@code --init}: "systemd" or "openrc", in any case. */
    public static InitSystem parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (InitSystem init : values()) {
            if (init.label.equals(wanted)) {
                return init;
            }
        }
        throw new IllegalArgumentException("expected systemd or openrc, got '" + text + "'");
    }
}
