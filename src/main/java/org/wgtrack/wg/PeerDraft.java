package org.wgtrack.wg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A peer section being read ({@code [Peer]}, {@code [WireGuardPeer]}); becomes a PeerConfig when the section ends. */
final class PeerDraft {

    final int line;
    /** The friendly name in the comments directly above the section's header, if any. */
    final String nameAbove;
    final List<AllowedIp> allowedIps = new ArrayList<>();
    PublicKey publicKey;
    int publicKeyLine;
    Endpoint endpoint;
    OptionalInt keepalive = OptionalInt.empty();
    /** The first friendly name inside the section. */
    String name;

    PeerDraft(int line, String nameAbove) {
        this.line = line;
        this.nameAbove = nameAbove;
    }

    /** The peer as read; a name inside the section is the more specific one. Needs the public key. */
    PeerConfig toConfig() {
        return new PeerConfig(publicKey, Optional.ofNullable(endpoint), allowedIps, keepalive,
                Optional.ofNullable(name).or(() -> Optional.ofNullable(nameAbove)), line);
    }
}
