package org.wgtrack.output;

import java.util.Objects;
import java.util.Optional;
import org.wgtrack.wg.PublicKey;

/**
 * One tracked interface at the end of a cycle, for outputs that describe devices and not only
 * peers (the Go exporter's {@code wireguard_device_info}).
 *
 * @param publicKey the interface's own public key; empty when it has no private key yet ({@code (none)} in the dump)
 */
public record InterfaceSnapshot(String name, Optional<PublicKey> publicKey) {

    public InterfaceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
