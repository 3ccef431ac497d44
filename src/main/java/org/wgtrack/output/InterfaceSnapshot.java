package org.wgtrack.output;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.wgtrack.wg.PublicKey;

/**
 * One tracked interface at the end of a cycle, for outputs that describe devices and not only
 * peers (the Go exporter's {@code wireguard_device_info}, Telegraf's {@code wireguard_device}).
 *
 * @param publicKey    the interface's own public key; empty when it has no private key yet ({@code (none)} in the dump)
 * @param listenPort   the UDP port it listens on; empty when the dump says 0
 * @param firewallMark the fwmark of its packets; empty when the dump says {@code off}
 */
public record InterfaceSnapshot(String name, Optional<PublicKey> publicKey, OptionalInt listenPort, OptionalLong firewallMark) {

    public InterfaceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(listenPort, "listenPort");
        Objects.requireNonNull(firewallMark, "firewallMark");
    }

    /** Without a listen port or fwmark (tests of outputs that do not write them). */
    public InterfaceSnapshot(String name, Optional<PublicKey> publicKey) {
        this(name, publicKey, OptionalInt.empty(), OptionalLong.empty());
    }
}
