package org.wgtrack.status;

import java.util.Optional;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.output.Snapshot;

/**
 * What {@code wgtrack status [INTERFACE [PEER]]} narrows the table to, as {@code wg show wg0}
 * does: one interface, and in it the peers whose friendly name is PEER, whose public key is
 * PEER, or whose key starts with PEER (the table's short form {@code k8YzRPdd…} works, with or
 * without the ellipsis). No interface: every peer.
 */
record PeerFilter(Optional<String> interfaceName, Optional<String> peer) {

    static final PeerFilter ALL = new PeerFilter(Optional.empty(), Optional.empty());

    PeerFilter {
        if (peer.isPresent() && interfaceName.isEmpty()) {
            throw new IllegalArgumentException("a peer is named within an interface");
        }
    }

    static PeerFilter of(String interfaceName, String peer) {
        return new PeerFilter(Optional.ofNullable(interfaceName), Optional.ofNullable(peer));
    }

    boolean narrows() {
        return interfaceName.isPresent();
    }

    boolean matches(PeerSnapshot p) {
        if (interfaceName.isPresent() && !interfaceName.get().equals(p.interfaceName())) {
            return false;
        }
        if (peer.isEmpty()) {
            return true;
        }
        String wanted = peer.get().endsWith("…") ? peer.get().substring(0, peer.get().length() - 1) : peer.get();
        return p.name().filter(wanted::equals).isPresent()
                || (!wanted.isEmpty() && p.publicKey().base64().startsWith(wanted));
    }

    /** The snapshot with only the matching peers; a failed live-state read stays as it is. */
    Snapshot apply(Snapshot snapshot) {
        if (!narrows()) {
            return snapshot;
        }
        return new Snapshot(snapshot.takenAt(), snapshot.liveStateError(),
                snapshot.peers().stream().filter(this::matches).toList(), snapshot.cycleDuration(), snapshot.resolutions());
    }

    /** "wg0" or "wg0 peer1", for messages. */
    String describe() {
        return interfaceName.orElse("") + peer.map(p -> " " + p).orElse("");
    }
}
