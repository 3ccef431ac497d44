package org.wgtrack.wg;

import java.util.Locale;
import java.util.Optional;

/** The ways a WireGuard interface is commonly configured, each a file format wgtrack reads. */
public enum ConfigFormat {
    /** {@code <wireguard_config_dir>/<ifname>.conf}, as wg-quick reads it */
    WG_QUICK("wg-quick"),
    /** a systemd-networkd {@code .netdev} with {@code Kind=wireguard} */
    NETWORKD("networkd"),
    /** a NetworkManager keyfile with {@code type=wireguard} */
    NETWORKMANAGER("networkmanager");

    private final String label;

    ConfigFormat(String label) {
        this.label = label;
    }

    /** As written in {@code config_sources}. */
    public String label() {
        return label;
    }

    public static Optional<ConfigFormat> byLabel(String text) {
        for (ConfigFormat format : values()) {
            if (format.label.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
