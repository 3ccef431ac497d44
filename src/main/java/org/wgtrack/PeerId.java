package org.wgtrack;

import java.util.Objects;
import org.wgtrack.wg.PublicKey;

/** A peer as wgtrack tracks it: the same key on two interfaces is two peers. */
public record PeerId(String interfaceName, PublicKey publicKey) {

    public PeerId {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** {@code wg0 k8YzRPdd…}, or {@code wg0 peer1 (k8YzRPdd…)} with a name: how logs name a peer. */
    public String describe(java.util.Optional<String> name) {
        return name.map(n -> interfaceName + " " + n + " (" + publicKey.shortForm() + ")")
                .orElse(interfaceName + " " + publicKey.shortForm());
    }
}
