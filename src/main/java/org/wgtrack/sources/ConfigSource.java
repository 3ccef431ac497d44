package org.wgtrack.sources;

import java.util.Objects;
import java.util.Optional;
import org.wgtrack.wg.InterfaceConfig;

/**
 * One place an interface's configuration may be written (wg-quick files, systemd-networkd,
 * NetworkManager). Asked per live interface, in the order {@code config_sources} gives.
 */
public interface ConfigSource {

    /** A configuration found, and the words for where: {@code wg-quick file /etc/wireguard/wg0.conf}. */
    record Found(InterfaceConfig config, String description) {

        public Found {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * The interface's configuration in this source, or empty when it has none. A file that is the
     * interface's but cannot be read or parsed is a {@link SourceException}: it was found, so no
     * later source is asked.
     */
    Optional<Found> find(String interfaceName) throws SourceException;

    /** What "not here" means for a message: {@code no /etc/wireguard/wg0.conf}. */
    String absence(String interfaceName);
}
